import type { ReadScope } from '@dpi/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { binder, countedRowsSql } from '../auth/visibility';
import type { TrendBucket } from './dto/trends.dto';
import type { BucketRow, EventRow } from './trends';

export const TRENDS_TIME_ZONE = 'Europe/Berlin';

const LABEL: Record<TrendBucket, string> = { month: 'YYYY-MM', week: 'IYYY-"W"IW' };
const STEP: Record<TrendBucket, string> = { month: '1 month', week: '1 week' };

/** Reads `record_history` (written by the projection, ../projection/record-history.ts). */
@Injectable()
export class TrendsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * From when the history is complete: its first event, or, when the projection first saw some
   * record at a version above 1 (Kafka's compaction had dropped its earlier events, and maybe
   * whole withdrawn records with them), the latest such first sight.
   */
  async recordedSince(): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT greatest(min(first_seen_at), max(first_seen_at) FILTER (WHERE first_version > 1)) AS since
       FROM record_history`,
    );
    return row?.since ? new Date(row.since) : null;
  }

  /** The buckets (local to Europe/Berlin) from `from` (a local date) to the end of `to`. */
  async buckets(from: string, to: string, bucket: TrendBucket): Promise<BucketRow[]> {
    return this.dataSource.query(
      `SELECT to_char(local, '${LABEL[bucket]}') AS label,
         (local AT TIME ZONE $3)::timestamptz AS start,
         ((local + interval '${STEP[bucket]}') AT TIME ZONE $3)::timestamptz AS "end"
       FROM generate_series(date_trunc('${bucket}', $1::date::timestamp),
         ($2::date + 1)::timestamp - interval '1 microsecond', interval '${STEP[bucket]}') AS local
       ORDER BY local`,
      [from, to, TRENDS_TIME_ZONE],
    );
  }

  /**
   * Registrations and withdrawals before `until`, counted per Land, kind, harvested or not, and
   * bucket label (null: before `first`, the start of the first bucket, or at an unknown time
   * before the record was first seen).
   */
  async events(args: {
    landCode?: string;
    first: Date;
    until: Date;
    bucket: TrendBucket;
    scope: ReadScope;
  }): Promise<EventRow[]> {
    const params: unknown[] = [args.first, args.until, TRENDS_TIME_ZONE];
    const bind = binder(params);
    const where = [
      'land_code IS NOT NULL',
      // NON_PUBLIC records (withdrawn ones too) count only for those who may read them.
      countedRowsSql(args.scope, bind),
      ...(args.landCode ? [`land_code = ${bind(args.landCode)}`] : []),
    ].join(' AND ');
    const label = (column: string) =>
      `CASE WHEN ${column} < $1 THEN NULL
         ELSE to_char(date_trunc('${args.bucket}', ${column} AT TIME ZONE $3), '${LABEL[args.bucket]}') END`;
    return this.dataSource.query(
      `WITH h AS (
         SELECT land_code, kind, source = 'harvested' AS harvested, withdrawn_at,
           -- Without created_at in the state, the first version's event is the registration;
           -- a record first seen later was registered before then, when is unknown.
           coalesce(registered_at, CASE WHEN first_version = 1 THEN first_seen_at END) AS registered_at,
           first_seen_at
         FROM record_history WHERE ${where})
       SELECT land_code AS "landCode", kind, harvested, 'registered' AS event,
         CASE WHEN registered_at IS NULL THEN NULL ELSE ${label('registered_at')} END AS label,
         count(*)::int AS n
       FROM h WHERE coalesce(registered_at, first_seen_at) < $2 GROUP BY 1, 2, 3, 4, 5
       UNION ALL
       SELECT land_code, kind, harvested, 'withdrawn', ${label('withdrawn_at')}, count(*)::int
       FROM h WHERE withdrawn_at < $2 GROUP BY 1, 2, 3, 4, 5`,
      params,
    );
  }
}
