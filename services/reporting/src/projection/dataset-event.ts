import { timestampDate } from '@bufbuild/protobuf/wkt';
import { DatasetChangedSchema } from '@dpi/contracts';
import { RawEvent } from '@dpi/kafka';
import { gunzipSync } from 'node:zlib';
import { landCodeOf, nullIfEmpty, recordIds, wgs84Bbox } from './event-checks';
import { sourceOf } from './platform-event';
import { decodeRecordChange, RecordChange } from './record-change';

export interface DistributionFields {
  format: string;
  mediaType: string | null;
  accessUrl: string;
  downloadUrl: string | null;
  accessServiceId: string | null;
}

/** Fields of the dataset read model (what the views, rules and quality score need). */
export interface DatasetFields {
  landCode: string | null;
  title: string;
  description: string;
  publisher: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactUrl: string | null;
  themes: string[];
  keywords: string[];
  licence: string | null;
  accessRights: string | null;
  accrualPeriodicity: string | null;
  issued: string | null;
  modified: string | null;
  temporalStart: string | null;
  temporalEnd: string | null;
  bbox: [number, number, number, number] | null;
  politicalGeocodingUri: string | null;
  politicalGeocodingLevel: string | null;
  conformsTo: string[];
  distributions: DistributionFields[];
  openData: boolean;
  inspire: boolean;
  hierarchyLevel: string;
  endpointIds: string[];
  harvestSourceId: string | null;
  harvestSourceName: string | null;
  /** ISO fileIdentifier of a harvested dataset; `q` finds the dataset by it (issue 20). */
  fileIdentifier: string | null;
  resourceIdentifier: string | null;
  source: 'manual' | 'harvested';
  /** When the harvester read the record (harvested datasets). */
  harvestedAt: Date | null;
  /**
   * The record as harvested (gmd:MD_Metadata, Canonical XML 1.0), which the CSW serves; null when
   * the event carries none (left out for its size: `isoDocumentBytes` > 0; or not harvested as is).
   */
  isoDocument: string | null;
  isoDocumentBytes: number;
}

export type DatasetChange = RecordChange<DatasetFields>;

/** Decodes and checks a record of dpi.registry.dataset.v1; throws (→ DLQ) when unusable. */
export function toDatasetChange(raw: RawEvent): DatasetChange {
  return decodeRecordChange(
    raw,
    DatasetChangedSchema,
    (m) => m.dataset,
    (d) => ({
      landCode: landCodeOf(d.landCode, true),
      title: d.title,
      description: d.description,
      publisher: nullIfEmpty(d.publisher),
      contactName: nullIfEmpty(d.contactName),
      contactEmail: nullIfEmpty(d.contactEmail),
      contactUrl: nullIfEmpty(d.contactUrl),
      themes: [...new Set(d.themes)],
      keywords: d.keywords,
      licence: nullIfEmpty(d.licence),
      accessRights: nullIfEmpty(d.accessRights),
      accrualPeriodicity: nullIfEmpty(d.accrualPeriodicity),
      issued: nullIfEmpty(d.issued),
      modified: nullIfEmpty(d.modified),
      temporalStart: nullIfEmpty(d.temporalStart),
      temporalEnd: nullIfEmpty(d.temporalEnd),
      bbox: wgs84Bbox(d.bbox),
      politicalGeocodingUri: nullIfEmpty(d.politicalGeocodingUri),
      politicalGeocodingLevel: nullIfEmpty(d.politicalGeocodingLevel),
      conformsTo: d.conformsTo,
      distributions: d.distributions.map((x) => ({
        format: x.format,
        mediaType: nullIfEmpty(x.mediaType),
        accessUrl: x.accessUrl,
        downloadUrl: nullIfEmpty(x.downloadUrl),
        accessServiceId: nullIfEmpty(x.accessServiceId),
      })),
      openData: d.openData,
      inspire: d.inspire,
      hierarchyLevel: d.hierarchyLevel || 'dataset',
      endpointIds: recordIds(d.endpointIds, 'endpointIds'),
      harvestSourceId: d.provenance ? nullIfEmpty(d.provenance.harvestSourceId) : null,
      harvestSourceName: d.provenance ? nullIfEmpty(d.provenance.harvestSourceName) : null,
      fileIdentifier: d.provenance ? nullIfEmpty(d.provenance.fileIdentifier) : null,
      resourceIdentifier: nullIfEmpty(d.resourceIdentifier),
      source: sourceOf(d.source),
      harvestedAt: d.provenance?.harvestedAt ? timestampDate(d.provenance.harvestedAt) : null,
      isoDocument: d.provenance ? isoDocumentOf(d.provenance) : null,
      isoDocumentBytes: d.provenance?.isoDocumentBytes ?? 0,
    }),
  );
}

/**
 * The harvested document an event carries: gzip-compressed since the harvester compresses it once
 * (`iso_document_gzip`, issue 20 follow-up), as text in events before that. Decompressed here, so
 * the read model and the CSW keep their text column. A document that does not decompress, or to
 * more than MAX_ISO_DOCUMENT_BYTES (the harvester carries at most 256 KiB), throws (→ DLQ).
 */
const MAX_ISO_DOCUMENT_BYTES = 1024 * 1024;

function isoDocumentOf(provenance: {
  isoDocument: string;
  isoDocumentGzip: Uint8Array;
}): string | null {
  if (provenance.isoDocumentGzip.length > 0)
    return gunzipSync(provenance.isoDocumentGzip, {
      maxOutputLength: MAX_ISO_DOCUMENT_BYTES,
    }).toString('utf8');
  return nullIfEmpty(provenance.isoDocument);
}
