import type { ReadScope } from '@dpi/auth';
import { parseSearch, searchConditionSql } from '@dpi/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { binder, hiddenIdsSql, visibleItemsSql } from '../auth/visibility';
import { ItemKind } from './dto/queries';

export interface ItemFilter {
  landCode?: string;
  kind?: ItemKind;
  type?: string;
  status?: string;
  theme?: string;
  maturity?: number;
  openData?: boolean;
  bbox?: [number, number, number, number];
  q?: string;
  after?: { title: string; id: string };
  limit: number;
  /** Who reads: which NON_PUBLIC records (rows of `unpublished_record`) are among the items. */
  scope: ReadScope;
}

export interface ItemRow {
  kind: string;
  id: string;
  land_code: string | null;
  land_name: string | null;
  title: string;
  description: string;
  type: string;
  status: string | null;
  themes: string[];
  maturity_level: number | null;
  open_data: boolean | null;
  url: string | null;
  geometry: string | null;
  bbox: string | null;
  links: object;
  detail: object;
  source: string;
  updated_at: Date;
  sort_title: string;
}

/**
 * A page of inventory_item rows in title order and the count of all rows `counted` selects, read
 * side by side. The page is chosen on the cheap columns first (the view leaves the others
 * uncomputed), then only its rows are built — sorting the full rows built links and details for
 * every match (500 of 50,000 platforms: 400 → 100 ms).
 */
export async function readItemPage<R>(
  dataSource: DataSource,
  counted: { where: readonly string[]; params: readonly unknown[] },
  page: {
    where: readonly string[];
    window: string;
    params: readonly unknown[];
    extraColumns?: string;
  },
): Promise<{ rows: R[]; total: number }> {
  const whereOf = (conditions: readonly string[]) =>
    conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  const [[{ total }], rows] = await Promise.all([
    dataSource.query(
      `SELECT count(*)::int AS total FROM inventory_item ${whereOf(counted.where)}`,
      [...counted.params],
    ) as Promise<{ total: number }[]>,
    dataSource.query(
      `WITH page AS MATERIALIZED (
        SELECT id FROM inventory_item ${whereOf(page.where)} ORDER BY lower(title), id ${page.window})
      SELECT kind, id, land_code, land_name, title, description, type, status, themes,
        maturity_level, open_data, url, ST_AsGeoJSON(geometry, 6) AS geometry,
        CASE WHEN geometry IS NULL THEN NULL ELSE
          json_build_array(ST_XMin(geometry), ST_YMin(geometry), ST_XMax(geometry), ST_YMax(geometry))::text END AS bbox,
        links, detail, source, updated_at${page.extraColumns ?? ''}
      FROM inventory_item WHERE id = ANY (ARRAY(SELECT id FROM page))
      ORDER BY lower(title), id`,
      [...page.params],
    ) as Promise<R[]>,
  ]);
  return { rows, total };
}

/**
 * `q` over inventory_item as catalogue users search (issue 20): German full text with the last
 * word as a prefix, or an exact identifier (our id, a dataset's fileIdentifier or resource
 * identifier); GIN and btree indexes of each read model back every part (migration
 * 1763900000070).
 */
export const itemSearchSql = (q: string, param: (value: unknown) => string): string =>
  searchConditionSql(
    parseSearch(q),
    { vector: 'search', id: 'id', identifiers: ['file_identifier', 'resource_identifier'] },
    param,
  );

/** `text` as a literal inside a LIKE pattern. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Reads of the read models and views for the API; writes happen elsewhere, the aggregates are
 * precomputed by AggregatesService.
 */
@Injectable()
export class OverviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  harvestSources(landCode?: string): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT * FROM harvest_source_status
       WHERE ($1::text IS NULL OR land_code = $1) ORDER BY source_name, source_id`,
      [landCode ?? null],
    );
  }

  /** Which of `ids` are NON_PUBLIC records the scope may not read (links name none of them). */
  async hiddenAmong(ids: readonly string[], scope: ReadScope): Promise<Set<string>> {
    const params: unknown[] = [ids];
    const hidden = hiddenIdsSql(scope, binder(params));
    if (ids.length === 0 || hidden === null) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id::text AS id FROM (${hidden}) h WHERE id = ANY ($1::uuid[])`,
      params,
    );
    return new Set(rows.map((r) => r.id));
  }

  async items(filter: ItemFilter): Promise<{ rows: ItemRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = binder(params);
    const visible = visibleItemsSql(filter.scope, param);
    if (visible) where.push(visible);
    if (filter.landCode) where.push(`land_code = ${param(filter.landCode)}`);
    if (filter.kind) where.push(`kind = ${param(filter.kind)}`);
    if (filter.type) where.push(`type = ${param(filter.type)}`);
    if (filter.status) where.push(`status = ${param(filter.status)}`);
    if (filter.theme) where.push(`${param(filter.theme)} = ANY (themes)`);
    if (filter.maturity) where.push(`maturity_level = ${param(filter.maturity)}`);
    if (filter.openData !== undefined) where.push(`open_data = ${param(filter.openData)}`);
    if (filter.bbox) {
      const [w, s, e, n] = filter.bbox.map(param);
      where.push(`geometry && ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)`);
      where.push(`ST_Intersects(geometry, ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326))`);
    }
    if (filter.q) where.push(itemSearchSql(filter.q, param));
    const counted = { where: [...where], params: [...params] };
    const page = [...where];
    if (filter.after)
      page.push(
        `(lower(title), id) > (${param(filter.after.title)}, ${param(filter.after.id)}::uuid)`,
      );
    return readItemPage<ItemRow>(this.dataSource, counted, {
      where: page,
      window: `LIMIT ${param(filter.limit)}`,
      params,
      extraColumns: ', lower(title) AS sort_title',
    });
  }
}
