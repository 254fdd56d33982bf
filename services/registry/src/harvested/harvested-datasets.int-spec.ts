import { create, MessageInitShape } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import {
  DatasetChangedSchema,
  HarvestedRecord,
  HarvestedRecordSchema,
  HarvestRecordChangedSchema,
  TOPICS,
} from '@dpi/contracts';
import {
  createKafka,
  decodeMessage,
  encodeMessage,
  envelopeToHeaders,
  newEnvelope,
  prefixedTopic,
} from '@dpi/kafka';
import { consumerGroupCaughtUp, eventually, KafkaProbe, kafkaBrokers } from '@dpi/testing';
import { Producer } from 'kafkajs';
import { registryEnvSchema } from '../config';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';

const ADMIN_TOKEN = 'harvested-admin-token-0123456789';
const SOURCE = '6f1c1a52-3b7e-4d0f-9a51-6a2d1f3c9e10';
const JOB = '0b7f4c1e-2a9d-4e83-bf21-5c6d7e8f9a0b';

type RecordInit = MessageInitShape<typeof HarvestedRecordSchema>;

function record(fileIdentifier: string, overrides: RecordInit = {}) {
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

describe('registry: harvested datasets from dpi.harvest.record.v1 (real PostgreSQL and Kafka)', () => {
  let registry: RegistryUnderTest;
  let producer: Producer;
  let datasetEvents: KafkaProbe;
  let topic: string;

  const send = (messages: { fileIdentifier: string; value: HarvestedRecord | null }[]) =>
    producer.send({
      topic,
      messages: messages.map(({ fileIdentifier, value }) => ({
        key: `${SOURCE}/${fileIdentifier}`,
        value: value
          ? encodeMessage(
              HarvestRecordChangedSchema,
              create(HarvestRecordChangedSchema, { record: value }),
            )
          : null,
        headers: envelopeToHeaders(
          newEnvelope({
            correlationId: JOB,
            causationId: JOB,
            producer: 'harvester',
            schema: HarvestRecordChangedSchema.typeName,
            entityVersion: 1,
          }),
        ),
      })),
    });

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

  it('creates datasets once, idempotently, and keeps what is valid of each record', async () => {
    const batch = ['de.dwd.geoserver.fach.RADOLAN-W4', 'a/b/with-slashes', 'plain-uuid-like'];
    await send(batch.map((f) => ({ fileIdentifier: f, value: record(f) })));
    await eventually(
      async () => {
        if ((await harvested()).length !== 3) throw new Error('not yet applied');
      },
      { timeoutMs: 20_000 },
    );
    // The same records again (a redelivery or an unchanged re-harvest) change nothing.
    await send(batch.map((f) => ({ fileIdentifier: f, value: record(f) })));
    await consumerGroupCaughtUp(
      `${registry.ns.topicPrefix}${registryEnvSchema.parse(process.env).KAFKA_GROUP_ID}`,
      [topic],
    );
    expect((await harvested()).map((r) => r.version)).toEqual([1, 1, 1]);

    const row = (await harvested()).find((r) => r.file === 'de.dwd.geoserver.fach.RADOLAN-W4');
    if (!row) throw new Error('RADOLAN-W4 missing');
    const dataset = (await registry.request('GET', `/api/v1/datasets/${row.id}`)).json();
    expect(dataset).toMatchObject({
      landCode: null,
      source: 'harvested',
      themes: ['TRAN'],
      licence: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
      bbox: [9.7, 53.3, 10.3, 53.7],
      contactEmail: 'info@gv.hamburg.de',
      distributions: [
        expect.objectContaining({ format: 'WMS', accessUrl: 'https://geodienste.hamburg.de/wms' }),
      ],
      provenance: {
        harvestSourceId: SOURCE,
        harvestSourceName: 'GDI-DE Geodatenkatalog',
        fileIdentifier: 'de.dwd.geoserver.fach.RADOLAN-W4',
        jobId: JOB,
        checksum: 'sha-de.dwd.geoserver.fach.RADOLAN-W4-1',
        harvestedAt: expect.any(String),
      },
    });
    const published = await eventually(() => {
      const found = datasetEvents.messages.find((m) => m.key === row.id);
      if (!found) throw new Error('not yet published');
      return found;
    });
    expect(
      decodeMessage(DatasetChangedSchema, published.value as Buffer).dataset?.provenance
        ?.fileIdentifier,
    ).toBe('de.dwd.geoserver.fach.RADOLAN-W4');
  });

  it('updates on a new checksum, withdraws on a tombstone, and keeps editors out', async () => {
    await send([
      {
        fileIdentifier: 'a/b/with-slashes',
        value: record('a/b/with-slashes', { checksum: 'sha-2', title: 'Neu', landCode: 'DE-HH' }),
      },
      { fileIdentifier: 'plain-uuid-like', value: null },
    ]);
    await eventually(
      async () => {
        const rows = await harvested();
        const updated = rows.find((r) => r.file === 'a/b/with-slashes');
        const withdrawn = rows.find((r) => r.file === 'plain-uuid-like');
        if (updated?.version !== 2 || !withdrawn?.withdrawn) throw new Error('not yet applied');
      },
      { timeoutMs: 20_000 },
    );
    const rows = await harvested();
    const updated = rows.find((r) => r.file === 'a/b/with-slashes');
    const withdrawn = rows.find((r) => r.file === 'plain-uuid-like');
    if (!updated || !withdrawn) throw new Error('records missing');
    expect((await registry.request('GET', `/api/v1/datasets/${withdrawn.id}`)).statusCode).toBe(
      404,
    );
    const history = (
      await registry.request('GET', `/api/v1/datasets/${updated.id}/history`)
    ).json();
    expect(history.items.map((e: { operation: string }) => e.operation)).toEqual([
      'create',
      'update',
    ]);
    expect(history.items[1].changes).toEqual([
      { field: 'landCode', old: null, new: 'DE-HH' },
      { field: 'title', old: 'Datensatz a/b/with-slashes', new: 'Neu' },
    ]);

    const editor = (
      await registry.request('POST', '/api/v1/admin/tokens', {
        token: ADMIN_TOKEN,
        body: { name: 'any-editor', role: 'land-editor', landCode: 'DE-HH' },
      })
    ).json().token;
    const read = await registry.request('GET', `/api/v1/datasets/${updated.id}`);
    // Hamburg's own dataset, but harvested: read-only for its editors too.
    const patch = await registry.request('PATCH', `/api/v1/datasets/${updated.id}`, {
      token: editor,
      body: { title: 'Hijacked' },
      headers: { 'if-match': String(read.headers.etag) },
    });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().detail).toContain('harvested');
  });
});
