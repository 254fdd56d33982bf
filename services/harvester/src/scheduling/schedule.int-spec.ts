import { createServiceApp } from '@dpi/service-kit';
import { eventually, quietPeriod } from '@dpi/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HarvesterUnderTest, startHarvester } from '../harvester.test-helper';
import { SERVICE_OPTIONS } from '../service-options';
import { gdkFixtureRecords, TestCatalogue, variant } from '../testing/test-catalogue.test-helper';
import { ScheduleService } from './schedule.service';

const GDK_ID = '6a1e2f0c-5d1b-4c44-9a57-0f4d2b6c1a01';
const EVERY_TWO_SECONDS = '*/2 * * * * *';

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
      { timeoutMs: 10_000 },
    );
    expect(jobs.every((j) => j.mode === 'incremental')).toBe(true);
    expect(jobs.every((j) => j.scheduled_for.getUTCSeconds() % 2 === 0)).toBe(true);
    expect(jobs.every((j) => j.scheduled_for.getUTCMilliseconds() === 0)).toBe(true);
  });

  it('with a second replica firing the same ticks, every tick still runs at most once', async () => {
    const { AppModule } = await import('../app.module');
    replica = await createServiceApp(AppModule, SERVICE_OPTIONS);
    await replica.init();
    expect(replica.get(ScheduleService).registeredJobs()).toContain(
      `harvest:${sourceId}:incremental`,
    );
    const before = (await scheduledJobs()).length;
    await quietPeriod(5000);
    const jobs = await scheduledJobs();
    expect(jobs.length).toBeGreaterThan(before);
    const ticks = jobs.map((j) => j.scheduled_for.getTime());
    expect(new Set(ticks).size).toBe(ticks.length);
    await replica.close();
    replica = null;
  });

  it('disabling the source stops its schedules at once', async () => {
    const patched = await h.request('PATCH', `/api/v1/sources/${sourceId}`, {
      body: { enabled: false },
    });
    expect(patched.json().nextRuns).toEqual({ incremental: null, full: null });
    expect(h.app.get(ScheduleService).registeredJobs()).not.toContain(
      `harvest:${sourceId}:incremental`,
    );
    await quietPeriod(2500); // let a job started just before finish
    const count = (await scheduledJobs()).length;
    await quietPeriod(4000);
    expect((await scheduledJobs()).length).toBe(count);
  });

  it('deleting a source removes its schedules', async () => {
    await h.request('PATCH', `/api/v1/sources/${sourceId}`, {
      body: { enabled: true, fullSchedule: '0 3 * * 0', incrementalSchedule: null },
    });
    expect(h.app.get(ScheduleService).registeredJobs()).toContain(`harvest:${sourceId}:full`);
    await eventually(async () =>
      expect((await h.request('DELETE', `/api/v1/sources/${sourceId}`)).statusCode).toBe(204),
    );
    expect(
      h.app
        .get(ScheduleService)
        .registeredJobs()
        .filter((n) => n.includes(sourceId)),
    ).toEqual([]);
  });
});
