import { TOPICS } from '@dpi/contracts';
import { migrate } from '@dpi/db';
import { prefixedTopic } from '@dpi/kafka';
import {
  createTestNamespace,
  eventually,
  freePort,
  KafkaProbe,
  ServiceProcess,
  type TestNamespace,
} from '@dpi/testing';
import { Client } from 'pg';
import { harvesterEnvSchema } from './config';
import { harvesterDataSourceOptions } from './database/data-source';
import { ADMIN_TOKEN, decodeRecord, outboxDrained, type JobJson } from './harvester.test-helper';
import {
  gdkFixtureRecords,
  heldPages,
  TestCatalogue,
  variant,
} from './testing/test-catalogue.test-helper';

const RECORDS = 40;

/**
 * The built harvester as a real process, killed with SIGKILL in the middle of a job: the next
 * process fails the orphaned job (its advisory lock died with the session), and the next run
 * completes without publishing any record version twice.
 */
describe('harvester process killed during a job (SIGKILL)', () => {
  let ns: TestNamespace;
  let env: Record<string, string>;
  let db: Client;
  let probe: KafkaProbe;
  const catalogue = new TestCatalogue();
  const processes: ServiceProcess[] = [];

  const api = (process: ServiceProcess, method: string, path: string, body?: unknown) =>
    fetch(`${process.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  const job = async (process: ServiceProcess, id: string): Promise<JobJson> =>
    (await api(process, 'GET', `/api/v1/jobs/${id}`)).json() as Promise<JobJson>;
  const startProcess = async () => {
    const process = new ServiceProcess('harvester', env, await freePort());
    processes.push(process);
    await process.start();
    return process;
  };

  beforeAll(async () => {
    await catalogue.start();
    const fixtures = gdkFixtureRecords();
    for (let i = 1; i <= RECORDS; i++) {
      const id = `de.crash.record-${String(i).padStart(2, '0')}`;
      catalogue.put(id, variant(fixtures[i % fixtures.length].xml, { id }));
    }
    ns = await createTestNamespace('crash');
    env = ns.env('harvester', {
      DPI_ADMIN_TOKEN: ADMIN_TOKEN,
      OUTBOX_POLL_INTERVAL_MS: '100',
      HARVEST_SCHEDULER_ENABLED: 'false',
      HARVEST_PROGRESS_INTERVAL_MS: '0',
    });
    await migrate(harvesterDataSourceOptions(harvesterEnvSchema.parse(env)));
    db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
    probe = await new KafkaProbe(prefixedTopic(TOPICS.harvestRecord, ns.topicPrefix)).start();
  });

  afterAll(async () => {
    for (const process of processes) await process.stop();
    await probe?.stop();
    await db?.end();
    await catalogue.stop();
  });

  it('the orphaned job is failed by the next process, and the rerun completes duplicate-free', async () => {
    const first = await startProcess();
    const created = await api(first, 'POST', '/api/v1/sources', {
      name: 'Crash CSW',
      url: catalogue.url,
      pageSize: 5,
    });
    const sourceId = ((await created.json()) as { id: string }).id;
    // Pages of 5: the first two at once, the rest held until the process is dead, so the job
    // is certainly still running, with 10 records stored, when it is killed.
    const held = heldPages(11);
    catalogue.behaviour = held.behaviour;
    const started = (await (
      await api(first, 'POST', `/api/v1/sources/${sourceId}/run`)
    ).json()) as JobJson;
    await eventually(async () => expect((await job(first, started.id)).counts.received).toBe(10), {
      timeoutMs: 20_000,
    });
    await first.kill9();
    held.release();
    const stranded = await db.query(
      `SELECT state FROM ${env.DB_SCHEMA}.harvest_job WHERE id = $1`,
      [started.id],
    );
    expect(stranded.rows[0].state).toBe('running');

    catalogue.behaviour = null;
    const second = await startProcess();
    const orphan = await eventually(
      async () => {
        const found = await job(second, started.id);
        expect(found.state).toBe('failed');
        return found;
      },
      { timeoutMs: 15_000 },
    );
    expect(orphan.message).toContain('process running this job ended');

    const rerun = (await (
      await api(second, 'POST', `/api/v1/sources/${sourceId}/run`)
    ).json()) as JobJson;
    const finished = await eventually(
      async () => {
        const found = await job(second, rerun.id);
        expect(found.state).toBe('succeeded');
        return found;
      },
      { timeoutMs: 20_000 },
    );
    expect(finished.counts).toMatchObject({ received: RECORDS, deleted: 0 });
    expect((finished.counts.created ?? 0) + (finished.counts.unchanged ?? 0)).toBe(RECORDS);
    expect(finished.counts.unchanged).toBeGreaterThanOrEqual(10);

    // Every record reached Kafka; a record is never published in two versions.
    await outboxDrained(db, env.DB_SCHEMA);
    await probe.caughtUp();
    const messages = probe.messages;
    expect(new Set(messages.map((m) => m.key)).size).toBe(RECORDS);
    for (const message of messages) {
      expect(decodeRecord(message).envelope.entityVersion).toBe(1);
    }
  });
});
