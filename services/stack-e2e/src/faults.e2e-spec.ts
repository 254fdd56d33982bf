import { TOPIC_SPECS, TOPICS } from '@dpi/contracts';
import { createKafka, ensureTopics } from '@dpi/kafka';
import {
  consumerGroupCaughtUp,
  eventually,
  FaultPostgres,
  freePort,
  GeneratedCatalogue,
  type GetRecordsParser,
  KafkaCluster,
  ServiceProcess,
  migrateService,
  SHARED_DIR,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import { join } from 'node:path';
import { Client } from 'pg';
import { expectNothingLost, type FaultFigures } from './faults/fault-figures';
import { type HarvestPhase, HarvestPhases } from './faults/harvest-phases';
import { RegistrationLoad } from './faults/registration-load';
import { keysInTopic } from './faults/topic-keys';

/**
 * Issue 19, the fault suite: while registrations keep arriving at CHAOS_RATE per second and a
 * harvest of CHAOS_HARVEST_RECORDS generated records runs, each fault in turn — kill -9 a
 * registry, kill -9 a reporting instance, kill -9 the harvester running the job, kill -9 the
 * Kafka broker that leads the most partitions (of three; replication factor 3,
 * min.insync.replicas 2), restart PostgreSQL — and after each: every registration the registry
 * committed is in reporting's read model exactly once, none acknowledged with 201 is missing,
 * every generated record is in reporting's dataset read model exactly once (after the reruns a
 * crashed job needs), the consumer lag is back to 0 and every instance is ready again. Two
 * replicas of registry, reporting and harvester run throughout.
 *
 * Each fault harvests a catalogue of its own (a fresh source, distinct identifiers), so every
 * phase moves N new records through harvester → Kafka → registry → outbox → Kafka → reporting.
 * The catalogue holds the second half of the corpus until the fault strikes, so the harvest is
 * certainly in the middle of its job when it does.
 *
 * Its own PostgreSQL and Kafka cluster (libs/testing fault-servers): the shared servers other test
 * files use are never touched. Bounded in `npm test`; `npm run chaos` runs it longer and faster
 * (CHAOS_RATE, CHAOS_PHASE_MS, CHAOS_HARVEST_RECORDS).
 */
const ADMIN_TOKEN = 'faults-e2e-admin-token-0123456789';
const RATE = Number(process.env.CHAOS_RATE ?? 60);
/** How long the load runs before a fault and after it, before the checks. */
const PHASE_MS = Number(process.env.CHAOS_PHASE_MS ?? 2000);
/** Records of each fault's harvest. */
const HARVEST_RECORDS = Number(process.env.CHAOS_HARVEST_RECORDS ?? 400);
const PAGE_SIZE = HARVEST_RECORDS >= 2000 ? 100 : 50;
const LAND = 'DE-SN';
const REPORTING_GROUP = 'dpi-reporting';
/** The registry's group for harvested records (its default KAFKA_GROUP_ID). */
const REGISTRY_GROUP = 'dpi-registry';
/** A service's start, generous: six processes start at once on a machine that may be busy. */
const START_TIMEOUT_MS = 180_000;
/** Generous: two cores shared with other test runs; 10,000 records run at ~100–1,000 per second. */
const HARVEST_TIMEOUT_MS = 120_000 + HARVEST_RECORDS * 30;
jest.setTimeout(3 * START_TIMEOUT_MS + 2 * PHASE_MS + HARVEST_TIMEOUT_MS);

/** The harvester's demo CSW code (built): the shared fixture records and its request parser. */
const harvesterDemo = require(
  join(WORKSPACE_ROOT, 'services/harvester/dist/demo/fixture-catalogue.js'),
) as {
  fixtureRecords(dir: string): Map<string, { xml: string }>;
  parseCswRequest: GetRecordsParser;
};
const REGISTRY_TOPICS = [
  TOPICS.registryPlatform,
  TOPICS.registryOrganisation,
  TOPICS.registryDigitalTwin,
  TOPICS.registryEndpoint,
  TOPICS.registryDataset,
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('faults: kill and restart every part under load (issue 19)', () => {
  const pg = new FaultPostgres();
  const kafka = new KafkaCluster();
  const registries: ServiceProcess[] = [];
  const reportings: ServiceProcess[] = [];
  const harvesters: ServiceProcess[] = [];
  /**
   * The registries the load balancer sends writes to: as a Kubernetes Service does, it drops an
   * instance that died and takes it back once it answers ready (a restarted registry handed its
   * share of an overload before it is ready never becomes ready).
   */
  const registriesInRotation = new Set<ServiceProcess>();
  const catalogue = new GeneratedCatalogue({
    templates: [...harvesterDemo.fixtureRecords(join(SHARED_DIR, 'fixtures/csw')).entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, record]) => record.xml),
    total: HARVEST_RECORDS,
    parseRequest: harvesterDemo.parseCswRequest,
  });
  const figures: FaultFigures[] = [];
  const load = new RegistrationLoad({
    rate: RATE,
    land: LAND,
    token: ADMIN_TOKEN,
    registries: () => [...registriesInRotation],
  });
  const harvests = new HarvestPhases({
    catalogue,
    harvesters,
    query: (sql, values) => query(sql, values),
    token: ADMIN_TOKEN,
    land: LAND,
    records: HARVEST_RECORDS,
    pageSize: PAGE_SIZE,
    timeoutMs: HARVEST_TIMEOUT_MS,
  });

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
  const harvesterEnv = () =>
    env('harvester', {
      DPI_ADMIN_TOKEN: ADMIN_TOKEN,
      HARVEST_SCHEDULER_ENABLED: 'false',
      OUTBOX_POLL_INTERVAL_MS: '200',
      // The surviving replica finds a dead process's job within a second (default 30 s).
      HARVEST_WATCHDOG_INTERVAL_MS: '1000',
    });
  const everyService = () => [...registries, ...reportings, ...harvesters];

  async function query<T extends object>(sql: string, values: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: pg.url });
    // A connection cut by a PostgreSQL restart is an error of this query, not of the test run.
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  async function ids(sql: string): Promise<Set<string>> {
    return new Set((await query<{ id: string }>(sql)).map((r) => r.id));
  }

  const outboxEmpty = (schema: string) =>
    eventually(
      async () => {
        const [{ n }] = await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${schema}.outbox`,
        );
        if (n > 0) throw new Error(`${n} events in ${schema}.outbox`);
      },
      { timeoutMs: HARVEST_TIMEOUT_MS, intervalMs: 200 },
    );

  /** Load stopped: everything committed reaches the read model, and the numbers are recorded. */
  async function settle(
    fault: string,
    faultAt: number,
    allReady: Promise<number>,
    harvest: HarvestPhase,
  ): Promise<FaultFigures> {
    await load.stop();
    const readyMs = await allReady;
    const jobs = await harvests.complete(harvest);
    const harvestDoneMs = Date.now() - faultAt;
    const drainFrom = Date.now();
    // Down the chain: the harvester's outbox is empty (Kafka has every record), the registry
    // applied them all, its outbox is empty too, and reporting applied everything.
    await outboxEmpty('harvester');
    await consumerGroupCaughtUp(REGISTRY_GROUP, [TOPICS.harvestRecord], {
      brokers: kafka.brokers,
      timeoutMs: HARVEST_TIMEOUT_MS,
    });
    await outboxEmpty('registry');
    await consumerGroupCaughtUp(REPORTING_GROUP, REGISTRY_TOPICS, {
      brokers: kafka.brokers,
      timeoutMs: HARVEST_TIMEOUT_MS,
    });
    const recoveryMs = Date.now() - faultAt;
    const drainMs = Date.now() - drainFrom;
    const committed = await ids(
      `SELECT id::text FROM registry.platform WHERE land_code = '${LAND}' AND deleted_at IS NULL`,
    );
    const projected = await ids(
      `SELECT id::text FROM reporting.platform_item WHERE land_code = '${LAND}' AND NOT deleted`,
    );
    const result: FaultFigures = {
      fault,
      acknowledged: load.acknowledged.size,
      acknowledgedInPhase: load.acknowledgedInPhase,
      committed: committed.size,
      lostAcknowledged: [...load.acknowledged].filter((id) => !committed.has(id)).length,
      missingInReadModel: [...committed].filter((id) => !projected.has(id)).length,
      extraInReadModel: [...projected].filter((id) => !committed.has(id)).length,
      failedWrites: load.failedWrites,
      shedWrites: load.shedWrites,
      readyMs,
      recoveryMs,
      drainMs,
      harvest: {
        ...(await harvests.count(harvest)),
        jobs,
        runningAtFault: harvest.runningAtFault,
        doneMs: harvestDoneMs,
      },
    };
    if (result.missingInReadModel > 0) {
      // Where were they lost: never published (relay), or published and not applied (consumer)?
      const published = await keysInTopic(TOPICS.registryPlatform, kafka.brokers);
      const missing = [...committed].filter((id) => !projected.has(id));
      result.missingButPublished = missing.filter((id) => published.has(id)).length;
      result.missingIds = missing.slice(0, 10);
    }
    figures.push(result);
    return result;
  }

  /**
   * Load and a harvest; once the harvest reached the held middle of its catalogue, `act` (which
   * lets the held pages go, before or after striking); load for another PHASE_MS; then settle.
   */
  async function underLoad(
    fault: string,
    act: (releaseHarvest: () => void) => Promise<void>,
  ): Promise<FaultFigures> {
    load.start();
    const harvest = await harvests.start(fault);
    await Promise.all([sleep(PHASE_MS), load.acknowledgedBeyond(0)]);
    await eventually(
      async () => {
        const reached = await Promise.race([harvest.held.reached.then(() => true), sleep(0)]);
        if (!reached) throw new Error('the harvest has not reached the middle of its catalogue');
      },
      { timeoutMs: HARVEST_TIMEOUT_MS, intervalMs: 200 },
    );
    harvest.runningAtFault = (await harvests.latestJob(harvest.sourceId))?.state === 'running';
    const faultAt = Date.now();
    const acknowledgedBeforeFault = load.acknowledgedInPhase;
    await act(harvest.held.release);
    harvest.held.release();
    const allReady = Promise.all(everyService().map((s) => s.ready(120_000))).then(
      () => Date.now() - faultAt,
    );
    allReady.catch(() => undefined);
    // Writes are taken again after the fault (the services recovered by themselves).
    await Promise.all([sleep(PHASE_MS), load.acknowledgedBeyond(acknowledgedBeforeFault)]);
    return settle(fault, faultAt, allReady, harvest);
  }

  beforeAll(async () => {
    await Promise.all([pg.start(), kafka.start(), catalogue.start()]);
    const admin = createKafka({ KAFKA_BROKERS: kafka.brokers, KAFKA_TOPIC_PREFIX: '' }, 'faults');
    await ensureTopics(admin, TOPIC_SPECS, '');
    for (const service of ['registry', 'reporting', 'harvester']) {
      migrateService(service, env(service));
    }
    for (let i = 0; i < 2; i++) {
      registries.push(new ServiceProcess('registry', registryEnv(), await freePort()));
    }
    await Promise.all(registries.map((r) => r.start({ timeoutMs: START_TIMEOUT_MS })));
    for (const registry of registries) registriesInRotation.add(registry);
    for (let i = 0; i < 2; i++) {
      reportings.push(new ServiceProcess('reporting', reportingEnv(), await freePort()));
    }
    await Promise.all(reportings.map((r) => r.start({ timeoutMs: START_TIMEOUT_MS })));
    // Two harvesters: a job runs in one of them (the source's advisory lock), the other answers
    // the API and fails the job of a dead one, so a rerun can start.
    for (let i = 0; i < 2; i++) {
      harvesters.push(new ServiceProcess('harvester', harvesterEnv(), await freePort()));
    }
    await Promise.all(harvesters.map((h) => h.start({ timeoutMs: START_TIMEOUT_MS })));
  });

  afterAll(async () => {
    await load.stop();
    await Promise.all(everyService().map((s) => s.stop()));
    await Promise.all([kafka.stop(), pg.stop(), catalogue.stop()]);
    if (figures.length > 0)
      console.log(
        `fault suite (rate ${RATE}/s, ${HARVEST_RECORDS} harvested records per fault):\n${JSON.stringify(figures, null, 1)}`,
      );
  });

  it('loses nothing without a fault (the baseline)', async () => {
    expectNothingLost(HARVEST_RECORDS, await underLoad('none', async () => undefined));
    // Negative control: the same rows counted against identifiers that were never harvested are
    // all missing and all extra.
    expect(
      await harvests.count({ ...harvests.phases[0], prefix: 'faults-never-harvested' }),
    ).toMatchObject({
      inReadModel: HARVEST_RECORDS,
      missingInReadModel: HARVEST_RECORDS,
      extraInReadModel: HARVEST_RECORDS,
    });
  });

  it('kill -9 of a registry: the other keeps taking writes, the outbox publishes every commit', async () => {
    expectNothingLost(
      HARVEST_RECORDS,
      await underLoad('kill -9 registry', async (release) => {
        release();
        await registries[0].kill9();
        registriesInRotation.delete(registries[0]);
        await sleep(PHASE_MS / 2);
        await registries[0].start({ timeoutMs: START_TIMEOUT_MS });
        registriesInRotation.add(registries[0]);
      }),
    );
  });

  it('kill -9 of a reporting instance: the other takes its partitions, nothing is projected twice', async () => {
    expectNothingLost(
      HARVEST_RECORDS,
      await underLoad('kill -9 reporting', async (release) => {
        release();
        await reportings[0].kill9();
        await sleep(PHASE_MS / 2);
        await reportings[0].start({ timeoutMs: START_TIMEOUT_MS });
      }),
    );
  });

  it('kill -9 of the harvester running the job: the other fails it, a rerun stores every record once', async () => {
    expectNothingLost(
      HARVEST_RECORDS,
      await underLoad('kill -9 harvester', async (release) => {
        // Killed while its job waits for the held second half; only then is the page sent.
        await harvesters[0].kill9();
        release();
        await sleep(PHASE_MS / 2);
        await harvesters[0].start({ timeoutMs: START_TIMEOUT_MS });
      }),
    );
  });

  it('kill -9 of the busiest of three Kafka brokers: writes go on, nothing acknowledged is lost', async () => {
    const broker = await kafka.busiestLeader(REGISTRY_TOPICS);
    expectNothingLost(
      HARVEST_RECORDS,
      await underLoad(`kill -9 Kafka broker ${broker}`, async (release) => {
        release();
        await kafka.kill9(broker);
        await sleep(PHASE_MS);
        await kafka.restart(broker);
      }),
    );
    await kafka.fullyReplicated(REGISTRY_TOPICS);
  });

  it('a PostgreSQL restart: writes fail while it is down, every service recovers by itself', async () => {
    expectNothingLost(
      HARVEST_RECORDS,
      await underLoad('restart PostgreSQL', async (release) => {
        release();
        await pg.restart();
      }),
    );
  });
});
