import type { ReadScope } from '@dpi/auth';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { binder, hiddenIdsSql, visibleItemsSql, type Bind } from '../../auth/visibility';
import { escapeLike } from '../../overview/overview.repository';
import type { DistributionFields } from '../../projection/dataset-event';
import type { SortKey } from './csw-request';
import type { Filter, Queryable } from './filter';

/** One inventory record with what the Dublin Core and ISO 19139 encodings need. */
export interface CswRecordRow {
  kind: 'platform' | 'twin' | 'dataset' | 'endpoint';
  id: string;
  land_code: string | null;
  land_name: string | null;
  title: string;
  description: string;
  /** Platform type, twin kind, dataset hierarchy level, endpoint service type. */
  type: string | null;
  themes: string[];
  url: string | null;
  source: string;
  updated_at: Date;
  links: Record<string, unknown>;
  detail: Record<string, unknown>;
  /** [west, south, east, north] or null. */
  bbox: number[] | null;
  publisher: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_url: string | null;
  keywords: string[] | null;
  licence: string | null;
  issued: string | null;
  modified: string | null;
  temporal_start: string | null;
  temporal_end: string | null;
  distributions: DistributionFields[] | null;
  harvest_source_name: string | null;
  harvest_source_id: string | null;
  /** The source catalogue's fileIdentifier of a harvested dataset; the resource identifier. */
  file_identifier: string | null;
  resource_identifier: string | null;
  /** A harvested dataset's ISO document as harvested (Canonical XML), its size, its harvest time. */
  iso_document: string | null;
  iso_document_bytes: number | null;
  harvested_at: Date | null;
  service_version: string | null;
  capabilities_url: string | null;
  /** Datasets an endpoint serves that the reader may see (at most 100). */
  operates_on: string[] | null;
}

export interface CswQuery {
  filter: Filter | null;
  sortBy: SortKey[];
  /** 0-based. */
  offset: number;
  limit: number;
  scope: ReadScope;
}

/** dc:type / gmd:hierarchyLevel of a row of inventory_item. */
export const TYPE_SQL = `CASE kind WHEN 'dataset' THEN coalesce(type, 'dataset') WHEN 'twin' THEN 'application' ELSE 'service' END`;
const ANY_TEXT_SQL = `concat_ws(' ', title, description, array_to_string(themes, ' '), detail->>'keywords', land_name, type, id::text, file_identifier, resource_identifier)`;
/** Our id, and a harvested dataset's fileIdentifier and resource identifier in its source. */
const IDENTIFIERS_SQL = `concat_ws(' ', id::text, file_identifier, resource_identifier)`;
const SUBJECTS_SQL = `(themes || ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(detail->'keywords') = 'array' THEN detail->'keywords' ELSE '[]'::jsonb END)))`;

const TEXT_SQL: Record<Exclude<Queryable, 'BoundingBox' | 'Modified' | 'Subject'>, string> = {
  AnyText: ANY_TEXT_SQL,
  Title: 'title',
  Abstract: `coalesce(description, '')`,
  Identifier: IDENTIFIERS_SQL,
  Type: TYPE_SQL,
};

const SORT_SQL: Record<SortKey['property'], string> = {
  Title: 'lower(title)',
  Abstract: `lower(coalesce(description, ''))`,
  Modified: 'updated_at',
  Identifier: 'id',
  Type: TYPE_SQL,
};

/** A filter tree as an SQL condition on inventory_item (never NULL, so NOT means "not"). */
export function filterSql(filter: Filter, bind: Bind): string {
  switch (filter.op) {
    case 'and':
    case 'or':
      return `(${filter.args.map((f) => filterSql(f, bind)).join(filter.op === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      return `(NOT ${filterSql(filter.arg, bind)})`;
    case 'bbox': {
      const [w, s, e, n] = filter.box.map(bind);
      return `coalesce(ST_Intersects(geometry, ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326)), false)`;
    }
    case 'like': {
      if (filter.property === 'Subject')
        return `EXISTS (SELECT 1 FROM unnest${SUBJECTS_SQL} s WHERE s ILIKE ${bind(filter.pattern)})`;
      const column = TEXT_SQL[filter.property as keyof typeof TEXT_SQL];
      return `coalesce(${column} ILIKE ${bind(filter.pattern)}, false)`;
    }
    case 'compare': {
      const { property, cmp, value } = filter;
      if (property === 'Modified')
        return /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? `((updated_at AT TIME ZONE 'UTC')::date ${cmp} ${bind(value)}::date)`
          : `(updated_at ${cmp} ${bind(value)}::timestamptz)`;
      if (property === 'Subject') {
        const test = `EXISTS (SELECT 1 FROM unnest${SUBJECTS_SQL} s WHERE lower(s) = lower(${bind(value)}))`;
        if (cmp === '=') return test;
        if (cmp === '<>') return `(NOT ${test})`;
        throw new Error('Subject compares with = and <> only');
      }
      // Identifier "equal to" any of the record's identifiers, case-insensitive as /items' q.
      if (property === 'Identifier' && (cmp === '=' || cmp === '<>')) {
        const v = bind(value);
        const test = `(id::text = lower(${v}) OR lower(file_identifier) = lower(${v}) OR lower(resource_identifier) = lower(${v}))`;
        return cmp === '=' ? `coalesce(${test}, false)` : `(NOT coalesce(${test}, false))`;
      }
      // AnyText "equal to" a word means the word occurs in the record (as pycsw reads it).
      if (property === 'AnyText' && (cmp === '=' || cmp === '<>'))
        return `(${cmp === '<>' ? 'NOT ' : ''}${ANY_TEXT_SQL} ILIKE ${bind(`%${escapeLike(value)}%`)})`;
      const column = TEXT_SQL[property as keyof typeof TEXT_SQL];
      return filter.matchCase
        ? `coalesce(${column} ${cmp} ${bind(value)}, false)`
        : `coalesce(lower(${column}) ${cmp} lower(${bind(value)}), false)`;
    }
  }
}

/** The CSW server's reads of the inventory: pages of records under one reader's visibility. */
@Injectable()
export class CswRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private where(query: Pick<CswQuery, 'filter' | 'scope'>, bind: Bind, ids?: string[]): string {
    const conditions: string[] = [];
    const visible = visibleItemsSql(query.scope, bind);
    if (visible) conditions.push(visible);
    if (ids) conditions.push(`id = ANY (${bind(ids)}::uuid[])`);
    if (query.filter) conditions.push(filterSql(query.filter, bind));
    return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  }

  async count(query: Pick<CswQuery, 'filter' | 'scope'>): Promise<number> {
    const params: unknown[] = [];
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM inventory_item ${this.where(query, binder(params))}`,
      params,
    );
    return total;
  }

  /**
   * One page of records in the requested order (identifier last, so pages never overlap).
   * `withDocuments`: read harvested datasets' ISO documents (for ISO output only: 40–100 KB each).
   */
  async page(query: CswQuery, withDocuments = false): Promise<CswRecordRow[]> {
    if (query.limit === 0) return [];
    const params: unknown[] = [];
    const bind = binder(params);
    const order = [
      ...query.sortBy.map((s) => `${SORT_SQL[s.property]} ${s.descending ? 'DESC' : 'ASC'}`),
      'id',
      'kind',
    ].join(', ');
    const keys: { kind: string; id: string }[] = await this.dataSource.query(
      `SELECT kind, id::text AS id FROM inventory_item ${this.where(query, bind)}
       ORDER BY ${order} OFFSET ${bind(query.offset)} LIMIT ${bind(query.limit)}`,
      params,
    );
    return this.details(keys, query.scope, withDocuments);
  }

  /**
   * The records of `ids` the reader may see, by our identifier or, for a harvested dataset, by the
   * fileIdentifier its ISO document carries (what a client read in GetRecords with outputSchema gmd).
   */
  async byIds(ids: string[], scope: ReadScope, withDocuments = false): Promise<CswRecordRow[]> {
    if (ids.length === 0) return [];
    const uuids = ids.filter((id) =>
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
    );
    const params: unknown[] = [];
    const bind = binder(params);
    // Case-insensitive as the Identifier filter, on the index of lower(file_identifier).
    const byFileIdentifier = `OR (kind = 'dataset' AND lower(file_identifier) = ANY (${bind(ids.map((id) => id.toLowerCase()))}::text[]))`;
    const visible = visibleItemsSql(scope, bind);
    const keys: { kind: string; id: string }[] = await this.dataSource.query(
      `SELECT kind, id::text AS id FROM inventory_item
        WHERE (id = ANY (${bind(uuids)}::uuid[]) ${byFileIdentifier})
          ${visible ? `AND ${visible}` : ''}
       ORDER BY id, kind`,
      params,
    );
    return this.details(keys, scope, withDocuments);
  }

  private async details(
    keys: { kind: string; id: string }[],
    scope: ReadScope,
    withDocuments: boolean,
  ): Promise<CswRecordRow[]> {
    if (keys.length === 0) return [];
    const params: unknown[] = [keys.map((k) => k.id)];
    const hidden = hiddenIdsSql(scope, binder(params), 'dataset');
    const rows: CswRecordRow[] = await this.dataSource.query(
      `SELECT i.kind, i.id::text AS id, i.land_code, i.land_name, i.title,
         coalesce(i.description, '') AS description, i.type, i.themes, i.url, i.source, i.updated_at,
         i.links, i.detail,
         CASE WHEN i.geometry IS NULL THEN NULL ELSE json_build_array(ST_XMin(i.geometry),
           ST_YMin(i.geometry), ST_XMax(i.geometry), ST_YMax(i.geometry)) END AS bbox,
         d.publisher, d.contact_name, d.contact_email, d.contact_url, d.keywords, d.licence,
         d.issued, d.modified, d.temporal_start, d.temporal_end, d.distributions,
         d.harvest_source_name, d.harvest_source_id, d.file_identifier, d.resource_identifier,
         ${withDocuments ? 'd.iso_document' : 'NULL::text AS iso_document'}, d.iso_document_bytes,
         d.harvested_at,
         e.service_version, e.capabilities_url,
         CASE WHEN i.kind = 'endpoint' THEN ARRAY(SELECT s.id::text FROM dataset_item s
           WHERE NOT s.deleted AND e.id = ANY (s.endpoint_ids)
             ${hidden ? `AND s.id NOT IN (${hidden})` : ''}
           ORDER BY s.id LIMIT 100) END AS operates_on
       FROM inventory_item i
       LEFT JOIN dataset_item d ON i.kind = 'dataset' AND d.id = i.id
       LEFT JOIN endpoint_item e ON i.kind = 'endpoint' AND e.id = i.id
       WHERE i.id = ANY ($1::uuid[])`,
      params,
    );
    const byKey = new Map(rows.map((r) => [`${r.kind} ${r.id}`, r]));
    return keys.flatMap((k) => byKey.get(`${k.kind} ${k.id}`) ?? []);
  }
}
