import { isoDateOrInstant } from '../iso-dates';
import { KIND_LABELS } from '../labels';
import type { CswRecordRow } from './csw.repository';

/**
 * What the Dublin Core and ISO encodings of one record share, derived once: type, subjects,
 * dates, links, provenance. Pure.
 */
export interface RecordFields {
  id: string;
  title: string;
  abstract: string;
  /** dc:type and gmd:hierarchyLevel: dataset, series, service, application. */
  type: string;
  isService: boolean;
  subjects: string[];
  formats: string[];
  /** Our last change of the record, YYYY-MM-DD. */
  modified: string;
  /** The resource's own dates where known (datasets). */
  issued: string | null;
  resourceModified: string | null;
  publisher: string | null;
  contactEmail: string | null;
  licence: string | null;
  bbox: [number, number, number, number] | null;
  links: { url: string; protocol: string; name: string }[];
  relations: string[];
  serviceType: string | null;
  serviceVersion: string | null;
  /** Plain words: where the record comes from (registered by a Land, harvested from a catalogue). */
  provenance: string;
  harvested: boolean;
  /**
   * Size in bytes of the source's ISO document when it is not served as is (left out for its size,
   * or not readable); 0 when there was none. Said in the generated document's lineage.
   */
  omittedDocumentBytes: number;
  /** The source catalogue's fileIdentifier (harvested datasets). */
  sourceFileIdentifier: string | null;
  /** The resource's own identifier (ISO citation identifier), where known. */
  resourceIdentifier: string | null;
  landName: string | null;
  temporal: { start: string | null; end: string | null };
}

const day = (value: string | null | undefined): string | null => {
  const parsed = isoDateOrInstant(value ?? null);
  return parsed ? parsed.value.slice(0, 10) : null;
};

/** Protocol of an endpoint's link (the usual gmd:protocol values), by the registry's service type. */
const PROTOCOLS: Record<string, string> = {
  wms: 'OGC:WMS',
  wfs: 'OGC:WFS',
  wmts: 'OGC:WMTS',
  wcs: 'OGC:WCS',
  csw: 'OGC:CSW',
  atomFeed: 'INSPIRE Atom',
  ogcApiFeatures: 'OGC:API-Features',
  ogcApiRecords: 'OGC:API-Records',
  ogcApiProcesses: 'OGC:API-Processes',
  ogcApiTiles: 'OGC:API-Tiles',
  sensorThings: 'OGC:SensorThings',
};

/** srv:serviceType as INSPIRE and the GDI-DE name spatial data services. */
const INSPIRE_SERVICE_TYPES: Record<string, string> = {
  wms: 'view',
  wmts: 'view',
  '3dTiles': 'view',
  i3s: 'view',
  wfs: 'download',
  wcs: 'download',
  atomFeed: 'download',
  ogcApiFeatures: 'download',
  sensorThings: 'download',
  csw: 'discovery',
  ogcApiRecords: 'discovery',
  ogcApiProcesses: 'invoke',
};

export function recordFields(r: CswRecordRow): RecordFields {
  const type =
    r.kind === 'dataset' ? r.type || 'dataset' : r.kind === 'twin' ? 'application' : 'service';
  const keywords =
    r.keywords ?? (Array.isArray(r.detail?.keywords) ? (r.detail.keywords as string[]) : []);
  const subjects = [...new Set([...(r.themes ?? []), ...keywords].filter(Boolean))];
  const formats = [...new Set((r.distributions ?? []).map((d) => d.format).filter(Boolean))];
  const links: RecordFields['links'] = [];
  for (const d of r.distributions ?? []) {
    links.push({ url: d.accessUrl, protocol: 'WWW:LINK', name: d.format || 'Zugang' });
    if (d.downloadUrl && d.downloadUrl !== d.accessUrl)
      links.push({ url: d.downloadUrl, protocol: 'WWW:DOWNLOAD', name: d.format || 'Download' });
  }
  const serviceType =
    r.kind === 'endpoint'
      ? (INSPIRE_SERVICE_TYPES[r.type ?? ''] ?? 'other')
      : r.kind === 'platform'
        ? 'other'
        : null;
  if (r.url)
    links.push({
      url: r.url,
      protocol: r.kind === 'endpoint' ? (PROTOCOLS[r.type ?? ''] ?? 'WWW:LINK') : 'WWW:LINK',
      name: r.kind === 'endpoint' ? r.title : 'Homepage',
    });
  if (r.capabilities_url && r.capabilities_url !== r.url)
    links.push({
      url: r.capabilities_url,
      protocol: `${PROTOCOLS[r.type ?? ''] ?? 'WWW:LINK'}`,
      name: 'GetCapabilities',
    });
  const harvested = r.source === 'harvested' || r.harvest_source_id !== null;
  const kind = KIND_LABELS[r.kind] ?? r.kind;
  const provenance = harvested
    ? `Geharvestet aus dem Katalog „${r.harvest_source_name ?? r.harvest_source_id ?? 'unbekannt'}“` +
      (r.file_identifier ? ` (fileIdentifier dort: ${r.file_identifier})` : '') +
      ' und im Datenplattform-Inventar geführt.'
    : `${kind}, im Datenplattform-Inventar registriert` +
      (r.land_name ? ` vom Land ${r.land_name}.` : ' (länderübergreifend).');
  const bbox =
    r.bbox && r.bbox.length === 4 ? (r.bbox.map((n) => Number(n)) as RecordFields['bbox']) : null;
  return {
    id: r.id,
    title: r.title,
    abstract: r.description ?? '',
    type,
    isService: type === 'service',
    subjects,
    formats,
    modified: new Date(r.updated_at).toISOString().slice(0, 10),
    issued: day(r.issued),
    resourceModified: day(r.modified),
    publisher: r.publisher ?? ((r.links?.operatorOrganisationName as string | undefined) || null),
    contactEmail: r.contact_email,
    licence: r.licence,
    bbox,
    links: links.filter((l) => /^https?:\/\//i.test(l.url)),
    relations: r.operates_on ?? [],
    serviceType,
    serviceVersion:
      r.kind === 'endpoint'
        ? [PROTOCOLS[r.type ?? ''] ?? r.type, r.service_version].filter(Boolean).join(' ')
        : null,
    provenance,
    harvested,
    omittedDocumentBytes: r.iso_document_bytes ?? 0,
    sourceFileIdentifier: r.file_identifier ?? null,
    resourceIdentifier: r.resource_identifier ?? null,
    landName: r.land_name,
    temporal: { start: day(r.temporal_start), end: day(r.temporal_end) },
  };
}
