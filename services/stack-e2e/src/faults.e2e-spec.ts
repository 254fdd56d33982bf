import { TOPIC_SPECS, TOPICS } from '@dpi/contracts';
import { createKafka, ensureTopics } from '@dpi/kafka';
import {
  consumerGroupCaughtUp,
  partitionEnds,
  eventually,
  FaultPostgres,
  freePort,
  GeneratedCatalogue,
  type GetRecordsParser,
  type HeldPages,
  KafkaCluster,
  ServiceProcess,
  migrateService,
  runHarvest,
  SHARED_DIR,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import { join } from 'node:path';
import { Client } from 'pg';

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
/** Generous: two cores shared with other test runs; 10,000 records run at ~100–1,000 per second. */
const HARVEST_TIMEOUT_MS = 120_000 + HARVEST_RECORDS * 30;
jest.setTimeout(240_000 + 2 * PHASE_MS + HARVEST_TIMEOUT_MS);

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

interface HarvestFigures {
  records: number;
  /** States of the jobs it took, in order (a crashed job is failed and run again). */
  jobs: string[];
  /** Whether the job was still running when the fault struck. */
  runningAtFault: boolean;
  inRegistry: number;
  inReadModel: number;
  missingInReadModel: number;
  duplicatedInReadModel: number;
  extraInReadModel: number;
  /** From the fault to the last job's success. */
  doneMs: number;
}

interface FaultFigures {
  fault: string;
  /** Registrations answered 201 since the suite began (lostAcknowledged checks them all). */
  acknowledged: number;
  /** This phase's registrations: answered 201, failed (not 201, or no answer), shed. */
  acknowledgedInPhase: number;
  committed: number;
  lostAcknowledged: number;
  missingInReadModel: number;
  extraInReadModel: number;
  failedWrites: number;
  shedWrites: number;
  /** From the fault until every service answered ready (the killed one restarted after PHASE_MS/2). */
  readyMs: number;
  /** From the fault until the outboxes were empty and every consumer group's lag was 0. */
  recoveryMs: number;
  /** From the end of the load (and of the harvest) until the lag was 0. */
  drainMs: number;
  harvest: HarvestFigures;
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
  const harvests: HarvestPhase[] = [];
  const acknowledged = new Set<string>();
  let acknowledgedInPhase = 0;
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
  const harvesterEnv = () =>
    env('harvester', {
      DPI_ADMIN_TOKEN: ADMIN_TOKEN,
      HARVEST_SCHEDULER_ENABLED: 'false',
      OUTBOX_POLL_INTERVAL_MS: '200',
      // The surviving replica finds a dead process's job within a second (default 30 s).
      HARVEST_WATCHDOG_INTERVAL_MS: '1000',
    });
  const everyService = () => [...registries, ...reportings, ...harvesters];

  /** Registrations at RATE per second, round robin over the registry replicas. */
  function startLoad(): void {
    loadRunning = true;
    acknowledgedInPhase = 0;
    failedWrites = 0;
    shedWrites = 0;
    let n = 0;
    const started = Date.now();
    const one = async (i: number) => {
      const rotation = [...registriesInRotation];
      const registry = rotation[i % rotation.length];
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
          acknowledgedInPhase++;
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

  interface HarvestPhase {
    prefix: string;
    sourceId: string;
    held: HeldPages;
    runningAtFault: boolean;
  }

  const latestJob = async (sourceId: string) =>
    (
      await query<{ id: string; state: string; received: number }>(
        `SELECT id::text, state, received FROM harvester.harvest_job
         WHERE source_id = $1 ORDER BY queued_at DESC LIMIT 1`,
        [sourceId],
      )
    )[0];

  /** A new source for this fault's catalogue, its run started; the second half held back. */
  async function startHarvest(fault: string): Promise<HarvestPhase> {
    const prefix = `faults-${figures.length + 1}`;
    const held = catalogue.holdFrom(Math.floor(HARVEST_RECORDS / 2) + 1);
    const { sourceId } = await runHarvest(
      harvesters[0].url,
      ADMIN_TOKEN,
      {
        name: `Störfall-Katalog ${figures.length + 1} (${fault})`,
        url: catalogue.url(prefix),
        landCode: LAND,
        pageSize: PAGE_SIZE,
      },
      { mode: 'full' },
    );
    const phase = { prefix, sourceId, held, runningAtFault: false };
    harvests.push(phase);
    return phase;
  }

  /**
   * Waits until the source's latest job has finished; a job that did not succeed (its process
   * was killed, its database connection cut) is run again, as an operator or the schedule would.
   */
  async function completeHarvest(phase: HarvestPhase): Promise<string[]> {
    const states: string[] = [];
    for (let run = 1; ; run++) {
      const job = await eventually(
        async () => {
          const found = await latestJob(phase.sourceId);
          if (!found || ['queued', 'running'].includes(found.state))
            throw new Error(
              `job ${found?.id} ${found?.state}, ${found?.received} records received`,
            );
          return found;
        },
        { timeoutMs: HARVEST_TIMEOUT_MS, intervalMs: 500 },
      );
      states.push(job.state);
      if (job.state === 'succeeded') return states;
      if (run >= 5) throw new Error(`harvest did not succeed in 5 runs: ${states.join(', ')}`);
      // Any replica may take the rerun; a source lock still held for a moment answers 409.
      await eventually(
        async () => {
          const harvester = harvesters[run % harvesters.length];
          const response = await fetch(`${harvester.url}/api/v1/sources/${phase.sourceId}/run`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${ADMIN_TOKEN}`,
              'content-type': 'application/json',
            },
            body: JSON.stringify({ mode: 'full' }),
          });
          await response.body?.cancel();
          if (response.status !== 202) throw new Error(`rerun: HTTP ${response.status}`);
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
    }
  }

  /** The harvested records at the end of the chain: reporting's dataset read model. */
  async function countHarvested(
    phase: HarvestPhase,
  ): Promise<Omit<HarvestFigures, 'jobs' | 'runningAtFault' | 'doneMs'>> {
    // reporting's row id is the registry dataset's id; the registry's row names the record.
    const rows = await query<{ identifier: string | null }>(
      `SELECT d.harvest_file_identifier AS identifier
       FROM reporting.dataset_item i LEFT JOIN registry.dataset d ON d.id = i.id
       WHERE i.harvest_source_id = $1 AND NOT i.deleted`,
      [phase.sourceId],
    );
    const [{ n: inRegistry }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM registry.dataset
       WHERE harvest_source_id = $1 AND deleted_at IS NULL`,
      [phase.sourceId],
    );
    const expected = new Set(catalogue.identifiers(phase.prefix));
    const distinct = new Set(rows.map((r) => r.identifier));
    return {
      records: expected.size,
      inRegistry,
      inReadModel: rows.length,
      missingInReadModel: [...expected].filter((id) => !distinct.has(id)).length,
      duplicatedInReadModel: rows.length - distinct.size,
      extraInReadModel: [...distinct].filter((id) => id === null || !expected.has(id)).length,
    };
  }

  /** Load stopped: everything committed reaches the read model, and the numbers are recorded. */
  async function settle(
    fault: string,
    faultAt: number,
    allReady: Promise<number>,
    harvest: HarvestPhase,
  ): Promise<FaultFigures> {
    await stopLoad();
    const readyMs = await allReady;
    const jobs = await completeHarvest(harvest);
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
      acknowledged: acknowledged.size,
      acknowledgedInPhase,
      committed: committed.size,
      lostAcknowledged: [...acknowledged].filter((id) => !committed.has(id)).length,
      missingInReadModel: [...committed].filter((id) => !projected.has(id)).length,
      extraInReadModel: [...projected].filter((id) => !committed.has(id)).length,
      failedWrites,
      shedWrites,
      readyMs,
      recoveryMs,
      drainMs,
      harvest: {
        ...(await countHarvested(harvest)),
        jobs,
        runningAtFault: harvest.runningAtFault,
        doneMs: harvestDoneMs,
      },
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

  /**
   * Sentinel of a load that is really taking writes: resolves once a registration beyond the
   * phase's first `count` was acknowledged (deadline 120 s). Each load phase lasts PHASE_MS and
   * at least until then, so no check depends on how much a loaded machine got done in the time.
   */
  const acknowledgedBeyond = (count: number) =>
    eventually(
      async () => {
        if (acknowledgedInPhase <= count)
          throw new Error(`no registration acknowledged beyond the first ${count} of the phase`);
      },
      { timeoutMs: 120_000, intervalMs: 100 },
    );

  /**
   * Load and a harvest; once the harvest reached the held middle of its catalogue, `act` (which
   * lets the held pages go, before or after striking); load for another PHASE_MS; then settle.
   */
  async function underLoad(
    fault: string,
    act: (releaseHarvest: () => void) => Promise<void>,
  ): Promise<FaultFigures> {
    startLoad();
    const harvest = await startHarvest(fault);
    await Promise.all([sleep(PHASE_MS), acknowledgedBeyond(0)]);
    await eventually(
      async () => {
        const reached = await Promise.race([harvest.held.reached.then(() => true), sleep(0)]);
        if (!reached) throw new Error('the harvest has not reached the middle of its catalogue');
      },
      { timeoutMs: HARVEST_TIMEOUT_MS, intervalMs: 200 },
    );
    harvest.runningAtFault = (await latestJob(harvest.sourceId))?.state === 'running';
    const faultAt = Date.now();
    const acknowledgedBeforeFault = acknowledgedInPhase;
    await act(harvest.held.release);
    harvest.held.release();
    const allReady = Promise.all(everyService().map((s) => s.ready(120_000))).then(
      () => Date.now() - faultAt,
    );
    allReady.catch(() => undefined);
    // Writes are taken again after the fault (the services recovered by themselves).
    await Promise.all([sleep(PHASE_MS), acknowledgedBeyond(acknowledgedBeforeFault)]);
    return settle(fault, faultAt, allReady, harvest);
  }

  const expectNothingLost = (f: FaultFigures) => {
    expect(f.acknowledgedInPhase).toBeGreaterThan(0);
    expect(f.harvest.runningAtFault).toBe(true);
    expect({
      lostAcknowledged: f.lostAcknowledged,
      missingInReadModel: f.missingInReadModel,
      extraInReadModel: f.extraInReadModel,
      harvested: {
        inRegistry: f.harvest.inRegistry,
        inReadModel: f.harvest.inReadModel,
        missing: f.harvest.missingInReadModel,
        duplicated: f.harvest.duplicatedInReadModel,
        extra: f.harvest.extraInReadModel,
      },
    }).toEqual({
      lostAcknowledged: 0,
      missingInReadModel: 0,
      extraInReadModel: 0,
      harvested: {
        inRegistry: HARVEST_RECORDS,
        inReadModel: HARVEST_RECORDS,
        missing: 0,
        duplicated: 0,
        extra: 0,
      },
    });
  };

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
    await Promise.all(registries.map((r) => r.start({ timeoutMs: 60_000 })));
    for (const registry of registries) registriesInRotation.add(registry);
    for (let i = 0; i < 2; i++) {
      reportings.push(new ServiceProcess('reporting', reportingEnv(), await freePort()));
    }
    await Promise.all(reportings.map((r) => r.start({ timeoutMs: 60_000 })));
    // Two harvesters: a job runs in one of them (the source's advisory lock), the other answers
    // the API and fails the job of a dead one, so a rerun can start.
    for (let i = 0; i < 2; i++) {
      harvesters.push(new ServiceProcess('harvester', harvesterEnv(), await freePort()));
    }
    await Promise.all(harvesters.map((h) => h.start({ timeoutMs: 60_000 })));
  });

  afterAll(async () => {
    await stopLoad();
    await Promise.all(everyService().map((s) => s.stop()));
    await Promise.all([kafka.stop(), pg.stop(), catalogue.stop()]);
    if (figures.length > 0)
      console.log(
        `fault suite (rate ${RATE}/s, ${HARVEST_RECORDS} harvested records per fault):\n${JSON.stringify(figures, null, 1)}`,
      );
  });

  it('loses nothing without a fault (the baseline)', async () => {
    expectNothingLost(await underLoad('none', async () => undefined));
    // Negative control: the same rows counted against identifiers that were never harvested are
    // all missing and all extra.
    expect(
      await countHarvested({ ...harvests[0], prefix: 'faults-never-harvested' }),
    ).toMatchObject({
      inReadModel: HARVEST_RECORDS,
      missingInReadModel: HARVEST_RECORDS,
      extraInReadModel: HARVEST_RECORDS,
    });
  });

  it('kill -9 of a registry: the other keeps taking writes, the outbox publishes every commit', async () => {
    expectNothingLost(
      await underLoad('kill -9 registry', async (release) => {
        release();
        await registries[0].kill9();
        registriesInRotation.delete(registries[0]);
        await sleep(PHASE_MS / 2);
        await registries[0].start({ timeoutMs: 60_000 });
        registriesInRotation.add(registries[0]);
      }),
    );
  });

  it('kill -9 of a reporting instance: the other takes its partitions, nothing is projected twice', async () => {
    expectNothingLost(
      await underLoad('kill -9 reporting', async (release) => {
        release();
        await reportings[0].kill9();
        await sleep(PHASE_MS / 2);
        await reportings[0].start({ timeoutMs: 60_000 });
      }),
    );
  });

  it('kill -9 of the harvester running the job: the other fails it, a rerun stores every record once', async () => {
    expectNothingLost(
      await underLoad('kill -9 harvester', async (release) => {
        // Killed while its job waits for the held second half; only then is the page sent.
        await harvesters[0].kill9();
        release();
        await sleep(PHASE_MS / 2);
        await harvesters[0].start({ timeoutMs: 60_000 });
      }),
    );
  });

  it('kill -9 of the busiest of three Kafka brokers: writes go on, nothing acknowledged is lost', async () => {
    const broker = await kafka.busiestLeader(REGISTRY_TOPICS);
    expectNothingLost(
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
      await underLoad('restart PostgreSQL', async (release) => {
        release();
        await pg.restart();
      }),
    );
  });
});
