import type { ReadScope } from '@dpi/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { binder, visibleItemsSql } from '../../auth/visibility';
import { ItemRow, itemSearchSql, readItemPage } from '../../overview/overview.repository';
import { Interval, isoInstantSql } from './ogc-time';

export interface RecordFilter {
  /** Only these records (uuid; other text matches nothing). */
  ids?: string[];
  /** A dataset's fileIdentifier or resource identifier equal to any (case-insensitive). */
  externalIds?: string[];
  kinds?: string[];
  bbox?: [number, number, number, number];
  /** Any of the terms, each searched as /items searches `q` (full text, prefix, identifiers). */
  terms?: string[];
  /** Temporal extent (`time`) intersecting [from, to]; a record without one never matches. */
  time?: Interval;
  /** Last change (`properties.updated`) within [from, to]. */
  updated?: Interval;
  offset: number;
  limit: number;
  /** Who reads: which NON_PUBLIC records are among the records. */
  scope: ReadScope;
}

/** A row of the inventory_item view as the OGC records read it (the overview's item row). */
export type RecordRow = Omit<ItemRow, 'sort_title' | 'links' | 'detail'> & {
  links: Record<string, unknown>;
  detail: Record<string, unknown>;
  /** A harvested dataset's ISO fileIdentifier and resource identifier (else null). */
  file_identifier: string | null;
  resource_identifier: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The OGC API – Records reads: inventory_item rows, as the caller's scope may read them. */
@Injectable()
export class OgcRecordsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async records(filter: RecordFilter): Promise<{ rows: RecordRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = binder(params);
    const visible = visibleItemsSql(filter.scope, param);
    if (visible) where.push(visible);
    if (filter.ids) {
      const ids = filter.ids.filter((id) => UUID.test(id));
      where.push(ids.length ? `id = ANY (${param(ids)}::uuid[])` : 'FALSE');
    }
    if (filter.externalIds) {
      const values = param(filter.externalIds.map((v) => v.toLowerCase()));
      where.push(
        `(lower(file_identifier) = ANY (${values}::text[]) OR lower(resource_identifier) = ANY (${values}::text[]))`,
      );
    }
    if (filter.kinds?.length) where.push(`kind = ANY (${param(filter.kinds)}::text[])`);
    if (filter.bbox) {
      const [w, s, e, n] = filter.bbox.map(param);
      where.push(`ST_Intersects(geometry, ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326))`);
    }
    if (filter.terms?.length)
      where.push(`(${filter.terms.map((term) => itemSearchSql(term, param)).join(' OR ')})`);
    if (filter.time) {
      // The extent as the record's `time` shows it (recordTime): an end that is no date is open,
      // and a record with neither end a date has no time.
      const start = isoInstantSql(`detail->>'temporalStart'`, false);
      const end = isoInstantSql(`detail->>'temporalEnd'`, true);
      const conditions = ['(s IS NOT NULL OR e IS NOT NULL)'];
      if (filter.time.to) conditions.push(`(s IS NULL OR s <= ${param(filter.time.to)})`);
      if (filter.time.from) conditions.push(`(e IS NULL OR e >= ${param(filter.time.from)})`);
      where.push(
        `EXISTS (SELECT 1 FROM (SELECT ${start} AS s, ${end} AS e) extent
          WHERE ${conditions.join(' AND ')})`,
      );
    }
    if (filter.updated?.from) where.push(`updated_at >= ${param(filter.updated.from)}`);
    if (filter.updated?.to) where.push(`updated_at <= ${param(filter.updated.to)}`);
    const counted = { where: [...where], params: [...params] };
    return readItemPage<RecordRow>(this.dataSource, counted, {
      where,
      window: `OFFSET ${param(filter.offset)} LIMIT ${param(filter.limit)}`,
      params,
      extraColumns: ', file_identifier, resource_identifier',
    });
  }
}
