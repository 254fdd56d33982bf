import { Viewer } from '../auth/viewer';
import { LAENDER } from '@dpi/domain';
import { Injectable } from '@nestjs/common';
import { validationProblem } from '@dpi/service-kit';
import { TrendsQuery, TrendsView } from './dto/trends.dto';
import { trendBuckets } from './trends';
import { TRENDS_TIME_ZONE, TrendsRepository } from './trends.repository';

/** The local (Europe/Berlin) date of an instant, YYYY-MM-DD. */
export const localDate = (at: Date): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: TRENDS_TIME_ZONE }).format(at);

/** A real day (not 2026-02-31) in years the trends can mean. */
export function isCalendarDate(value: string): boolean {
  const at = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(at.getTime()) &&
    at.toISOString().slice(0, 10) === value &&
    value >= '1900-01-01' &&
    value < '3000-01-01'
  );
}

/** At most this many buckets per request (20 years of weeks). */
const MAX_BUCKETS = 1100;

@Injectable()
export class TrendsService {
  constructor(private readonly repository: TrendsRepository) {}

  async trends(query: TrendsQuery, viewer: Viewer): Promise<TrendsView> {
    const bucket = query.bucket ?? 'month';
    const now = new Date();
    const recordedSince = await this.repository.recordedSince();
    const from = query.from ?? localDate(recordedSince ?? now);
    const to = query.to ?? localDate(now);
    for (const [field, value] of [
      ['from', from],
      ['to', to],
    ] as const)
      if (!isCalendarDate(value))
        throw validationProblem([{ field, message: `${field} is no calendar date (1900–2999)` }]);
    if (from > to)
      throw validationProblem([{ field: 'from', message: 'from must not be after to' }]);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if ((bucket === 'week' ? days / 7 : days / 28) > MAX_BUCKETS)
      throw validationProblem([
        { field: 'from', message: `at most ${MAX_BUCKETS} buckets: shorten the period` },
      ]);
    const buckets = await this.repository.buckets(from, to, bucket);
    const laender = LAENDER.filter((l) => !query.land || l.code === query.land);
    const events =
      buckets.length === 0 || !recordedSince
        ? []
        : await this.repository.events({
            landCode: query.land,
            first: new Date(buckets[0].start),
            until: new Date(buckets[buckets.length - 1].end),
            bucket,
            scope: viewer.scope,
          });
    return {
      recordedSince: recordedSince?.toISOString() ?? null,
      bucket,
      timeZone: TRENDS_TIME_ZONE,
      series: laender.map((land) => ({
        landCode: land.code,
        landName: land.name,
        buckets: trendBuckets(
          buckets,
          events.filter((e) => e.landCode === land.code),
          recordedSince,
          now,
        ),
      })),
      generatedAt: now.toISOString(),
    };
  }
}
