import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import {
  ChangeKind,
  DigitalTwinChangedSchema,
  DigitalTwinSchema,
  TwinKind,
  TwinScope,
  PlatformChangedSchema,
  PlatformSchema,
  PlatformStatus,
  PlatformType,
  TOPICS,
} from '@dpi/contracts';
import { migrate } from '@dpi/db';
import {
  createKafka,
  dlqTopic,
  encodeMessage,
  envelopeToHeaders,
  HEADERS,
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
  KafkaProbe,
  kafkaBrokers,
  TestNamespace,
} from '@dpi/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { reportingEnvSchema } from '../config';
import { reportingDataSourceOptions } from '../database/data-source';
import { SERVICE_OPTIONS } from '../service-options';

interface Summary {
  total: number;
  totalTwins: number;
  laender: { code: string; name: string; platforms: number; twins: number }[];
}

describe('reporting: platform read model from dpi.registry.platform.v1 (real PostgreSQL and Kafka)', () => {
  let ns: TestNamespace;
  let app: NestFastifyApplication;
  let producer: ManagedProducer;
  let dlq: KafkaProbe;
  let topic: string;
  let twinTopic: string;

  const headersFor = (version: number) =>
    envelopeToHeaders(
      newEnvelope({
        correlationId: randomUUID(),
        causationId: 'test',
        producer: 'registry',
        schema: PlatformChangedSchema.typeName,
        entityVersion: version,
      }),
    );

  function changed(
    id: string,
    landCode: string,
    version: number,
    name = `Platform ${id.slice(0, 8)}`,
  ): OutgoingEvent {
    const platform = create(PlatformSchema, {
      id,
      landCode,
      name,
      type: PlatformType.GEOPORTAL,
      status: PlatformStatus.PRODUCTION,
      createdAt: timestampNow(),
      updatedAt: timestampNow(),
      version: BigInt(version),
    });
    return {
      topic,
      key: id,
      value: encodeMessage(
        PlatformChangedSchema,
        create(PlatformChangedSchema, { platform, kind: ChangeKind.UPDATED }),
      ),
      headers: headersFor(version),
    };
  }

  function tombstone(id: string, version: number): OutgoingEvent {
    return { topic, key: id, value: null, headers: headersFor(version) };
  }

  function twinChanged(id: string, landCode: string, version: number): OutgoingEvent {
    const twin = create(DigitalTwinSchema, {
      id,
      landCode,
      name: `Twin ${id.slice(0, 8)}`,
      scope: TwinScope.STATE,
      kind: TwinKind.GEOBASIS,
      maturityLevel: 2,
      version: BigInt(version),
    });
    const envelope = newEnvelope({
      correlationId: randomUUID(),
      causationId: 'test',
      producer: 'registry',
      schema: DigitalTwinChangedSchema.typeName,
      entityVersion: version,
    });
    return {
      topic: twinTopic,
      key: id,
      value: encodeMessage(
        DigitalTwinChangedSchema,
        create(DigitalTwinChangedSchema, { twin, kind: ChangeKind.CREATED }),
      ),
      headers: envelopeToHeaders(envelope),
    };
  }

  async function summary(): Promise<Summary> {
    const response = await app.inject({ method: 'GET', url: '/api/v1/inventory/summary' });
    expect(response.statusCode).toBe(200);
    return response.json();
  }
  const platformsOf = (s: Summary, code: string) =>
    s.laender.find((l) => l.code === code)?.platforms;

  beforeAll(async () => {
    ns = await createTestNamespace('reporting');
    topic = prefixedTopic(TOPICS.registryPlatform, ns.topicPrefix);
    twinTopic = prefixedTopic(TOPICS.registryDigitalTwin, ns.topicPrefix);
    Object.assign(process.env, ns.env('reporting'));
    await migrate(reportingDataSourceOptions(reportingEnvSchema.parse(process.env)));
    const { AppModule } = await import('../app.module');
    app = await createServiceApp(AppModule, SERVICE_OPTIONS);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    producer = new ManagedProducer(
      createKafka({ KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC_PREFIX: '' }, 'test-registry'),
    );
    dlq = await new KafkaProbe(dlqTopic(topic)).start();
  });

  afterAll(async () => {
    await dlq?.stop();
    await producer?.disconnect();
    await app?.close();
  });

  it('reports all 16 Länder, with zero before anything arrived', async () => {
    const s = await summary();
    expect(s.laender).toHaveLength(16);
    expect(s.laender[0]).toEqual({
      code: 'DE-SH',
      name: 'Schleswig-Holstein',
      platforms: 0,
      twins: 0,
    });
    expect(s.total).toBe(0);
  });

  it('counts platforms per Land from events', async () => {
    await producer.send([
      changed(randomUUID(), 'DE-HH', 1),
      changed(randomUUID(), 'DE-HH', 1),
      changed(randomUUID(), 'DE-BB', 1),
    ]);
    await eventually(async () => {
      const s = await summary();
      expect(platformsOf(s, 'DE-HH')).toBe(2);
      expect(platformsOf(s, 'DE-BB')).toBe(1);
      expect(s.total).toBe(3);
    });
  });

  it('ignores redelivered and older versions, applies moves between Länder and tombstones', async () => {
    const id = randomUUID();
    await producer.send([
      changed(id, 'DE-SN', 1),
      changed(id, 'DE-SN', 1),
      changed(id, 'DE-RP', 2),
      changed(id, 'DE-SN', 1),
    ]);
    await eventually(async () => {
      const s = await summary();
      expect(platformsOf(s, 'DE-RP')).toBe(1);
      expect(platformsOf(s, 'DE-SN')).toBe(0);
    });
    await producer.send([tombstone(id, 3), changed(id, 'DE-RP', 2)]);
    await eventually(async () => expect(platformsOf(await summary(), 'DE-RP')).toBe(0));
    // The stale version 2 after the tombstone has been applied too, and brought nothing back.
    await consumerGroupCaughtUp(
      `${ns.topicPrefix}${reportingEnvSchema.parse(process.env).KAFKA_GROUP_ID}`,
      [topic],
    );
    const after = await summary();
    expect(platformsOf(after, 'DE-RP')).toBe(0);
    expect(after.total).toBe(3);
  });

  it('dead-letters what it cannot apply and keeps consuming', async () => {
    const poison: OutgoingEvent = {
      ...changed(randomUUID(), 'DE-NW', 1),
      value: Buffer.from([0xff, 0x01, 0x02]),
    };
    const unknownLand = changed(randomUUID(), 'DE-XX', 1);
    const good = changed(randomUUID(), 'DE-NW', 1);
    await producer.send([poison, unknownLand, good]);
    await eventually(async () => expect(platformsOf(await summary(), 'DE-NW')).toBe(1));
    await eventually(() =>
      expect(dlq.messages.map((m) => m.key).sort()).toEqual([poison.key, unknownLand.key].sort()),
    );
    const dead = dlq.messages.find((m) => m.key === unknownLand.key);
    expect(dead?.headers[HEADERS.error]).toContain('unknown Land code DE-XX');
    expect(dead?.headers[HEADERS.originalTopic]).toBe(topic);
  });

  it('counts digital twins per Land from their own topic; federal twins count for no Land', async () => {
    const saxony = randomUUID();
    await producer.send([
      twinChanged(saxony, 'DE-SN', 1),
      twinChanged(randomUUID(), 'DE-SN', 1),
      twinChanged(randomUUID(), '', 1),
    ]);
    await eventually(async () => {
      const s = await summary();
      expect(s.laender.find((l) => l.code === 'DE-SN')?.twins).toBe(2);
      expect(s.totalTwins).toBe(2);
    });
    await producer.send([{ ...twinChanged(saxony, 'DE-SN', 2), value: null }]);
    await eventually(async () => expect((await summary()).totalTwins).toBe(1));
    expect((await summary()).total).toBe(4); // platforms unaffected
  });
});
