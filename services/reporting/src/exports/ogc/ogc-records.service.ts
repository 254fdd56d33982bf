import { Viewer } from '../../auth/viewer';
import { Injectable, NotFoundException } from '@nestjs/common';
import { validationProblem } from '@dpi/service-kit';
import { ITEM_KINDS, parseBbox } from '../../overview/dto/queries';
import { KIND_LABELS } from '../labels';
import { OgcItemsQuery } from './ogc-records.query';
import { OgcRecordsRepository, RecordRow } from './ogc-records.repository';
import { Interval, parseDatetime, recordTime } from './ogc-time';

export const OGC_BASE = '/api/v1/ogc';
export const COLLECTION_ID = 'inventar';
/** Germany, for the collection's spatial extent. */
const GERMANY_BBOX = [5.86, 47.27, 15.04, 55.06];

export const recordUrl = (base: string, id: string) =>
  `${base}${OGC_BASE}/collections/${COLLECTION_ID}/items/${id}`;

const RECORDS = 'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf';
const GMD = 'http://www.isotc211.org/2005/gmd';

/**
 * What the API declares (Records Part 1, 20-004r1, clause 2; a searchable catalog declares
 * Features core and `searchable-catalog`, which takes Records API, Record Core, Record
 * Collection and the record query parameters). Sorting and CQL2 filtering are not offered.
 */
export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/landing-page',
  'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/json',
  'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  `${RECORDS}/searchable-catalog`,
  `${RECORDS}/records-api`,
  `${RECORDS}/record-core`,
  `${RECORDS}/record-collection`,
  `${RECORDS}/record-core-query-parameters`,
  `${RECORDS}/json`,
  `${RECORDS}/html`,
  `${RECORDS}/oas30`,
];

export const JSON_TYPE = 'application/json';
export const GEOJSON = 'application/geo+json';
export const HTML_TYPE = 'text/html';
const SCHEMA_JSON = 'application/schema+json';
const QUERYABLES_REL = 'http://www.opengis.net/def/rel/ogc/1.0/queryables';

export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

/** A URL with `f` set (the same resource in another encoding). */
function withFormat(url: string, f: 'json' | 'html'): string {
  const [path, query] = url.split('?');
  const params = new URLSearchParams(query);
  params.set('f', f);
  return `${path}?${params}`;
}

/** The pair of links to a resource in JSON (`self`) and HTML (`alternate`). */
function selfLinks(url: string, type = JSON_TYPE): Link[] {
  return [
    { href: url, rel: 'self', type, title: 'Dieses Dokument (JSON)' },
    { href: withFormat(url, 'html'), rel: 'alternate', type: HTML_TYPE, title: 'Als HTML' },
  ];
}

function invalid(field: string, message: string): never {
  throw validationProblem([{ field, message }]);
}

const DATETIME_MESSAGE =
  'must be an instant or interval (start/end, .. for an open end) of RFC 3339 instants or ' +
  'dates (2025, 2025-03, 2025-03-31)';

function interval(field: string, text: string | undefined): Interval | undefined {
  if (text === undefined) return undefined;
  return parseDatetime(text) ?? invalid(field, `${field} ${DATETIME_MESSAGE}`);
}

/** OGC API – Records Part 1 over the inventory: one searchable collection of GeoJSON records. */
@Injectable()
export class OgcRecordsService {
  constructor(private readonly repository: OgcRecordsRepository) {}

  landing(base: string) {
    const root = `${base}${OGC_BASE}`;
    return {
      title: 'Datenplattform-Inventar – OGC API Records',
      description:
        'Plattformen, digitale Zwillinge, Datensätze und Schnittstellen der 16 Länder, ' +
        'erfasst von der AG Integrierte Datenplattformen.',
      links: [
        ...selfLinks(root),
        {
          href: `${base}/api/docs-json`,
          rel: 'service-desc',
          type: 'application/vnd.oai.openapi+json;version=3.0',
          title: 'OpenAPI-Definition',
        },
        { href: `${base}/api/docs`, rel: 'service-doc', type: HTML_TYPE, title: 'API-Doku' },
        {
          href: `${root}/conformance`,
          rel: 'conformance',
          type: JSON_TYPE,
          title: 'Konformitätsklassen',
        },
        { href: `${root}/collections`, rel: 'data', type: JSON_TYPE, title: 'Sammlungen' },
      ] satisfies Link[],
    };
  }

  conformance(base: string) {
    return {
      conformsTo: CONFORMANCE,
      links: selfLinks(`${base}${OGC_BASE}/conformance`),
    };
  }

  collection(base: string, id: string) {
    if (id !== COLLECTION_ID)
      throw new NotFoundException(`no collection ${id}; the only one is ${COLLECTION_ID}`);
    const self = `${base}${OGC_BASE}/collections/${COLLECTION_ID}`;
    return {
      id: COLLECTION_ID,
      type: 'Collection',
      itemType: 'record',
      title: 'Inventar der Datenplattformen und digitalen Zwillinge',
      description:
        'Alle Einträge des Inventars als Records: Plattformen, digitale Zwillinge, Datensätze ' +
        'und Schnittstellen (Dienste), mit Land, Themen und Geometrie.',
      keywords: ['Datenplattform', 'Digitaler Zwilling', 'Geodaten', 'Länder'],
      language: { code: 'de', name: 'Deutsch' },
      crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
      extent: {
        spatial: { bbox: [GERMANY_BBOX], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' },
      },
      links: [
        ...selfLinks(self),
        { href: `${base}${OGC_BASE}`, rel: 'root', type: JSON_TYPE, title: 'Startseite' },
        { href: `${self}/items`, rel: 'items', type: GEOJSON, title: 'Records (GeoJSON)' },
        {
          href: withFormat(`${self}/items`, 'html'),
          rel: 'items',
          type: HTML_TYPE,
          title: 'Records (HTML)',
        },
        {
          href: `${self}/queryables`,
          rel: QUERYABLES_REL,
          type: SCHEMA_JSON,
          title: 'Abfragbare Eigenschaften',
        },
      ] satisfies Link[],
    };
  }

  collections(base: string) {
    return {
      collections: [this.collection(base, COLLECTION_ID)],
      links: [
        ...selfLinks(`${base}${OGC_BASE}/collections`),
        { href: `${base}${OGC_BASE}`, rel: 'root', type: JSON_TYPE, title: 'Startseite' },
      ] satisfies Link[],
    };
  }

  /**
   * The properties a client may filter on (OGC API – Features Part 3, Queryables): a JSON Schema
   * of the record properties that have a query parameter here.
   */
  queryables(base: string, id: string) {
    this.collection(base, id);
    const self = `${base}${OGC_BASE}/collections/${COLLECTION_ID}/queryables`;
    return {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: self,
      type: 'object',
      title: 'Inventar – abfragbare Eigenschaften',
      properties: {
        id: { title: 'Kennung (Parameter ids)', type: 'string', format: 'uuid' },
        geometry: {
          title: 'Geometrie (Parameter bbox)',
          format: 'geometry-any',
          'x-ogc-role': 'primary-geometry',
        },
        time: {
          title: 'Zeitlicher Bezug (Parameter datetime)',
          type: 'object',
          'x-ogc-role': 'primary-instant',
        },
        type: {
          title: 'Art (Parameter type)',
          type: 'string',
          enum: [...ITEM_KINDS],
        },
        title: { title: 'Titel (Parameter q)', type: 'string' },
        description: { title: 'Beschreibung (Parameter q)', type: 'string' },
        updated: {
          title: 'Letzte Änderung (Parameter updated)',
          type: 'string',
          format: 'date-time',
        },
      },
      additionalProperties: false,
    };
  }

  async items(base: string, id: string, query: OgcItemsQuery, viewer: Viewer) {
    this.collection(base, id);
    const bbox = query.bbox ? parseBbox(query.bbox) : undefined;
    if (bbox === null)
      invalid('bbox', 'bbox must lie within WGS84 with minLon ≤ maxLon and minLat ≤ maxLat');
    if (
      query.datetime !== undefined &&
      query.datetime_ !== undefined &&
      query.datetime !== query.datetime_
    )
      invalid(
        'datetime_',
        'datetime_ (an alias of datetime) must equal datetime when both are given',
      );
    const time = interval('datetime', query.datetime ?? query.datetime_);
    const updated = interval('updated', query.updated);
    const limit = query.limit ?? 10;
    const offset = query.offset ?? 0;
    const list = (text: string | undefined) =>
      text
        ?.split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    const { rows, total } = await this.repository.records({
      ids: list(query.ids),
      externalIds: list(query.externalIds),
      kinds: query.type?.split(','),
      bbox,
      terms: list(query.q),
      time,
      updated,
      offset,
      limit,
      scope: viewer.scope,
    });
    const self = `${base}${OGC_BASE}/collections/${COLLECTION_ID}/items`;
    const pageUrl = (at: number) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        // datetime_ is OWSLib's alias: the links carry datetime alone; f is the link's type.
        if (value !== undefined && !['offset', 'limit', 'datetime_', 'f'].includes(key))
          params.set(key, String(value));
      if (time && query.datetime === undefined) params.set('datetime', String(query.datetime_));
      params.set('limit', String(limit));
      params.set('offset', String(at));
      return `${self}?${params}`;
    };
    const pageLinks = (at: number, rel: string, title: string): Link[] => [
      { href: pageUrl(at), rel, type: GEOJSON, title },
      ...(rel === 'self'
        ? [{ href: withFormat(pageUrl(at), 'html'), rel: 'alternate', type: HTML_TYPE }]
        : []),
    ];
    const links: Link[] = [
      ...pageLinks(offset, 'self', 'Diese Seite'),
      {
        href: `${base}${OGC_BASE}/collections/${COLLECTION_ID}`,
        rel: 'collection',
        type: JSON_TYPE,
        title: 'Sammlung',
      },
    ];
    if (offset + rows.length < total)
      links.push(...pageLinks(offset + limit, 'next', 'Nächste Seite'));
    if (offset > 0) links.push(...pageLinks(Math.max(0, offset - limit), 'prev', 'Vorige Seite'));
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
    const { rows } = await this.repository.records({
      ids: [recordId],
      offset: 0,
      limit: 1,
      scope: viewer.scope,
    });
    if (rows.length === 0) throw new NotFoundException(`no record ${recordId}`);
    return this.record(base, rows[0]);
  }

  /** A record (Records Part 1, Record Core) as a GeoJSON feature. */
  record(base: string, r: RecordRow) {
    const self = recordUrl(base, r.id);
    const detail = r.detail ?? {};
    const keywords = Array.isArray(detail.keywords) ? (detail.keywords as string[]) : [];
    const links: Link[] = [
      { href: self, rel: 'self', type: GEOJSON, title: 'Dieser Record (GeoJSON)' },
      { href: withFormat(self, 'html'), rel: 'alternate', type: HTML_TYPE, title: 'Als HTML' },
      {
        href: `${base}${OGC_BASE}/collections/${COLLECTION_ID}`,
        rel: 'collection',
        type: JSON_TYPE,
        title: 'Sammlung',
      },
    ];
    if (r.url) links.push({ href: r.url, rel: 'describes', title: 'Homepage bzw. Dienst-URL' });
    // Records Part 1: `license` is an SPDX id or "other" with a link to the licence.
    const licence = typeof detail.licence === 'string' && detail.licence ? detail.licence : null;
    if (licence && /^https?:\/\//.test(licence))
      links.push({ href: licence, rel: 'license', title: 'Lizenz' });
    // Identifiers of the harvested ISO record, named by the ISO 19139 element they come from.
    const externalIds = [
      ...(r.file_identifier ? [{ scheme: `${GMD}#fileIdentifier`, value: r.file_identifier }] : []),
      ...(r.resource_identifier
        ? [{ scheme: `${GMD}#MD_Identifier`, value: r.resource_identifier }]
        : []),
    ];
    const scheme =
      r.kind === 'twin'
        ? 'urn:dpi:vocabulary:twin-use-case'
        : 'http://publications.europa.eu/resource/authority/data-theme';
    return {
      id: r.id,
      type: 'Feature',
      conformsTo: [`${RECORDS}/record-core`],
      geometry: r.geometry ? JSON.parse(r.geometry) : null,
      ...(r.bbox ? { bbox: JSON.parse(r.bbox) as number[] } : {}),
      time: recordTime(detail.temporalStart, detail.temporalEnd),
      properties: {
        type: r.kind,
        title: r.title,
        ...(r.description ? { description: r.description } : {}),
        keywords,
        ...(r.themes.length
          ? { themes: [{ concepts: r.themes.map((t) => ({ id: t })), scheme }] }
          : {}),
        language: { code: 'de' },
        ...(externalIds.length ? { externalIds } : {}),
        updated: new Date(r.updated_at).toISOString(),
        ...(licence ? { license: /^https?:\/\//.test(licence) ? 'other' : licence } : {}),
        ...(typeof detail.publisher === 'string' && detail.publisher
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
