import { JobState, PlatformType, ServiceType } from '@dpi/contracts';
import { databaseUrl, eventually } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import pino from 'pino';
import { reportingEnvSchema } from '../config';
import { RuleEvaluator } from '../handlungsbedarfe/rule-evaluator';
import { ReportingUnderTest, startReporting } from '../reporting.test-helper';
import { rebuildReadModels } from './rebuild';

const TABLES = [
  'organisation_item',
  'platform_item',
  'twin_item',
  'dataset_item',
  'endpoint_item',
  'harvest_job_item',
  'finding',
  'record_history',
];

/** Every row of every read model of a schema (findings without their clock columns). */
async function snapshot(schema: string): Promise<Record<string, unknown[]>> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    const result: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      const { rows } = await client.query(
        `SELECT to_jsonb(t) - 'first_seen_at' - 'updated_at' AS row FROM ${schema}.${table} t ORDER BY id`,
      );
      result[table] = rows.map((r) => r.row);
    }
    return result;
  } finally {
    await client.end();
  }
}

describe('reporting rebuild: replaying Kafka from offset 0 gives the live model (real PostgreSQL and Kafka)', () => {
  let r: ReportingUnderTest;

  beforeAll(async () => {
    r = await startReporting('rebuild');
  });
  afterAll(async () => r?.close());

  it('rebuilds into a fresh schema, switches over, and the service keeps projecting into it', async () => {
    const e = r.events;
    const [p1, p2, t1, d1, d2, en1, en2, o1, j1, j2] = Array.from({ length: 10 }, randomUUID);
    await r.producer.send([
      e.organisation(o1, 1, 'DE-SN'),
      e.organisation(o1, 2, 'DE-SN'),
      e.platform(p1, 1, {
        landCode: 'DE-SN',
        type: PlatformType.OPEN_DATA_PORTAL,
        endpointIds: [en1],
      }),
      e.platform(p1, 3, { landCode: 'DE-SN', type: PlatformType.OPEN_DATA_PORTAL, name: 'neu' }),
      e.platform(p1, 2, { landCode: 'DE-SN', name: 'veraltet' }),
      e.platform(p2, 1, { landCode: 'DE-RP' }),
      e.tombstone(e.platform(p2, 2), 2),
      e.twin(t1, 1, { landCode: 'DE-SN' }),
      e.dataset(d1, 1, { landCode: 'DE-SN' }),
      e.dataset(d2, 1, { landCode: 'DE-RP', licence: '', bbox: [] }),
      e.dataset(d2, 1, { landCode: 'DE-RP', title: 'Duplikat gleicher Version' }),
      e.endpoint(en1, 1, { landCode: 'DE-SN', serviceType: ServiceType.CSW }),
      e.endpoint(en2, 1, { landCode: 'DE-RP', url: `https://geodienste.example.org/${en1}` }),
      { ...e.dataset(randomUUID(), 1), value: Buffer.from([0xff, 0x00]) },
      e.harvestJob(j1, 1, { landCode: 'DE-SN', state: JobState.RUNNING }),
      e.harvestJob(j1, 2, {
        landCode: 'DE-SN',
        state: JobState.FAILED,
        message: 'Zeitüberschreitung',
      }),
      e.harvestJob(j2, 1, { landCode: 'DE-RP' }),
    ]);
    const env = reportingEnvSchema.parse(process.env);
    await eventually(async () => {
      const snap = await snapshot(env.DB_SCHEMA);
      expect(snap.organisation_item).toHaveLength(1);
      expect(snap.platform_item).toHaveLength(2);
      expect(snap.dataset_item).toHaveLength(2);
      expect(snap.endpoint_item).toHaveLength(2);
      expect(snap.twin_item).toHaveLength(1);
      expect(snap.harvest_job_item.map((j) => (j as { state: string }).state).sort()).toEqual([
        'failed',
        'succeeded',
      ]);
    });
    // Counts alone could be reached before the last versions (organisation 2, platform 3) were.
    await r.projected();
    await r.app.get(RuleEvaluator).evaluate();
    const live = await snapshot(env.DB_SCHEMA);
    expect(live.finding.length).toBeGreaterThan(0);

    const result = await rebuildReadModels({
      env,
      logger: pino({ level: 'silent' }),
      keepOld: true,
      progressMs: 100,
    });
    expect(result.deadLetters).toBe(1);
    expect(result.events).toBe(16);
    expect(result.keptOldSchema).not.toBeNull();
    const rebuilt = await snapshot(env.DB_SCHEMA);
    expect(rebuilt).toEqual(live);
    expect(await snapshot(result.keptOldSchema as string)).toEqual(live);

    // The running service reads and projects into the rebuilt schema.
    const p3 = randomUUID();
    await r.producer.send([e.platform(p3, 1, { landCode: 'DE-SN' })]);
    await eventually(async () =>
      expect(
        (await r.get<{ total: number }>('/api/v1/items?landCode=DE-SN&kind=platform')).total,
      ).toBe(2),
    );
    const after = await snapshot(env.DB_SCHEMA);
    expect(after.platform_item.map((p) => (p as { id: string }).id)).toContain(p3);
    expect((await snapshot(result.keptOldSchema as string)).platform_item).toHaveLength(2);
  });
});
