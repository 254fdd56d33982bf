import type { HarvestedCounts, KindCounts, TrendBucketView } from './dto/trends.dto';

export const TREND_KINDS = ['platform', 'twin', 'dataset', 'endpoint'] as const;
type TrendKind = (typeof TREND_KINDS)[number];

export interface BucketRow {
  label: string;
  start: Date | string;
  end: Date | string;
}

export interface EventRow {
  landCode: string;
  kind: string;
  harvested: boolean;
  event: 'registered' | 'withdrawn';
  /** null: before the first bucket. */
  label: string | null;
  n: number;
}

const zero = (): KindCounts => ({ platform: 0, twin: 0, dataset: 0, endpoint: 0 });
const isKind = (kind: string): kind is TrendKind =>
  (TREND_KINDS as readonly string[]).includes(kind);

/**
 * One Land's buckets from its counted events. Buckets that end at or before `recordedSince` are
 * left out (no invented past); one that starts before it, or ends after `now`, is `partial`. The
 * inventory at a bucket's end is everything registered before it minus everything withdrawn
 * before it (registrations known from the records' `created_at` also before `recordedSince`).
 */
export function trendBuckets(
  buckets: readonly BucketRow[],
  events: readonly EventRow[],
  recordedSince: Date | null,
  now: Date,
): TrendBucketView[] {
  if (!recordedSince) return [];
  const inventory = zero();
  const apply = (e: EventRow) => {
    if (isKind(e.kind)) inventory[e.kind] += e.event === 'registered' ? e.n : -e.n;
  };
  events.filter((e) => e.label === null).forEach(apply);
  const views: TrendBucketView[] = [];
  for (const bucket of buckets) {
    const start = new Date(bucket.start);
    const end = new Date(bucket.end);
    const registered = zero();
    const withdrawn = zero();
    const harvested: HarvestedCounts = { added: 0, withdrawn: 0 };
    for (const e of events.filter((x) => x.label === bucket.label)) {
      apply(e);
      if (e.harvested) harvested[e.event === 'registered' ? 'added' : 'withdrawn'] += e.n;
      else if (isKind(e.kind)) (e.event === 'registered' ? registered : withdrawn)[e.kind] += e.n;
    }
    if (end.getTime() <= recordedSince.getTime()) continue;
    views.push({
      label: bucket.label,
      start: start.toISOString(),
      end: end.toISOString(),
      partial: start.getTime() < recordedSince.getTime() || end.getTime() > now.getTime(),
      registered,
      withdrawn,
      harvested,
      inventory: { ...inventory },
    });
  }
  return views;
}
