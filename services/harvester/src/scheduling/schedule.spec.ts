import { tickOf } from './schedule.service';

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
