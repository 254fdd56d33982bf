import { createServiceApp } from '@dpi/service-kit';
import { eventually } from '@dpi/testing';
import { INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HarvesterUnderTest, startHarvester } from '../harvester.test-helper';
import { SERVICE_OPTIONS } from '../service-options';
import { gdkFixtureRecords, TestCatalogue, variant } from '../testing/test-catalogue.test-helper';
import { ScheduleFiring, ScheduleService } from './schedule.service';

const GDK_ID = '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a01';
const EVERY_TWO_SECONDS = '*/2 * * * * *';

/** Collects the firings of one app's schedules (of every replica, a firing leaves no row). */
function recordFirings(app: INestApplication) {
  const seen: ScheduleFiring[] = [];
  const stop = app.get(ScheduleService).onFiring((firing) => seen.push(firing));
  const of = (sourceId: string) => seen.filter((f) => f.sourceId === sourceId);
  return { of, stop };
}

describe('harvester: cron schedules (@nestjs/schedule, real PostgreSQL and Kafka)', () => {
  let h: HarvesterUnderTest;
  let replica: NestFastifyApplication | null = null;
  const catalogue = new TestCatalogue();
  let sourceId: string;

  const scheduledJobs = async () =>
    (
      await h.db.query(
        `SELECT scheduled_for, mode, state FROM ${h.schema}.harvest_job
          WHERE source_id = $1 AND trigger = 'schedule' ORDER BY scheduled_for`,
        [sourceId],
      )
    ).rows as { scheduled_for: Date; mode: string; state: string }[];

  beforeAll(async () => {
    await catalogue.start();
    const [fixture] = gdkFixtureRecords();
    catalogue.put('de.schedule.one', variant(fixture.xml, { id: 'de.schedule.one' }));
    h = await startHarvester('schedule', { HARVEST_SCHEDULER_ENABLED: 'true' });
    sourceId = (await h.createSource({ name: 'Scheduled CSW', url: catalogue.url, enabled: false }))
      .id;
  });

  afterAll(async () => {
    await replica?.close();
    await h?.close();
    await catalogue.stop();
  });

  it('registers the enabled seeded catalogue at start-up, not the disabled ones', () => {
    const names = h.app.get(ScheduleService).registeredJobs();
    expect(names).toEqual(
      expect.arrayContaining([`harvest:${GDK_ID}:incremental`, `harvest:${GDK_ID}:full`]),
    );
    expect(names.filter((n) => !n.startsWith(`harvest:${GDK_ID}`))).toEqual([]);
  });

  it('a schedule set through the API fires without a restart; each tick runs once', async () => {
    const patched = await h.request('PATCH', `/api/v1/sources/${sourceId}`, {
      body: { enabled: true, incrementalSchedule: EVERY_TWO_SECONDS },
      headers: { 'if-match': '*' },
    });
    expect(patched.statusCode).toBe(200);
    expect(h.app.get(ScheduleService).registeredJobs()).toContain(
      `harvest:${sourceId}:incremental`,
    );
    const jobs = await eventually(
      async () => {
        const found = await scheduledJobs();
        expect(found.filter((j) => j.state === 'succeeded').length).toBeGreaterThanOrEqual(2);
        return found;
      },
      { timeoutMs: 20_000 },
    );
    expect(jobs.every((j) => j.mode === 'incremental')).toBe(true);
    expect(jobs.every((j) => j.scheduled_for.getUTCSeconds() % 2 === 0)).toBe(true);
    expect(jobs.every((j) => j.scheduled_for.getUTCMilliseconds() === 0)).toBe(true);
  });

  it('with a second replica firing the same ticks, every tick still runs at most once', async () => {
    const main = recordFirings(h.app);
    const { AppModule } = await import('../app.module');
    replica = await createServiceApp(AppModule, SERVICE_OPTIONS);
    await replica.init();
    const second = recordFirings(replica);
    try {
      expect(replica.get(ScheduleService).registeredJobs()).toContain(
        `harvest:${sourceId}:incremental`,
      );
      const before = (await scheduledJobs()).length;
      // The outcomes of the ticks both replicas fired, once at least two of them started a job.
      const contested = await eventually(
        () => {
          const byTick = new Map<number, ScheduleFiring['outcome'][]>();
          for (const f of [...main.of(sourceId), ...second.of(sourceId)])
            byTick.set(f.tick.getTime(), [...(byTick.get(f.tick.getTime()) ?? []), f.outcome]);
          const both = [...byTick].filter(([, outcomes]) => outcomes.length === 2);
          expect(
            both.filter(([, outcomes]) => outcomes.includes('started')).length,
          ).toBeGreaterThanOrEqual(2);
          return both;
        },
        { timeoutMs: 20_000 },
      );
      for (const [, outcomes] of contested) {
        expect(outcomes.filter((o) => o === 'started').length).toBeLessThanOrEqual(1);
        expect(outcomes).not.toContain('failed');
      }
      const jobs = await scheduledJobs();
      expect(jobs.length).toBeGreaterThan(before);
      const ticks = jobs.map((j) => j.scheduled_for.getTime());
      expect(new Set(ticks).size).toBe(ticks.length);
      for (const [tick, outcomes] of contested)
        expect(ticks.filter((t) => t === tick)).toHaveLength(outcomes.includes('started') ? 1 : 0);
    } finally {
      main.stop();
      second.stop();
      await replica.close();
      replica = null;
    }
  });

  it('disabling the source stops its schedules at once', async () => {
    // A source on the same schedule that stays enabled: once it has fired two ticks after the
    // disabling, the disabled one has had those chances too.
    const sentinel = (
      await h.createSource({
        name: 'Sentinel schedule',
        url: catalogue.url,
        incrementalSchedule: EVERY_TWO_SECONDS,
      })
    ).id;
    const firings = recordFirings(h.app);
    try {
      const patched = await h.request('PATCH', `/api/v1/sources/${sourceId}`, {
        body: { enabled: false },
        headers: { 'if-match': '*' },
      });
      const disabledAt = Date.now();
      expect(patched.json().nextRuns).toEqual({ incremental: null, full: null });
      const registered = h.app.get(ScheduleService).registeredJobs();
      expect(registered).not.toContain(`harvest:${sourceId}:incremental`);
      expect(registered).toContain(`harvest:${sentinel}:incremental`);

      await eventually(
        () =>
          expect(
            firings.of(sentinel).filter((f) => f.tick.getTime() > disabledAt).length,
          ).toBeGreaterThanOrEqual(2),
        { timeoutMs: 20_000 },
      );
      // A job of a tick before the disabling may still have started; none of a later one.
      expect(firings.of(sourceId).filter((f) => f.tick.getTime() > disabledAt)).toEqual([]);
      expect((await scheduledJobs()).filter((j) => j.scheduled_for.getTime() > disabledAt)).toEqual(
        [],
      );
    } finally {
      firings.stop();
      await h.request('PATCH', `/api/v1/sources/${sentinel}`, {
        body: { enabled: false },
        headers: { 'if-match': '*' },
      });
    }
  });

  it('deleting a source removes its schedules', async () => {
    await h.request('PATCH', `/api/v1/sources/${sourceId}`, {
      body: { enabled: true, fullSchedule: '0 3 * * 0', incrementalSchedule: null },
      headers: { 'if-match': '*' },
    });
    expect(h.app.get(ScheduleService).registeredJobs()).toContain(`harvest:${sourceId}:full`);
    await eventually(async () =>
      expect(
        (await h.request('DELETE', `/api/v1/sources/${sourceId}`, { headers: { 'if-match': '*' } }))
          .statusCode,
      ).toBe(204),
    );
    expect(
      h.app
        .get(ScheduleService)
        .registeredJobs()
        .filter((n) => n.includes(sourceId)),
    ).toEqual([]);
  });
});
