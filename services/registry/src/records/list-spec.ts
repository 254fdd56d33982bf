import { parseSearch, searchConditionSql } from '@dpi/db';

/**
 * How a record kind's list endpoint filters, sorts, searches and counts facets. The SQL is built
 * here once for every kind (and for the benchmark's bare baseline, which runs the same SQL).
 */
export interface FilterSpec {
  column: string;
  /** equals: column = value; contains: value = ANY(array column); since: column >= value. */
  match: 'equals' | 'contains' | 'since';
}

export interface FacetSpec {
  column: string;
  /** The column is an array: every entry is counted. */
  array?: boolean;
}

export interface ListSpec {
  table: string;
  /** Query parameter → condition. */
  filters: Record<string, FilterSpec>;
  /** Facet name → column whose values are counted among the matches. */
  facets: Record<string, FacetSpec>;
  /** Sort key → column; `createdAt` and `updatedAt` are always there. */
  sorts: Record<string, string>;
  /**
   * The table has a `search` tsvector (German) for `q`; `q` also finds a record by its id and,
   * exactly (case-insensitive), by these identifier columns (btree-indexed on lower(column)).
   */
  fullText: boolean;
  identifiers?: readonly string[];
  /** The table has a `geometry` column for `bbox`. */
  spatial: boolean;
}

export interface ListParams {
  filters: Record<string, string | number | undefined>;
  q?: string;
  /** west, south, east, north (WGS84). */
  bbox?: readonly [number, number, number, number];
  sort: string;
  limit: number;
  after?: { value: string; id: string };
  /**
   * Which records the reader may see: an SQL condition over alias `r` (auth/visibility.ts), with
   * its named parameters. Counts and facets are taken over the visible records only.
   */
  visible?: { sql: string; params: Record<string, unknown> };
}

export interface ListSql {
  /** The page's conditions over alias `r` (filters and cursor), with named parameters. */
  where: string;
  params: Record<string, unknown>;
  orderBy: { column: string; direction: 'ASC' | 'DESC' };
  /**
   * The whole list request as ONE statement with named parameters: the matches are found once
   * (materialised: id, sort and facet columns), the page and the counts both read them. One row:
   * `items` (json array, the page's rows in order, columns as `select` names them) and `facets`
   * (json array of { facet, value, n }, with facet 'total' for the number of matches).
   */
  text: string;
}

export const DEFAULT_SORTS = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

/** `name`, `-name` … → column and direction; null when the kind has no such sort. */
export function sortColumn(
  spec: ListSpec,
  sort: string,
): { key: string; column: string; direction: 'ASC' | 'DESC' } | null {
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const column = ({ ...DEFAULT_SORTS, ...spec.sorts } as Record<string, string>)[key];
  return column ? { key, column, direction: descending ? 'DESC' : 'ASC' } : null;
}

export function sortKeys(spec: ListSpec): string[] {
  return Object.keys({ ...DEFAULT_SORTS, ...spec.sorts }).flatMap((k) => [k, `-${k}`]);
}

/**
 * The SQL of one list request. `select`: the page's columns over alias `r`, named as the caller
 * wants them in the json items.
 */
export function buildListSql(spec: ListSpec, params: ListParams, select: string): ListSql {
  const conditions = ['r.deleted_at IS NULL'];
  const values: Record<string, unknown> = {};
  if (params.visible) {
    conditions.push(params.visible.sql);
    Object.assign(values, params.visible.params);
  }
  for (const [name, filter] of Object.entries(spec.filters)) {
    const value = params.filters[name];
    if (value === undefined) continue;
    values[name] = value;
    const column = `r.${filter.column}`;
    conditions.push(
      filter.match === 'equals'
        ? `${column} = :${name}`
        : filter.match === 'contains'
          ? `:${name} = ANY(${column})`
          : `${column} >= :${name}`,
    );
  }
  if (params.q !== undefined && spec.fullText) {
    let n = 0;
    const param = (value: unknown) => {
      const name = `q${n++}`;
      values[name] = value;
      return `:${name}`;
    };
    conditions.push(
      searchConditionSql(
        parseSearch(params.q),
        {
          vector: 'r.search',
          id: 'r.id',
          identifiers: (spec.identifiers ?? []).map((c) => `r.${c}`),
        },
        param,
      ),
    );
  }
  if (params.bbox && spec.spatial) {
    conditions.push('r.geometry && ST_MakeEnvelope(:west, :south, :east, :north, 4326)');
    const [west, south, east, north] = params.bbox;
    Object.assign(values, { west, south, east, north });
  }

  const sort = sortColumn(spec, params.sort);
  if (!sort) throw new Error(`unknown sort ${params.sort}`);
  const { column, direction } = sort;
  const cursor: string[] = [];
  if (params.after) {
    cursor.push(`(r.${column}, r.id) ${direction === 'ASC' ? '>' : '<'} (:afterValue, :afterId)`);
    values.afterValue = params.after.value;
    values.afterId = params.after.id;
  }
  values.limit = params.limit;

  const facetColumns = Object.values(spec.facets).map((f) => f.column);
  const kept = [...new Set(['id', column, ...facetColumns])].map((c) => `r.${c}`);
  const facetSelects = Object.entries(spec.facets).map(([name, facet]) =>
    facet.array
      ? `SELECT '${name}', v::text, count(*) FROM m, unnest(m.${facet.column}) v GROUP BY v`
      : `SELECT '${name}', ${facet.column}::text, count(*) FROM m GROUP BY ${facet.column}`,
  );
  const order = `r.${column} ${direction}, r.id ${direction}`;
  const text = [
    `WITH m AS MATERIALIZED (SELECT ${kept.join(', ')} FROM ${spec.table} r WHERE ${conditions.join(' AND ')}),`,
    `p AS (SELECT r.id, r.${column} AS sort_value FROM m r`,
    cursor.length ? `WHERE ${cursor[0]}` : '',
    `ORDER BY ${order} LIMIT :limit)`,
    `SELECT (SELECT coalesce(json_agg(x ORDER BY x.sort_value ${direction}, x.id ${direction}), '[]'::json)`,
    `FROM (SELECT p.sort_value, ${select} FROM ${spec.table} r JOIN p ON p.id = r.id) x) AS items,`,
    `(SELECT json_agg(f) FROM (SELECT 'total' AS facet, NULL::text AS value, count(*) AS n FROM m`,
    ...facetSelects.map((s) => `UNION ALL ${s}`),
    `) f) AS facets`,
  ]
    .filter(Boolean)
    .join(' ');

  return {
    where: [...conditions, ...cursor].join(' AND '),
    params: values,
    orderBy: { column, direction },
    text,
  };
}

export type Facets = Record<string, Record<string, number>>;

/** A row of the counts: facet 'total' (value null) or a facet name, a value and its count. */
export interface FacetRow {
  facet: string;
  value: string | null;
  n: string | number;
}

/** Rows of the facet query → total and `{ facet: { value: count } }` (null values left out). */
export function readFacets(
  spec: ListSpec,
  rows: readonly FacetRow[],
): { total: number; facets: Facets } {
  const facets: Facets = Object.fromEntries(Object.keys(spec.facets).map((f) => [f, {}]));
  let total = 0;
  for (const row of rows) {
    if (row.facet === 'total') total = Number(row.n);
    else if (row.value !== null) (facets[row.facet] ??= {})[row.value] = Number(row.n);
  }
  return { total, facets };
}
