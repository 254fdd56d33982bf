import { localDate, isCalendarDate } from './trends.service';
import { BucketRow, EventRow, trendBuckets } from './trends';

const months: BucketRow[] = [
  { label: '2026-10', start: '2026-09-30T22:00:00Z', end: '2026-10-31T23:00:00Z' },
  { label: '2026-11', start: '2026-10-31T23:00:00Z', end: '2026-11-30T23:00:00Z' },
  { label: '2026-12', start: '2026-11-30T23:00:00Z', end: '2026-12-31T23:00:00Z' },
];
const event = (e: Partial<EventRow>): EventRow => ({
  landCode: 'DE-HH',
  kind: 'platform',
  harvested: false,
  event: 'registered',
  label: null,
  n: 1,
  ...e,
});

describe('trends', () => {
  it('leaves out buckets before the history begins and marks the partial ones', () => {
    const since = new Date('2026-11-15T00:00:00Z');
    const now = new Date('2026-12-07T06:00:00Z');
    const buckets = trendBuckets(months, [], since, now);
    expect(buckets.map((b) => [b.label, b.partial])).toEqual([
      ['2026-11', true],
      ['2026-12', true],
    ]);
    expect(trendBuckets(months, [], null, now)).toEqual([]);
  });

  it('counts registrations, withdrawals, harvested records and the inventory at each end', () => {
    const events = [
      event({ n: 2 }), // registered before the first bucket
      event({ label: '2026-11', n: 3 }),
      event({ label: '2026-12', event: 'withdrawn' }),
      event({ label: '2026-12', kind: 'dataset', harvested: true, n: 5 }),
      event({ label: '2026-12', kind: 'dataset', harvested: true, event: 'withdrawn', n: 2 }),
    ];
    const [oct, nov, dec] = trendBuckets(
      months,
      events,
      new Date('2026-01-01T00:00:00Z'),
      new Date('2027-02-01T00:00:00Z'),
    );
    expect(oct).toMatchObject({ partial: false, inventory: { platform: 2, dataset: 0 } });
    expect(nov).toMatchObject({ registered: { platform: 3 }, inventory: { platform: 5 } });
    expect(dec).toMatchObject({
      registered: { platform: 0, dataset: 0 },
      withdrawn: { platform: 1 },
      harvested: { added: 5, withdrawn: 2 },
      inventory: { platform: 4, dataset: 3 },
    });
  });

  it('reads dates as calendar days in Berlin', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(localDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
