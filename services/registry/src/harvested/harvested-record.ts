import { HarvestedRecord, HarvestRecordChangedSchema } from '@dpi/contracts';
import {
  ACCESS_RIGHTS,
  AccessRight,
  EU_THEMES,
  EuTheme,
  HIERARCHY_LEVELS,
  HierarchyLevel,
  LAND_CODES,
  LICENCE_URI_PATTERN,
} from '@dpi/domain';
import { decodeMessage, envelopeFromHeaders, RawEvent } from '@dpi/kafka';
import { Distribution } from '../datasets/entities/dataset.entity';
import { GeoJsonGeometry, isWgs84Bbox } from '../records/geometry';

/** One message of dpi.harvest.record.v1: a record (created or changed) or its withdrawal. */
export interface HarvestChange {
  sourceId: string;
  fileIdentifier: string;
  /** null: withdrawn from the source (tombstone). */
  record: HarvestedRecord | null;
  eventId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Key `<sourceId>/<fileIdentifier>`; the file identifier may itself contain slashes. */
export function toHarvestChange(raw: RawEvent): HarvestChange {
  const slash = raw.key.indexOf('/');
  const sourceId = raw.key.slice(0, slash);
  const fileIdentifier = raw.key.slice(slash + 1);
  if (slash < 0 || !UUID.test(sourceId) || fileIdentifier.length === 0)
    throw new Error(`harvest record key "${raw.key}" is not <sourceId>/<fileIdentifier>`);
  const eventId = envelopeFromHeaders(raw.headers).eventId;
  if (raw.value === null) return { sourceId, fileIdentifier, record: null, eventId };
  const record = decodeMessage(HarvestRecordChangedSchema, raw.value).record;
  if (!record) throw new Error(`harvest record ${raw.key} has no record`);
  if (record.sourceId !== sourceId || record.fileIdentifier !== fileIdentifier)
    throw new Error(`harvest record ${raw.key} does not match its key`);
  return { sourceId, fileIdentifier, record, eventId };
}

/** The dataset fields of a harvested record (everything but identity, versions and timestamps). */
export interface HarvestedFields {
  landCode: string | null;
  title: string;
  description: string;
  publisher: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactUrl: string | null;
  themes: EuTheme[];
  keywords: string[];
  licence: string | null;
  licenceText: string | null;
  accessRights: AccessRight;
  accrualPeriodicity: null;
  issued: string | null;
  modified: string | null;
  temporalStart: string | null;
  temporalEnd: string | null;
  bbox: number[] | null;
  geometry: GeoJsonGeometry | null;
  politicalGeocodingUri: null;
  politicalGeocodingLevel: null;
  conformsTo: string[];
  distributions: Distribution[];
  openData: boolean;
  inspire: boolean;
  resourceIdentifier: string | null;
  hierarchyLevel: HierarchyLevel;
  endpointIds: string[];
  harvestSourceId: string;
  harvestSourceName: string | null;
  harvestFileIdentifier: string;
  harvestJobId: string | null;
  harvestChecksum: string;
  source: 'harvested';
}

// PostgreSQL text cannot hold U+0000; catalogues occasionally contain it.
const clean = (text: string, max = 100_000): string =>
  text.replaceAll('\u0000', '').trim().slice(0, max);
const optional = (text: string, max?: number): string | null => clean(text, max) || null;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/**
 * Maps a harvested record to dataset fields. The harvester already did the ISO → DCAT mapping;
 * this only keeps what the registry's model accepts (vocabularies, URLs, WGS84 boxes), so a
 * strange catalogue entry is stored as much as it is valid and never fails the batch.
 */
export function harvestedFields(r: HarvestedRecord): HarvestedFields {
  const boxes = r.bboxes.filter((b) => isWgs84Bbox(b.west, b.south, b.east, b.north));
  const envelope = boxes.length
    ? [
        Math.min(...boxes.map((b) => b.west)),
        Math.min(...boxes.map((b) => b.south)),
        Math.max(...boxes.map((b) => b.east)),
        Math.max(...boxes.map((b) => b.north)),
      ]
    : null;
  const polygons = boxes.map((b) => [
    [
      [b.west, b.south],
      [b.east, b.south],
      [b.east, b.north],
      [b.west, b.north],
      [b.west, b.south],
    ],
  ]);
  const licence = clean(r.licenceUri);
  const contactUrl = r.contact?.url ?? '';
  const accessRights = (ACCESS_RIGHTS as readonly string[]).includes(r.accessRights)
    ? (r.accessRights as AccessRight)
    : 'PUBLIC';
  const hierarchyLevel = (HIERARCHY_LEVELS as readonly string[]).includes(r.hierarchyLevel)
    ? (r.hierarchyLevel as HierarchyLevel)
    : 'other';
  return {
    landCode: LAND_CODES.includes(r.landCode) ? r.landCode : null,
    title: clean(r.title, 2000) || r.fileIdentifier,
    description: clean(r.description),
    publisher: optional(r.publisher, 1000),
    contactName: optional(r.contact?.organisation ?? '', 1000),
    contactEmail: optional(r.contact?.email ?? '', 320),
    contactUrl: HTTP_URL.test(contactUrl) ? clean(contactUrl, 2048) : null,
    themes: [
      ...new Set(r.themes.filter((t): t is EuTheme => EU_THEMES.includes(t as EuTheme))),
    ].sort(),
    keywords: [...new Set(r.keywords.map((k) => clean(k, 200)).filter(Boolean))].slice(0, 200),
    licence: LICENCE_URI_PATTERN.test(licence) ? licence : null,
    licenceText: optional(r.licenceText, 10_000),
    accessRights,
    accrualPeriodicity: null,
    issued: optional(r.issued, 50),
    modified: optional(r.modified, 50),
    temporalStart: optional(r.temporalStart, 50),
    temporalEnd: optional(r.temporalEnd, 50),
    bbox: envelope,
    geometry:
      polygons.length === 0
        ? null
        : polygons.length === 1
          ? { type: 'Polygon', coordinates: polygons[0] as number[][][] }
          : { type: 'MultiPolygon', coordinates: polygons },
    politicalGeocodingUri: null,
    politicalGeocodingLevel: null,
    conformsTo: [],
    distributions: r.distributions
      .filter((d) => HTTP_URL.test(d.url))
      .slice(0, 100)
      .map((d) => ({
        format: clean(d.format, 100) || 'other',
        mediaType: null,
        accessUrl: clean(d.url, 2048),
        downloadUrl: d.function === 'download' ? clean(d.url, 2048) : null,
        title: optional(d.title, 500),
        accessServiceId: null,
      })),
    openData: r.openData,
    inspire: r.inspire,
    resourceIdentifier: optional(r.resourceIdentifier, 1000),
    hierarchyLevel,
    endpointIds: [],
    harvestSourceId: r.sourceId,
    harvestSourceName: optional(r.sourceName, 300),
    harvestFileIdentifier: r.fileIdentifier,
    harvestJobId: UUID.test(r.jobId) ? r.jobId : null,
    harvestChecksum: r.checksum,
    source: 'harvested',
  };
}

/** The last change per record of a batch (a partition keeps a key's changes in order). */
export function latestPerRecord(changes: readonly HarvestChange[]): HarvestChange[] {
  const latest = new Map<string, HarvestChange>();
  for (const change of changes) {
    const key = `${change.sourceId}/${change.fileIdentifier}`;
    latest.delete(key); // re-insert: keeps the batch order of the last occurrence
    latest.set(key, change);
  }
  return [...latest.values()];
}
