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

/** A real day (not 2026-02-31). */
export function isCalendarDate(value: string): boolean {
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}

@Injectable()
export class TrendsService {
  constructor(private readonly repository: TrendsRepository) {}

  async trends(query: TrendsQuery, viewer: Viewer): Promise<TrendsView> {
    const bucket = query.bucket ?? 'month';
    const now = new Date();
    for (const field of ['from', 'to'] as const) {
      const value = query[field];
      if (value !== undefined && !isCalendarDate(value))
        throw validationProblem([{ field, message: `${field} is no calendar date` }]);
    }
    const recordedSince = await this.repository.recordedSince();
    // Before the history and after today there is nothing to show: the period is clamped to
    // them (so any dates are answered, and no request asks for centuries of empty buckets).
    const first = recordedSince ? localDate(recordedSince) : null;
    const today = localDate(now);
    const from = [query.from ?? first ?? today, first ?? today].sort().at(-1) as string;
    const to = [query.to ?? today, today].sort()[0];
    const buckets =
      recordedSince && from <= to ? await this.repository.buckets(from, to, bucket) : [];
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
