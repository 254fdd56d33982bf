import { freshness } from './profile';

const now = new Date('2026-12-07T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('harvest freshness', () => {
  it('is stale when never succeeded, overdue, or unscheduled and older than 7 days', () => {
    expect(freshness({ lastSuccessAt: null, nextDueAt: null, overdue: false }, now)).toEqual({
      ageDays: null,
      stale: true,
      staleReason: 'neverSucceeded',
    });
    expect(
      freshness({ lastSuccessAt: daysAgo(2), nextDueAt: daysAgo(1), overdue: true }, now),
    ).toMatchObject({ ageDays: 2, stale: true, staleReason: 'overdue' });
    expect(
      freshness({ lastSuccessAt: daysAgo(8), nextDueAt: null, overdue: false }, now),
    ).toMatchObject({ stale: true, staleReason: 'old' });
  });

  it('is fresh within the schedule or the 7 days', () => {
    expect(
      freshness({ lastSuccessAt: daysAgo(30), nextDueAt: daysAgo(-1), overdue: false }, now),
    ).toMatchObject({ ageDays: 30, stale: false, staleReason: null });
    expect(
      freshness({ lastSuccessAt: daysAgo(6.5), nextDueAt: null, overdue: false }, now),
    ).toMatchObject({ ageDays: 6.5, stale: false });
  });
});
