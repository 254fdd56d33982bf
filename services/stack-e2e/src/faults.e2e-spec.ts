import { TOPIC_SPECS, TOPICS } from '@dpi/contracts';
import { createKafka, ensureTopics } from '@dpi/kafka';
import {
  consumerGroupCaughtUp,
  partitionEnds,
  eventually,
  FaultPostgres,
  freePort,
  KafkaCluster,
  ServiceProcess,
  migrateService,
} from '@dpi/testing';
import { Client } from 'pg';

/**
 * Issue 19, the fault suite: while registrations keep arriving at CHAOS_RATE per second, each
 * fault in turn — kill -9 a registry, kill -9 a reporting instance, kill -9 the Kafka broker that
 * leads the most partitions (of three; replication factor 3, min.insync.replicas 2), restart
 * PostgreSQL — and after each: every registration the registry committed is in reporting's read
 * model exactly once, none acknowledged with 201 is missing, the consumer lag is back to 0 and
 * every instance is ready again. Two replicas of registry and of reporting run throughout.
 *
 * Its own PostgreSQL and Kafka cluster (libs/testing fault-servers): the shared servers other test
 * files use are never touched. Bounded in `npm test`; `npm run chaos` runs it longer and faster
 * (CHAOS_RATE, CHAOS_PHASE_MS).
 */
const ADMIN_TOKEN = 'faults-e2e-admin-token-0123456789';
const RATE = Number(process.env.CHAOS_RATE ?? 60);
/** How long the load runs before a fault and after it, before the checks. */
const PHASE_MS = Number(process.env.CHAOS_PHASE_MS ?? 2000);
const LAND = 'DE-SN';
const REPORTING_GROUP = 'dpi-reporting';
const REGISTRY_TOPICS = [
  TOPICS.registryPlatform,
  TOPICS.registryOrganisation,
  TOPICS.registryDigitalTwin,
  TOPICS.registryEndpoint,
  TOPICS.registryDataset,
];

interface FaultFigures {
  fault: string;
  acknowledged: number;
  committed: number;
  lostAcknowledged: number;
  missingInReadModel: number;
  extraInReadModel: number;
  failedWrites: number;
  shedWrites: number;
  recoveryMs: number;
  /** Diagnosis when something is missing: how many of the missing are in the topic. */
  missingButPublished?: number;
  missingIds?: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('faults: kill and restart every part under load (issue 19)', () => {
  const pg = new FaultPostgres();
  const kafka = new KafkaCluster();
  const registries: ServiceProcess[] = [];
  const reportings: ServiceProcess[] = [];
  const figures: FaultFigures[] = [];
  const acknowledged = new Set<string>();
  let failedWrites = 0;
  /** Registrations not sent because a second's worth were still unanswered. */
  let shedWrites = 0;
  let loadRunning = false;
  let load: Promise<void> = Promise.resolve();

  const env = (service: string, extra: Record<string, string> = {}) => ({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    DATABASE_URL: pg.url,
    KAFKA_BROKERS: kafka.brokers,
    KAFKA_TOPIC_PREFIX: '',
    DB_SCHEMA: service,
    ...extra,
  });
  const registryEnv = () =>
    env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, OUTBOX_POLL_INTERVAL_MS: '200' });
  const reportingEnv = () =>
    env('reporting', {
      REGISTRY_URL: registries[0].url,
      KAFKA_GROUP_ID: REPORTING_GROUP,
    });

  /** Registrations at RATE per second, round robin over the registry replicas. */
  function startLoad(): void {
    loadRunning = true;
    let n = 0;
    const started = Date.now();
    const one = async (i: number) => {
      const registry = registries[i % registries.length];
      try {
        const response = await fetch(`${registry.url}/api/v1/platforms`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
          body: JSON.stringify({
            name: `Störfall-Plattform ${i}`,
            landCode: LAND,
            type: 'urbanDataPlatform',
            status: 'production',
          }),
          signal: AbortSignal.timeout(10_000),
        });
        if (response.status === 201) {
          acknowledged.add(((await response.json()) as { id: string }).id);
        } else {
          failedWrites++;
          await response.body?.cancel();
        }
      } catch {
        failedWrites++;
      }
    };
    load = (async () => {
      const inFlight = new Set<Promise<void>>();
      while (loadRunning) {
        // Open loop: the next request is due at its time whether or not earlier ones answered.
        const due = started + (n * 1000) / RATE;
        if (due > Date.now()) await sleep(due - Date.now());
        // Beyond what the services can take (a second's worth waiting), requests are shed, not
        // queued without bound in this process: a rate above capacity measures overload, not
        // the test runner's memory.
        if (inFlight.size >= RATE) {
          shedWrites++;
          n++;
          continue;
        }
        const request = one(n++).finally(() => inFlight.delete(request));
        inFlight.add(request);
      }
      await Promise.all(inFlight);
    })();
  }

  async function stopLoad(): Promise<void> {
    loadRunning = false;
    await load;
  }

  async function ids(sql: string): Promise<Set<string>> {
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    try {
      return new Set((await client.query<{ id: string }>(sql)).rows.map((r) => r.id));
    } finally {
      await client.end();
    }
  }

  /** Load stopped: everything committed reaches the read model, and the numbers are recorded. */
  async function settle(fault: string, faultAt: number): Promise<FaultFigures> {
    await stopLoad();
    await Promise.all([...registries, ...reportings].map((s) => s.ready(60_000)));
    // The registries' outboxes are empty: every committed change was acknowledged by Kafka.
    await eventually(
      async () => expect((await ids(`SELECT id::text FROM registry.outbox`)).size).toBe(0),
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await consumerGroupCaughtUp(REPORTING_GROUP, REGISTRY_TOPICS, {
      brokers: kafka.brokers,
      timeoutMs: 90_000,
    });
    const recoveryMs = Date.now() - faultAt;
    const committed = await ids(
      `SELECT id::text FROM registry.platform WHERE land_code = '${LAND}' AND deleted_at IS NULL`,
    );
    const projected = await ids(
      `SELECT id::text FROM reporting.platform_item WHERE land_code = '${LAND}' AND NOT deleted`,
    );
    const result: FaultFigures = {
      fault,
      acknowledged: acknowledged.size,
      committed: committed.size,
      lostAcknowledged: [...acknowledged].filter((id) => !committed.has(id)).length,
      missingInReadModel: [...committed].filter((id) => !projected.has(id)).length,
      extraInReadModel: [...projected].filter((id) => !committed.has(id)).length,
      failedWrites,
      shedWrites,
      recoveryMs,
    };
    if (result.missingInReadModel > 0) {
      // Where were they lost: never published (relay), or published and not applied (consumer)?
      const published = await keysInTopic(TOPICS.registryPlatform);
      const missing = [...committed].filter((id) => !projected.has(id));
      result.missingButPublished = missing.filter((id) => published.has(id)).length;
      result.missingIds = missing.slice(0, 10);
    }
    figures.push(result);
    return result;
  }

  /** Every key in `topic` now (a throwaway consumer group reads it from the start to its end). */
  async function keysInTopic(topic: string): Promise<Set<string>> {
    const ends = await partitionEnds([topic], kafka.brokers);
    const client = createKafka({ KAFKA_BROKERS: kafka.brokers, KAFKA_TOPIC_PREFIX: '' }, 'probe');
    const consumer = client.consumer({ groupId: `faults-probe-${Date.now()}` });
    const keys = new Set<string>();
    const next = new Map<number, bigint>();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        if (message.key) keys.add(message.key.toString('utf8'));
        next.set(partition, BigInt(message.offset) + 1n);
      },
    });
    try {
      await eventually(
        () => {
          const behind = ends.filter(
            (e) => e.high > e.low && (next.get(e.partition) ?? e.low) < e.high,
          );
          if (behind.length > 0)
            throw new Error(`${behind.length} partitions not read to their end`);
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
    } finally {
      await consumer.disconnect();
    }
    return keys;
  }

  async function underLoad(fault: string, act: () => Promise<void>): Promise<FaultFigures> {
    startLoad();
    await sleep(PHASE_MS);
    const faultAt = Date.now();
    await act();
    await sleep(PHASE_MS);
    return settle(fault, faultAt);
  }

  const expectNothingLost = (f: FaultFigures) => {
    expect(f.acknowledged).toBeGreaterThan(0);
    expect({
      lostAcknowledged: f.lostAcknowledged,
      missingInReadModel: f.missingInReadModel,
      extraInReadModel: f.extraInReadModel,
    }).toEqual({ lostAcknowledged: 0, missingInReadModel: 0, extraInReadModel: 0 });
  };

  beforeAll(async () => {
    await Promise.all([pg.start(), kafka.start()]);
    const admin = createKafka({ KAFKA_BROKERS: kafka.brokers, KAFKA_TOPIC_PREFIX: '' }, 'faults');
    await ensureTopics(admin, TOPIC_SPECS, '');
    for (const service of ['registry', 'reporting']) {
      migrateService(service, env(service));
    }
    for (let i = 0; i < 2; i++) {
      registries.push(new ServiceProcess('registry', registryEnv(), await freePort()));
    }
    await Promise.all(registries.map((r) => r.start({ timeoutMs: 60_000 })));
    for (let i = 0; i < 2; i++) {
      reportings.push(new ServiceProcess('reporting', reportingEnv(), await freePort()));
    }
    await Promise.all(reportings.map((r) => r.start({ timeoutMs: 60_000 })));
  });

  afterAll(async () => {
    await stopLoad();
    await Promise.all([...registries, ...reportings].map((s) => s.stop()));
    await Promise.all([kafka.stop(), pg.stop()]);
    if (figures.length > 0)
      console.log(`fault suite (rate ${RATE}/s):\n${JSON.stringify(figures, null, 1)}`);
  });

  it('loses nothing without a fault (the baseline)', async () => {
    expectNothingLost(await underLoad('none', async () => undefined));
  });

  it('kill -9 of a registry: the other keeps taking writes, the outbox publishes every commit', async () => {
    expectNothingLost(
      await underLoad('kill -9 registry', async () => {
        await registries[0].kill9();
        await sleep(PHASE_MS / 2);
        await registries[0].start({ timeoutMs: 60_000 });
      }),
    );
  });

  it('kill -9 of a reporting instance: the other takes its partitions, nothing is projected twice', async () => {
    expectNothingLost(
      await underLoad('kill -9 reporting', async () => {
        await reportings[0].kill9();
        await sleep(PHASE_MS / 2);
        await reportings[0].start({ timeoutMs: 60_000 });
      }),
    );
  });

  it('kill -9 of the busiest of three Kafka brokers: writes go on, nothing acknowledged is lost', async () => {
    const broker = await kafka.busiestLeader(REGISTRY_TOPICS);
    expectNothingLost(
      await underLoad(`kill -9 Kafka broker ${broker}`, async () => {
        await kafka.kill9(broker);
        await sleep(PHASE_MS);
        await kafka.restart(broker);
      }),
    );
    await kafka.fullyReplicated(REGISTRY_TOPICS);
  });

  it('a PostgreSQL restart: writes fail while it is down, every service recovers by itself', async () => {
    expectNothingLost(await underLoad('restart PostgreSQL', () => pg.restart()));
  });
});
