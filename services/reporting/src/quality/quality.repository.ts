import type { ReadScope } from '@dpi/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { binder, countedRowsSql } from '../auth/visibility';
import {
  INDICATOR_SHARES_SQL,
  LAND_AGGREGATES_SQL,
  SCORED_DATASETS_SQL,
} from './quality-dimensions';

/** Reads the quality breakdown of live datasets, per viewer (NON_PUBLIC ones only for readers). */
@Injectable()
export class QualityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per Land (one or all): datasets, the sums of the indicator shares, the tips' counts. */
  async perLand(scope: ReadScope, landCode?: string): Promise<Record<string, unknown>[]> {
    const params: unknown[] = [];
    const bind = binder(params);
    const where = [
      'NOT d.deleted',
      'd.land_code IS NOT NULL',
      countedRowsSql(scope, bind),
      ...(landCode ? [`d.land_code = ${bind(landCode)}`] : []),
    ];
    return this.dataSource.query(
      `SELECT d.land_code AS "landCode", count(*)::int AS datasets,
         ${LAND_AGGREGATES_SQL}
       FROM ${SCORED_DATASETS_SQL}
       WHERE ${where.join(' AND ')}
       GROUP BY d.land_code`,
      params,
    );
  }

  /** One live dataset the scope may read, with its indicator shares; undefined otherwise. */
  async dataset(id: string, scope: ReadScope): Promise<Record<string, unknown> | undefined> {
    const params: unknown[] = [id];
    const bind = binder(params);
    const [row] = await this.dataSource.query(
      `SELECT d.id, d.title, d.land_code AS "landCode", ${INDICATOR_SHARES_SQL}
       FROM ${SCORED_DATASETS_SQL}
       WHERE d.id = $1 AND NOT d.deleted AND ${countedRowsSql(scope, bind)}`,
      params,
    );
    return row;
  }
}
