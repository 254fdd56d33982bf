import { create, MessageInitShape } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import {
  HarvestedRecord,
  HarvestedRecordSchema,
  HarvestRecordChangedSchema,
  TOPICS,
} from '@dpi/contracts';
import {
  createKafka,
  encodeMessage,
  envelopeToHeaders,
  newEnvelope,
  prefixedTopic,
} from '@dpi/kafka';
import { eventually, KafkaProbe, kafkaBrokers } from '@dpi/testing';
import { Producer } from 'kafkajs';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

/**
 * The set-up of harvested-datasets.int-spec.ts: a registry, a producer to its
 * dpi.harvest.record.v1, a probe on its dataset events, harvest records of one source and job,
 * and the helpers the tests share.
 */
export const ADMIN_TOKEN = 'harvested-admin-token-0123456789';
export const SOURCE = '6f1c1a52-3b7e-4d0f-9a51-6a2d1f3c9e10';
export const JOB = '0b7f4c1e-2a9d-4e83-bf21-5c6d7e8f9a0b';

type RecordInit = MessageInitShape<typeof HarvestedRecordSchema>;

export function record(fileIdentifier: string, overrides: RecordInit = {}) {
  const init: RecordInit = {
    sourceId: SOURCE,
    sourceName: 'GDI-DE Geodatenkatalog',
    fileIdentifier,
    landCode: '',
    checksum: `sha-${fileIdentifier}-1`,
    jobId: JOB,
    harvestedAt: timestampNow(),
    hierarchyLevel: 'dataset',
    title: `Datensatz ${fileIdentifier}`,
    description: 'Harvested from a CSW',
    keywords: ['opendata', 'Verkehr'],
    themes: ['TRAN', 'XXXX'],
    licenceUri: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
    accessRights: 'PUBLIC',
    bboxes: [{ west: 9.7, south: 53.3, east: 10.3, north: 53.7 }],
    contact: {
      organisation: 'LGV Hamburg',
      email: 'info@gv.hamburg.de',
      url: '',
      role: 'pointOfContact',
    },
    distributions: [
      {
        url: 'https://geodienste.hamburg.de/wms',
        format: 'WMS',
        protocol: 'OGC:WMS',
        title: '',
        description: '',
        function: '',
      },
      {
        url: 'javascript:alert(1)',
        format: 'other',
        protocol: '',
        title: '',
        description: '',
        function: '',
      },
    ],
    openData: true,
  };
  return create(HarvestedRecordSchema, { ...init, ...overrides } as RecordInit);
}

export interface HarvestedDatasets {
  registry(): RegistryUnderTest;
  /** The registry's dpi.harvest.record.v1 in this namespace. */
  topic(): string;
  /** Everything published to dpi.registry.dataset.v1 of this namespace. */
  datasetEvents(): KafkaProbe;
  /** Sends harvest records (null: a tombstone); returns the messages' event ids. */
  send(messages: { fileIdentifier: string; value: HarvestedRecord | null }[]): Promise<string[]>;
  /** The source's datasets in the registry's table, withdrawn ones too. */
  harvested(): Promise<{ file: string; version: number; withdrawn: boolean; id: string }[]>;
  /** The id of a harvested dataset once it is applied and live. */
  liveId(file: string): Promise<string>;
  /** A Hamburg editor's token, issued once. */
  hamburgEditor(): Promise<string>;
  /** POSTs a record and returns its id. */
  created(path: string, token: string, body: object): Promise<string>;
  /** A Hamburg platform linking the datasets. */
  platform(name: string, datasetIds: string[]): object;
}

/** Starts the registry, the producer and the probe in beforeAll; stops them in afterAll. */
export function useHarvestedDatasets(): HarvestedDatasets {
  let registry: RegistryUnderTest;
  let producer: Producer;
  let datasetEvents: KafkaProbe;
  let topic: string;

  const send = async (messages: { fileIdentifier: string; value: HarvestedRecord | null }[]) => {
    const envelopes = messages.map(() =>
      newEnvelope({
        correlationId: JOB,
        causationId: JOB,
        producer: 'harvester',
        schema: HarvestRecordChangedSchema.typeName,
        entityVersion: 1,
      }),
    );
    await producer.send({
      topic,
      messages: messages.map(({ fileIdentifier, value }, i) => ({
        key: `${SOURCE}/${fileIdentifier}`,
        value: value
          ? encodeMessage(
              HarvestRecordChangedSchema,
              create(HarvestRecordChangedSchema, { record: value }),
            )
          : null,
        headers: envelopeToHeaders(envelopes[i]),
      })),
    });
    return envelopes.map((e) => e.eventId);
  };

  const harvested = async () =>
    (
      await registry.db.query(
        `SELECT harvest_file_identifier AS file, version, deleted_at IS NOT NULL AS withdrawn, id
         FROM ${registry.schema}.dataset WHERE harvest_source_id = $1 ORDER BY 1`,
        [SOURCE],
      )
    ).rows as { file: string; version: number; withdrawn: boolean; id: string }[];

  beforeAll(async () => {
    registry = await startRegistry('harvested', ADMIN_TOKEN);
    topic = prefixedTopic(TOPICS.harvestRecord, registry.ns.topicPrefix);
    producer = createKafka(
      { KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC_PREFIX: '' },
      'test',
    ).producer();
    await producer.connect();
    datasetEvents = await new KafkaProbe(
      prefixedTopic(TOPICS.registryDataset, registry.ns.topicPrefix),
    ).start();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await datasetEvents?.stop();
    await registry?.close();
  });

  const liveId = (file: string) =>
    eventually(async () => {
      const row = (await harvested()).find((r) => r.file === file && !r.withdrawn);
      if (!row) throw new Error(`${file} not yet applied`);
      return row.id;
    });
  let editorToken: string | undefined;
  const hamburgEditor = async () =>
    (editorToken ??= (
      await registry.request('POST', '/api/v1/admin/tokens', {
        token: ADMIN_TOKEN,
        body: { name: 'hh-linker', role: 'land-editor', landCode: 'DE-HH' },
      })
    ).json().token as string);
  const created = async (path: string, token: string, body: object) => {
    const response = await registry.request('POST', path, { token, body });
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };
  const platform = (name: string, datasetIds: string[]) => ({
    name,
    landCode: 'DE-HH',
    type: 'urbanDataPlatform',
    status: 'production',
    datasetIds,
  });

  return {
    registry: () => registry,
    topic: () => topic,
    datasetEvents: () => datasetEvents,
    send,
    harvested,
    liveId,
    hamburgEditor,
    created,
    platform,
  };
}
