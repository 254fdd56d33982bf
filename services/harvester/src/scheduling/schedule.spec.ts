import { ProblemException } from '@dpi/service-kit';
import { HttpStatus } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PinoLogger } from 'nestjs-pino';
import { HarvesterEnv } from '../config';
import { JobSupervisor } from '../jobs/job-supervisor.service';
import type { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import { SourcesRepository } from '../sources/sources.repository';
import { ScheduleFiring, ScheduleService, tickOf } from './schedule.service';

describe('tickOf', () => {
  it('is the scheduled time a firing belongs to, whatever the small delay', () => {
    const tick = new Date('2026-03-10T01:15:00.000Z');
    for (const delay of [0, 3, 250, 900]) {
      expect(tickOf('15 1 * * *', 'UTC', new Date(tick.getTime() + delay))).toEqual(tick);
    }
  });

  it('works in the configured time zone', () => {
    // 01:15 in Berlin (CET) is 00:15 UTC.
    const now = new Date('2026-01-10T00:15:00.120Z');
    expect(tickOf('15 1 * * *', 'Europe/Berlin', now)).toEqual(
      new Date('2026-01-10T00:15:00.000Z'),
    );
  });

  it('falls back to the current second when the firing is far late', () => {
    const now = new Date('2026-03-10T01:17:42.500Z');
    expect(tickOf('15 1 * * *', 'UTC', now)).toEqual(new Date('2026-03-10T01:17:42.000Z'));
  });
});

describe('ScheduleService.onFiring', () => {
  const SOURCE = { id: 'source-1', version: 1, enabled: true, deletedAt: null };
  const conflict = new ProblemException({
    type: 'urn:dpi:problem:conflict',
    status: HttpStatus.CONFLICT,
    detail: 'a job is active',
  });

  function scheduleService(findLive: jest.Mock, start: jest.Mock) {
    const config = {
      get: (key: string) =>
        ({ HARVEST_SCHEDULER_ENABLED: true, HARVEST_CRON_TIMEZONE: 'UTC' })[key],
    };
    const logger = { setContext: jest.fn(), info: jest.fn(), debug: jest.fn(), error: jest.fn() };
    return new ScheduleService(
      new SchedulerRegistry(),
      { findLive } as unknown as SourcesRepository,
      { start } as unknown as JobSupervisor,
      config as unknown as ConfigService<HarvesterEnv, true>,
      logger as unknown as PinoLogger,
    );
  }

  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-03-10T01:15:00.400Z') }));
  afterEach(() => jest.useRealTimers());

  it.each([
    ['started', 'the job started', { id: 'job-1' }, SOURCE],
    ['taken', 'another replica had the tick', null, SOURCE],
    ['busy', 'a job of the source is active', conflict, SOURCE],
    ['failed', 'the start failed', new Error('database down'), SOURCE],
    ['skipped', 'the source is disabled', { id: 'job-1' }, { ...SOURCE, enabled: false }],
    ['skipped', 'the source is gone', { id: 'job-1' }, null],
  ])('reports a firing with its tick once done: %s when %s', async (outcome, _, result, live) => {
    const start = jest.fn(async () => {
      if (result instanceof Error) throw result;
      return result;
    });
    const findLive = jest.fn().mockResolvedValue(live);
    const service = scheduleService(findLive, start);
    const firings: ScheduleFiring[] = [];
    const unsubscribe = service.onFiring((firing) => firings.push(firing));
    service.sync({
      ...SOURCE,
      incrementalSchedule: '*/2 * * * * *',
      fullSchedule: null,
    } as unknown as HarvestSourceEntity);

    await jest.advanceTimersByTimeAsync(1700);
    expect(firings).toEqual([
      {
        sourceId: 'source-1',
        mode: 'incremental',
        tick: new Date('2026-03-10T01:15:02.000Z'),
        outcome,
      },
    ]);

    unsubscribe();
    await jest.advanceTimersByTimeAsync(2000);
    expect(findLive).toHaveBeenCalledTimes(2); // it fired again, unobserved
    expect(firings).toHaveLength(1);
    service.onApplicationShutdown();
  });
});
