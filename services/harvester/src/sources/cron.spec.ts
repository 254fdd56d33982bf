import { cronProblem, nextRun, nextRunAfter, shortestInterval } from './cron';

describe('cronProblem', () => {
  it.each(['0 2 * * *', '*/15 * * * *', '0 3 * * 0', '30 2 * * MON', '*/5 * * * * *', '@daily'])(
    'accepts %s',
    (expression) => expect(cronProblem(expression, 'Europe/Berlin')).toBeNull(),
  );

  it.each([
    ['', 'must not be empty'],
    [
      '* * *',
      'must have 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), got 3',
    ],
    [
      '0 0 0 0 0 0 0',
      'must have 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), got 7',
    ],
    ['61 * * * *', 'Field value (61) is out of range'],
    [
      '@sometimes',
      'contains an unknown name: use numbers, JAN–DEC, SUN–SAT or @yearly, @monthly, @weekly, @daily, @hourly',
    ],
    ['0 0 31 2 *', 'never fires (no matching date)'],
  ])('refuses %j: %s', (expression, problem) => {
    expect(cronProblem(expression, 'Europe/Berlin')).toBe(problem);
  });

  it('computes the next run in the configured time zone', () => {
    const next = nextRun('0 2 * * *', 'Europe/Berlin');
    expect(next.getTime()).toBeGreaterThan(Date.now());
    const berlinHour = new Intl.DateTimeFormat('en', {
      timeZone: 'Europe/Berlin',
      hour: 'numeric',
      hourCycle: 'h23',
    }).format(next);
    expect(Number(berlinHour)).toBe(2);
  });
});

describe('shortestInterval', () => {
  it.each([
    ['* * * * * *', 1],
    ['*/2 * * * * *', 2],
    ['* * * * *', 60],
    ['*/15 * * * *', 900],
    // Every minute, but only during one hour of the day: the gap that matters is the short one.
    ['* 3 * * *', 60],
    ['0 3 * * 1', 7 * 86_400],
    ['@hourly', 3600],
  ])('%s fires at most every %i s', (expression, seconds) => {
    // UTC: no daylight-saving day of 23 or 25 hours, whatever the date the test runs on.
    expect(shortestInterval(expression, 'UTC')).toBe(seconds);
  });
});

// Moved from reporting (its nextTick), which reads the harvester's next_run_at instead (issue 18).
describe('nextRunAfter', () => {
  it('is the next cron run after the given time in the schedule’s time zone', () => {
    // 03:00 Berlin in winter is 02:00 UTC.
    expect(
      nextRunAfter(
        '0 3 * * *',
        new Date('2026-01-10T05:00:00.000Z'),
        'Europe/Berlin',
      )?.toISOString(),
    ).toBe('2026-01-11T02:00:00.000Z');
  });

  it('is null without schedule, without time or for an unreadable schedule', () => {
    expect(nextRunAfter(null, new Date('2026-01-10T05:00:00.000Z'), 'UTC')).toBeNull();
    expect(nextRunAfter('0 3 * * *', null, 'UTC')).toBeNull();
    expect(nextRunAfter('not cron', new Date('2026-01-10T05:00:00.000Z'), 'UTC')).toBeNull();
  });
});
