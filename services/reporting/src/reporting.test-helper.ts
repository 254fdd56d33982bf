import { create, DescMessage, MessageInitShape } from '@bufbuild/protobuf';
import { timestampDate, timestampFromDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import {
  ChangeKind,
  DatasetChangedSchema,
  DigitalTwinChangedSchema,
  EndpointChangedSchema,
  HarvestJobChangedSchema,
  HarvestMode,
  JobState,
  OrganisationChangedSchema,
  PlatformChangedSchema,
  PlatformStatus,
  PlatformType,
  ServiceType,
  ThreeDFormat,
  TOPICS,
  TwinKind,
  TwinScope,
  TwinUseCase,
} from '@dpi/contracts';
import { migrate } from '@dpi/db';
import {
  createKafka,
  encodeMessage,
  envelopeToHeaders,
  ManagedProducer,
  newEnvelope,
  OutgoingEvent,
  prefixedTopic,
} from '@dpi/kafka';
import { createServiceApp } from '@dpi/service-kit';
import {
  consumerGroupCaughtUp,
  createTestNamespace,
  eventually,
  kafkaBrokers,
  TestNamespace,
} from '@dpi/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { ChangeChannel } from './changes/change-channel';
import { reportingEnvSchema } from './config';
import { reportingDataSourceOptions } from './database/data-source';
import { readModelTopics } from './projection/read-models';
import { SERVICE_OPTIONS } from './service-options';

/** Fields to override in a message (plain values; nested messages made with `create`). */
type Fields = Record<string, unknown>;

/** Builds the events the registry and the harvester publish, for one test namespace. */
export class EventFactory {
  constructor(private readonly prefix: string) {}

  private event<D extends DescMessage>(
    topic: string,
    schema: D,
    id: string,
    version: number,
    message: Record<string, unknown> | null,
  ): OutgoingEvent {
    const envelope = newEnvelope({
      correlationId: randomUUID(),
      causationId: 'test',
      producer: topic.includes('harvest') ? 'harvester' : 'registry',
      schema: schema.typeName,
      entityVersion: version,
    });
    return {
      topic: prefixedTopic(topic, this.prefix),
      key: id,
      value:
        message === null
          ? null
          : encodeMessage(schema, create(schema, message as MessageInitShape<D>)),
      headers: envelopeToHeaders(envelope),
    };
  }

  platform(id: string, version: number, fields: Fields = {}): OutgoingEvent {
    return this.event(TOPICS.registryPlatform, PlatformChangedSchema, id, version, {
      kind: ChangeKind.UPDATED,
      platform: {
        id,
        landCode: 'DE-HH',
        name: `Plattform ${id.slice(0, 8)}`,
        type: PlatformType.GEOPORTAL,
        status: PlatformStatus.PRODUCTION,
        version: BigInt(version),
        ...fields,
      },
    });
  }

  twin(id: string, version: number, fields: Fields = {}): OutgoingEvent {
    return this.event(TOPICS.registryDigitalTwin, DigitalTwinChangedSchema, id, version, {
      kind: ChangeKind.CREATED,
      twin: {
        id,
        landCode: 'DE-HH',
        name: `Zwilling ${id.slice(0, 8)}`,
        scope: TwinScope.STATE,
        kind: TwinKind.URBAN,
        maturityLevel: 2,
        useCases: [TwinUseCase.MOBILITY],
        formats: [ThreeDFormat.THREE_D_FORMAT_CITYGML_2],
        version: BigInt(version),
        ...fields,
      },
    });
  }

  dataset(id: string, version: number, fields: Fields = {}): OutgoingEvent {
    return this.event(TOPICS.registryDataset, DatasetChangedSchema, id, version, {
      kind: ChangeKind.CREATED,
      dataset: {
        id,
        landCode: 'DE-HH',
        title: `Datensatz ${id.slice(0, 8)}`,
        description: 'Beschreibung',
        themes: ['TRAN'],
        keywords: ['opendata'],
        licence: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
        accessRights: 'PUBLIC',
        contactEmail: 'geodaten@example.org',
        bbox: [9.7, 53.3, 10.4, 53.8],
        openData: true,
        hierarchyLevel: 'dataset',
        distributions: [{ format: 'CSV', accessUrl: 'https://example.org/a.csv' }],
        version: BigInt(version),
        ...fields,
      },
    });
  }

  endpoint(id: string, version: number, fields: Fields = {}): OutgoingEvent {
    return this.event(TOPICS.registryEndpoint, EndpointChangedSchema, id, version, {
      kind: ChangeKind.CREATED,
      endpoint: {
        id,
        landCode: 'DE-HH',
        name: `Dienst ${id.slice(0, 8)}`,
        serviceType: ServiceType.WFS,
        url: `https://geodienste.example.org/${id}`,
        version: BigInt(version),
        ...fields,
      },
    });
  }

  organisation(id: string, version: number, landCode = 'DE-HH'): OutgoingEvent {
    return this.event(TOPICS.registryOrganisation, OrganisationChangedSchema, id, version, {
      kind: ChangeKind.CREATED,
      organisation: { id, landCode, name: `Behörde ${id.slice(0, 8)}`, version: BigInt(version) },
    });
  }

  /**
   * A job as the harvester sends it: finished, with its daily schedule and the next run of that
   * schedule (next_run_at, a day after it finished at the latest; pass `nextRunAt: undefined` for
   * a harvester from before that field).
   */
  harvestJob(id: string, version: number, fields: Fields = {}): OutgoingEvent {
    const finished = new Date(Date.now() - 60_000);
    const job = {
      id,
      sourceId: randomUUID(),
      sourceName: 'Geodatenkatalog',
      landCode: 'DE-HH',
      mode: HarvestMode.FULL,
      state: JobState.SUCCEEDED,
      counts: { matched: 10n, received: 10n, created: 10n },
      queuedAt: timestampFromDate(new Date(finished.getTime() - 60_000)),
      startedAt: timestampFromDate(new Date(finished.getTime() - 50_000)),
      finishedAt: timestampFromDate(finished),
      schedule: '0 3 * * *',
      ...fields,
    };
    const finishedAt = job.finishedAt as Timestamp | undefined;
    const nextRunAt =
      'nextRunAt' in fields
        ? fields.nextRunAt
        : finishedAt &&
          timestampFromDate(new Date(timestampDate(finishedAt).getTime() + 86_400_000));
    return this.event(TOPICS.harvestJob, HarvestJobChangedSchema, id, version, {
      job: { ...job, nextRunAt },
    });
  }

  tombstone(event: OutgoingEvent, version: number): OutgoingEvent {
    return {
      ...event,
      value: null,
      headers: { ...event.headers, 'dpi-entity-version': String(version) },
    };
  }
}

export interface ReportingUnderTest {
  ns: TestNamespace;
  app: NestFastifyApplication;
  producer: ManagedProducer;
  events: EventFactory;
  get: <T = Record<string, unknown>>(url: string) => Promise<T>;
  /**
   * Waits until the projector has applied (or dead-lettered) everything published to its topics
   * so far: afterwards, an event that had no visible effect has none.
   */
  projected: () => Promise<void>;
  /**
   * Listens on a free loopback port and waits until the replica hears changes and the projector
   * applies events (its consumer has joined the group: a first event comes through); resolves
   * with the base URL.
   */
  serve: () => Promise<string>;
  close: () => Promise<void>;
}

/**
 * The reporting app in its own schema and topics, migrated, consuming, and a producer. Given the
 * namespace of another, a second replica: the same schema, topics and consumer group.
 */
export async function startReporting(
  label: string,
  extraEnv: Record<string, string> = {},
  options: { namespace?: TestNamespace } = {},
): Promise<ReportingUnderTest> {
  const ns = options.namespace ?? (await createTestNamespace(label));
  Object.assign(process.env, ns.env('reporting', extraEnv));
  const env = reportingEnvSchema.parse(process.env);
  await migrate(reportingDataSourceOptions(env));
  const { AppModule } = await import('./app.module');
  const app = await createServiceApp(AppModule, SERVICE_OPTIONS);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const producer = new ManagedProducer(
    createKafka({ KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC_PREFIX: '' }, `test-${label}`),
  );
  const under: ReportingUnderTest = {
    ns,
    app,
    producer,
    events: new EventFactory(ns.topicPrefix),
    get: async (url) => {
      const response = await app.inject({ method: 'GET', url });
      if (response.statusCode !== 200)
        throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
      return response.json();
    },
    projected: () =>
      consumerGroupCaughtUp(
        `${ns.topicPrefix}${env.KAFKA_GROUP_ID}`,
        readModelTopics(ns.topicPrefix),
      ),
    serve: async () => {
      await app.listen(0, '127.0.0.1');
      // Changes are streamed as this replica hears them, from when it listens.
      await app.get(ChangeChannel).listening();
      const warmUp = randomUUID();
      await producer.send([under.events.platform(warmUp, 1, { landCode: 'DE-NW' })]);
      // By id, not by count: a replica's warm-up may follow another's in the same schema.
      await eventually(async () =>
        expect(
          (
            await under.get<{ items: { id: string }[] }>('/api/v1/items?landCode=DE-NW&limit=500')
          ).items.map((item) => item.id),
        ).toContain(warmUp),
      );
      return app.getUrl();
    },
    close: async () => {
      await producer.disconnect();
      await app.close();
    },
  };
  return under;
}
