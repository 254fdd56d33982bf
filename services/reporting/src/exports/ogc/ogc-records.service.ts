import { Viewer } from '../../auth/viewer';
import { Injectable, NotFoundException } from '@nestjs/common';
import { validationProblem } from '@dpi/service-kit';
import { parseBbox } from '../../overview/dto/queries';
import { ExportsRepository, RecordRow } from '../exports.repository';
import { isoDateOrInstant } from '../iso-dates';
import { KIND_LABELS } from '../labels';
import { OgcItemsQuery } from './ogc-records.query';

export const OGC_BASE = '/api/v1/ogc';
export const COLLECTION_ID = 'inventar';
/** Germany, for the collection's spatial extent. */
const GERMANY_BBOX = [5.86, 47.27, 15.04, 55.06];

export const recordUrl = (base: string, id: string) =>
  `${base}${OGC_BASE}/collections/${COLLECTION_ID}/items/${id}`;

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/landing-page',
  'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/json',
  'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections',
  'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-core',
  'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-collection',
  'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-api',
  'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/json',
  'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
];

const JSON_TYPE = 'application/json';
const GEOJSON = 'application/geo+json';

export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

/** [from, to] of an RFC 3339 instant or interval; null when it is not one. */
export function parseDatetime(text: string): { from?: Date; to?: Date } | null {
  const parse = (part: string): Date | undefined | null => {
    if (part === '' || part === '..') return undefined;
    if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(part)) return null;
    const date = new Date(part);
    return Number.isNaN(date.getTime()) ? null : date;
  };
  const parts = text.split('/');
  if (parts.length > 2) return null;
  if (parts.length === 1) {
    const at = parse(parts[0]);
    if (!at) return null;
    // A day alone means the whole day.
    const to = /T/.test(parts[0]) ? at : new Date(at.getTime() + 86_400_000 - 1);
    return { from: at, to };
  }
  const from = parse(parts[0]);
  const to = parse(parts[1]);
  if (from === null || to === null || (from === undefined && to === undefined)) return null;
  if (from && to && from > to) return null;
  return { from, to };
}

/**
 * The `time` of a record (Records Part 1, time.yaml) from a temporal extent: one day or instant,
 * or an interval of dates and UTC instants with `..` for an open end; null when neither end is a
 * date (a year alone, free text, nothing).
 */
export function recordTime(
  start: unknown,
  end: unknown,
): { date: string } | { timestamp: string } | { interval: [string, string] } | null {
  const from = isoDateOrInstant(typeof start === 'string' ? start : null);
  const to = isoDateOrInstant(typeof end === 'string' ? end : null);
  if (!from && !to) return null;
  if (from && to && from.kind === to.kind && from.value === to.value)
    return from.kind === 'date' ? { date: from.value } : { timestamp: from.value };
  return { interval: [from?.value ?? '..', to?.value ?? '..'] };
}

/** OGC API – Records Part 1 (Core) over the inventory: one collection of GeoJSON records. */
@Injectable()
export class OgcRecordsService {
  constructor(private readonly repository: ExportsRepository) {}

  landing(base: string) {
    const root = `${base}${OGC_BASE}`;
    return {
      title: 'Datenplattform-Inventar – OGC API Records',
      description:
        'Plattformen, digitale Zwillinge, Datensätze und Schnittstellen der 16 Länder, ' +
        'erfasst von der AG Integrierte Datenplattformen.',
      links: [
        { href: root, rel: 'self', type: JSON_TYPE, title: 'Landing page' },
        {
          href: `${base}/api/docs-json`,
          rel: 'service-desc',
          type: 'application/vnd.oai.openapi+json;version=3.0',
          title: 'OpenAPI definition',
        },
        { href: `${base}/api/docs`, rel: 'service-doc', type: 'text/html', title: 'API docs' },
        { href: `${root}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance' },
        { href: `${root}/collections`, rel: 'data', type: JSON_TYPE, title: 'Collections' },
      ] satisfies Link[],
    };
  }

  conformance() {
    return { conformsTo: CONFORMANCE };
  }

  collection(base: string, id: string) {
    if (id !== COLLECTION_ID)
      throw new NotFoundException(`no collection ${id}; the only one is ${COLLECTION_ID}`);
    const self = `${base}${OGC_BASE}/collections/${COLLECTION_ID}`;
    return {
      id: COLLECTION_ID,
      title: 'Inventar der Datenplattformen und digitalen Zwillinge',
      description:
        'Alle Einträge des Inventars als Records: Plattformen, digitale Zwillinge, Datensätze ' +
        'und Schnittstellen (Dienste), mit Land, Themen und Geometrie.',
      itemType: 'record',
      type: 'Collection',
      keywords: ['Datenplattform', 'Digitaler Zwilling', 'Geodaten', 'Länder'],
      language: { code: 'de', name: 'Deutsch' },
      crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
      extent: {
        spatial: { bbox: [GERMANY_BBOX], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' },
      },
      links: [
        { href: self, rel: 'self', type: JSON_TYPE },
        { href: `${base}${OGC_BASE}`, rel: 'root', type: JSON_TYPE },
        { href: `${self}/items`, rel: 'items', type: GEOJSON, title: 'Records' },
      ] satisfies Link[],
    };
  }

  collections(base: string) {
    return {
      collections: [this.collection(base, COLLECTION_ID)],
      links: [
        { href: `${base}${OGC_BASE}/collections`, rel: 'self', type: JSON_TYPE },
        { href: `${base}${OGC_BASE}`, rel: 'root', type: JSON_TYPE },
      ] satisfies Link[],
    };
  }

  async items(base: string, id: string, query: OgcItemsQuery, viewer: Viewer) {
    this.collection(base, id);
    const bbox = query.bbox ? parseBbox(query.bbox) : undefined;
    if (bbox === null)
      throw validationProblem([
        {
          field: 'bbox',
          message: 'bbox must lie within WGS84 with minLon ≤ maxLon and minLat ≤ maxLat',
        },
      ]);
    const interval = query.datetime ? parseDatetime(query.datetime) : {};
    if (interval === null)
      throw validationProblem([
        {
          field: 'datetime',
          message: 'datetime must be an RFC 3339 instant or interval (start/end, .. for open)',
        },
      ]);
    const limit = query.limit ?? 10;
    const offset = query.offset ?? 0;
    const terms = query.q
      ?.split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    const { rows, total } = await this.repository.records({
      kinds: query.type?.split(','),
      bbox,
      terms,
      ...interval,
      offset,
      limit,
      scope: viewer.scope,
    });
    const self = `${base}${OGC_BASE}/collections/${COLLECTION_ID}/items`;
    const pageUrl = (at: number) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        if (value !== undefined && key !== 'offset' && key !== 'limit')
          params.set(key, String(value));
      params.set('limit', String(limit));
      params.set('offset', String(at));
      return `${self}?${params}`;
    };
    const links: Link[] = [
      { href: pageUrl(offset), rel: 'self', type: GEOJSON },
      {
        href: `${base}${OGC_BASE}/collections/${COLLECTION_ID}`,
        rel: 'collection',
        type: JSON_TYPE,
      },
    ];
    if (offset + rows.length < total)
      links.push({ href: pageUrl(offset + limit), rel: 'next', type: GEOJSON });
    if (offset > 0)
      links.push({ href: pageUrl(Math.max(0, offset - limit)), rel: 'prev', type: GEOJSON });
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => this.record(base, r)),
      numberMatched: total,
      numberReturned: rows.length,
      timeStamp: new Date().toISOString(),
      links,
    };
  }

  async item(base: string, collectionId: string, recordId: string, viewer: Viewer) {
    this.collection(base, collectionId);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(recordId);
    const { rows } = uuid
      ? await this.repository.records({
          id: recordId,
          offset: 0,
          limit: 1,
          scope: viewer.scope,
        })
      : { rows: [] };
    if (rows.length === 0) throw new NotFoundException(`no record ${recordId}`);
    return this.record(base, rows[0]);
  }

  /** A record (Records Part 1, record-core) as a GeoJSON feature. */
  record(base: string, r: RecordRow) {
    const self = recordUrl(base, r.id);
    const detail = r.detail ?? {};
    const keywords = Array.isArray(detail.keywords) ? (detail.keywords as string[]) : [];
    const links: Link[] = [
      { href: self, rel: 'self', type: GEOJSON },
      {
        href: `${base}${OGC_BASE}/collections/${COLLECTION_ID}`,
        rel: 'collection',
        type: JSON_TYPE,
      },
    ];
    if (r.url) links.push({ href: r.url, rel: 'alternate', title: 'Homepage bzw. Dienst-URL' });
    const scheme =
      r.kind === 'twin'
        ? 'urn:dpi:vocabulary:twin-use-case'
        : 'http://publications.europa.eu/resource/authority/data-theme';
    return {
      id: r.id,
      type: 'Feature',
      conformsTo: ['http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core'],
      geometry: r.geometry ? JSON.parse(r.geometry) : null,
      ...(r.bbox ? { bbox: JSON.parse(r.bbox) as number[] } : {}),
      time: recordTime(detail.temporalStart, detail.temporalEnd),
      properties: {
        type: r.kind,
        title: r.title,
        description: r.description || undefined,
        keywords,
        themes: r.themes.length ? [{ concepts: r.themes.map((t) => ({ id: t })), scheme }] : [],
        language: { code: 'de' },
        updated: new Date(r.updated_at).toISOString(),
        ...(typeof detail.licence === 'string' ? { license: detail.licence } : {}),
        ...(typeof detail.publisher === 'string'
          ? { contacts: [{ organization: detail.publisher, roles: ['publisher'] }] }
          : {}),
        kindLabel: KIND_LABELS[r.kind] ?? r.kind,
        landCode: r.land_code,
        landName: r.land_name,
        subtype: r.type,
        status: r.status,
        maturityLevel: r.maturity_level,
        openData: r.open_data,
        source: r.source,
      },
      links,
    };
  }
}
