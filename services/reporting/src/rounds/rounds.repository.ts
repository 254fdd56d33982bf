import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { countedRowsSql, hiddenIdsSql } from '../auth/visibility';
import type { ReadScope } from '@dpi/auth';

export interface RoundRow {
  id: string;
  title: string;
  referenceDate: string;
  deadline: string | null;
  kinds: string[];
  landCodes: string[];
  state: 'open' | 'closed';
  openedAt: string | null;
  closedAt: string | null;
  laender: {
    landCode: string;
    completedAt: string | null;
    completedBy: string | null;
    completedLate: boolean;
  }[];
}

export interface LandProgressRow {
  landCode: string;
  inScope: number;
  open: number;
  confirmed: number;
  updated: number;
  withdrawn: number;
  late: number;
  created: number;
}

export interface OpenItemRow {
  landCode: string;
  kind: string;
  id: string;
  title: string | null;
  status: string;
  lastConfirmedAt: Date | null;
}

/** record_history's kind of each registry kind (organisations have no history: not counted new). */
const HISTORY_KIND: Readonly<Record<string, string>> = {
  platform: 'platform',
  'digital-twin': 'twin',
  dataset: 'dataset',
  endpoint: 'endpoint',
};

const ROUND_COLUMNS = `id::text, title, reference_date AS "referenceDate",
  to_char(deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS deadline, kinds,
  land_codes AS "landCodes", state,
  to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "openedAt",
  to_char(closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "closedAt", laender`;

/** Reads of the survey rounds' read models; every count and list is taken over what `scope` sees. */
@Injectable()
export class RoundsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(limit: number): Promise<RoundRow[]> {
    return this.dataSource.query(
      `SELECT ${ROUND_COLUMNS} FROM survey_round_item WHERE NOT deleted
        ORDER BY opened_at DESC NULLS LAST, id DESC LIMIT $1`,
      [limit],
    );
  }

  /** Closed rounds, the most recently closed first (the report's frozen results). */
  closed(limit: number): Promise<RoundRow[]> {
    return this.dataSource.query(
      `SELECT ${ROUND_COLUMNS} FROM survey_round_item WHERE NOT deleted AND state = 'closed'
        ORDER BY closed_at DESC NULLS LAST, id DESC LIMIT $1`,
      [limit],
    );
  }

  /** The rounds `landCode` was part of, newest first. */
  ofLand(landCode: string, limit: number): Promise<RoundRow[]> {
    return this.dataSource.query(
      `SELECT ${ROUND_COLUMNS} FROM survey_round_item
        WHERE NOT deleted AND land_codes @> ARRAY[$1]::text[]
        ORDER BY opened_at DESC NULLS LAST, id DESC LIMIT $2`,
      [landCode, limit],
    );
  }

  async find(id: string): Promise<RoundRow | null> {
    const [row]: RoundRow[] = await this.dataSource.query(
      `SELECT ${ROUND_COLUMNS} FROM survey_round_item WHERE id = $1 AND NOT deleted`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Per Land of the round: its records by state, the late ones, and the records created in the
   * Land (kinds in scope, not harvested) while the round was open (to its close, or now).
   */
  async progress(round: RoundRow, scope: ReadScope): Promise<LandProgressRow[]> {
    const params: unknown[] = [round.id];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const hidden = hiddenIdsSql(scope, bind);
    const counts: Omit<LandProgressRow, 'created'>[] = await this.dataSource.query(
      `SELECT land_code AS "landCode", count(*)::int AS "inScope",
          count(*) FILTER (WHERE status = 'open')::int AS open,
          count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
          count(*) FILTER (WHERE status = 'updated')::int AS updated,
          count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn,
          count(*) FILTER (WHERE late)::int AS late
        FROM round_record_item
        WHERE round_id = $1 AND NOT deleted${hidden ? ` AND record_id NOT IN (${hidden})` : ''}
        GROUP BY land_code`,
      params,
    );
    const created = await this.createdDuring(round, scope);
    return round.landCodes.map((landCode) => {
      const c = counts.find((row) => row.landCode === landCode);
      return {
        landCode,
        inScope: c?.inScope ?? 0,
        open: c?.open ?? 0,
        confirmed: c?.confirmed ?? 0,
        updated: c?.updated ?? 0,
        withdrawn: c?.withdrawn ?? 0,
        late: c?.late ?? 0,
        created: created.get(landCode) ?? 0,
      };
    });
  }

  private async createdDuring(round: RoundRow, scope: ReadScope): Promise<Map<string, number>> {
    const kinds = round.kinds.map((k) => HISTORY_KIND[k]).filter(Boolean);
    if (kinds.length === 0 || !round.openedAt) return new Map();
    const params: unknown[] = [kinds, round.landCodes, round.openedAt, round.closedAt];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const rows: { landCode: string; n: number }[] = await this.dataSource.query(
      `SELECT land_code AS "landCode", count(*)::int AS n FROM record_history
        WHERE kind = ANY ($1) AND land_code = ANY ($2) AND source IS DISTINCT FROM 'harvested'
          AND registered_at >= $3 AND ($4::timestamptz IS NULL OR registered_at <= $4)
          AND ${countedRowsSql(scope, bind)}
        GROUP BY land_code`,
      params,
    );
    return new Map(rows.map((r) => [r.landCode, r.n]));
  }

  /**
   * A page of the round's open records `scope` sees (of one Land, when given), by Land and id,
   * with their titles and when each was last confirmed in an earlier round.
   */
  openItems(
    roundId: string,
    landCode: string | undefined,
    scope: ReadScope,
    after: { landCode: string; id: string } | null,
    limit: number,
  ): Promise<OpenItemRow[]> {
    const params: unknown[] = [
      roundId,
      landCode ?? null,
      after?.landCode ?? null,
      after?.id ?? null,
      limit,
    ];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const hidden = hiddenIdsSql(scope, bind);
    return this.dataSource.query(
      `SELECT i.land_code AS "landCode", i.kind, i.record_id::text AS id, i.status,
          coalesce(o.name, p.name, t.name, e.name, d.title) AS title,
          (SELECT max(c.acted_at) FROM round_record_item c WHERE c.record_id = i.record_id
            AND NOT c.deleted AND c.status IN ('confirmed', 'updated')) AS "lastConfirmedAt"
        FROM round_record_item i
        LEFT JOIN organisation_item o ON i.kind = 'organisation' AND o.id = i.record_id
        LEFT JOIN platform_item p ON i.kind = 'platform' AND p.id = i.record_id
        LEFT JOIN twin_item t ON i.kind = 'digital-twin' AND t.id = i.record_id
        LEFT JOIN endpoint_item e ON i.kind = 'endpoint' AND e.id = i.record_id
        LEFT JOIN dataset_item d ON i.kind = 'dataset' AND d.id = i.record_id
        WHERE i.round_id = $1 AND NOT i.deleted AND i.status = 'open'
          AND ($2::text IS NULL OR i.land_code = $2)
          AND ($3::text IS NULL OR (i.land_code, i.record_id) > ($3::text, $4::uuid))
          ${hidden ? `AND i.record_id NOT IN (${hidden})` : ''}
        ORDER BY i.land_code, i.record_id LIMIT $5`,
      params,
    );
  }
}
