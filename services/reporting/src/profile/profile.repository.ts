import type { ReadScope } from '@dpi/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { binder, countedRowsSql, hiddenIdsSql } from '../auth/visibility';

/** At most this many endpoints are listed in a profile (all are counted). */
export const PROFILE_ENDPOINT_LIMIT = 200;

type Row = Record<string, unknown>;

/** Reads one Land's records for its profile, as the viewer may see them. */
@Injectable()
export class ProfileRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `sql` with $1 = the Land and the viewer's condition on NON_PUBLIC rows as `{counted}`. */
  private query(sql: string, landCode: string, scope: ReadScope): Promise<Row[]> {
    const params: unknown[] = [landCode];
    const counted = countedRowsSql(scope, binder(params));
    return this.dataSource.query(sql.replaceAll('{counted}', counted), params);
  }

  platforms(landCode: string, scope: ReadScope): Promise<Row[]> {
    return this.query(
      `SELECT id, name, type, status, homepage, standards, source FROM platform_item
       WHERE NOT deleted AND land_code = $1 AND {counted} ORDER BY lower(name), id`,
      landCode,
      scope,
    );
  }

  twins(landCode: string): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT id, name, kind, maturity_level AS "maturityLevel", use_cases AS "useCases", homepage
       FROM twin_item WHERE NOT deleted AND land_code = $1 ORDER BY lower(name), id`,
      [landCode],
    );
  }

  async datasets(
    landCode: string,
    scope: ReadScope,
  ): Promise<{ totals: Row; themes: Row[]; licences: Row[] }> {
    const from = `FROM dataset_item WHERE NOT deleted AND land_code = $1 AND {counted}`;
    const [totals] = await this.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE open_data)::int AS open,
         count(*) FILTER (WHERE source = 'harvested')::int AS harvested,
         count(*) FILTER (WHERE cardinality(themes) = 0)::int AS "withoutTheme" ${from}`,
      landCode,
      scope,
    );
    const themes = await this.query(
      `SELECT t AS value, count(*)::int AS n FROM (SELECT unnest(themes) AS t ${from}) x
       GROUP BY t ORDER BY n DESC, t`,
      landCode,
      scope,
    );
    const licences = await this.query(
      `SELECT licence AS value, count(*)::int AS n ${from} GROUP BY licence
       ORDER BY n DESC, licence NULLS LAST`,
      landCode,
      scope,
    );
    return { totals, themes, licences };
  }

  async endpoints(landCode: string): Promise<{ byType: Row[]; items: Row[] }> {
    const byType = await this.dataSource.query(
      `SELECT service_type AS value, count(*)::int AS n FROM endpoint_item
       WHERE NOT deleted AND land_code = $1 GROUP BY service_type ORDER BY n DESC, service_type`,
      [landCode],
    );
    const items = await this.dataSource.query(
      `SELECT id, name, service_type AS "serviceType", url FROM endpoint_item
       WHERE NOT deleted AND land_code = $1 ORDER BY lower(name), id LIMIT ${PROFILE_ENDPOINT_LIMIT}`,
      [landCode],
    );
    return { byType, items };
  }

  harvestSources(landCode: string): Promise<Row[]> {
    return this.dataSource.query(
      `SELECT source_id, source_name, latest_state, last_finished_state, last_finished_at,
         last_message, last_success_at, schedule, next_due_at, stale
       FROM harvest_source_status WHERE land_code = $1 ORDER BY lower(source_name), source_id`,
      [landCode],
    );
  }

  /** Findings of the Land per rule; one about a platform the viewer may not read is left out. */
  findingsByRule(landCode: string, scope: ReadScope): Promise<Row[]> {
    const params: unknown[] = [landCode];
    const hidden = hiddenIdsSql(scope, binder(params), 'platform');
    return this.dataSource.query(
      `SELECT rule_id AS "ruleId", severity, count(*)::int AS n FROM finding
       WHERE land_code = $1${hidden ? ` AND subject NOT IN (SELECT id::text FROM (${hidden}) h)` : ''}
       GROUP BY rule_id, severity ORDER BY n DESC, rule_id`,
      params,
    );
  }
}
