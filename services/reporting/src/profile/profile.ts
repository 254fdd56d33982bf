/** Unscheduled harvest sources are stale when their last success is older than this. */
export const FRESHNESS_MAX_AGE_DAYS = 7;

export const FRESHNESS_RULE =
  'stale: never succeeded; or the next run its schedule promised after the last success is more ' +
  `than an hour overdue (as the Handlungsbedarf "harvest-source-stale"); or, without a schedule, ` +
  `the last success is more than ${FRESHNESS_MAX_AGE_DAYS} days old`;

export type StaleReason = 'neverSucceeded' | 'overdue' | 'old';

/** How fresh a harvest source is (pure: `overdue` is the view's flag, `now` the clock). */
export function freshness(
  source: { lastSuccessAt: Date | null; nextDueAt: Date | null; overdue: boolean },
  now: Date,
): { ageDays: number | null; stale: boolean; staleReason: StaleReason | null } {
  if (!source.lastSuccessAt) return { ageDays: null, stale: true, staleReason: 'neverSucceeded' };
  const ageDays =
    Math.round(((now.getTime() - source.lastSuccessAt.getTime()) / 86_400_000) * 10) / 10;
  const staleReason: StaleReason | null = source.overdue
    ? 'overdue'
    : !source.nextDueAt && ageDays > FRESHNESS_MAX_AGE_DAYS
      ? 'old'
      : null;
  return { ageDays, stale: staleReason !== null, staleReason };
}
