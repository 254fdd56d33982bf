import type { Message } from '@bufbuild/protobuf';
import type { ChangeKind, DatasetChanged, HarvestedRecord } from '@dpi/contracts';
import type { SqlPart } from '@dpi/db';
import { DATASET_KIND } from '../datasets/dataset.kind';

/** What is stored of a harvested dataset's ISO document (null: none to keep). */
export interface HarvestedDocument {
  datasetId: string;
  /** Canonical XML as events before `iso_document_gzip` carried it; null otherwise. */
  document: string | null;
  /**
   * The document gzip-compressed as the harvester sent it (`iso_document_gzip`), stored and passed
   * on as is, never decompressed here; null when the event carried text or none.
   */
  gzip: Uint8Array | null;
  bytes: number;
  harvestChecksum: string;
}

// PostgreSQL text cannot hold U+0000 (and XML 1.0 cannot either: a record with one is not XML).
const NUL = '\u0000';

/** The document a harvested record brings for its dataset, or null when it brings none. */
export function documentOf(
  datasetId: string,
  record: HarvestedRecord,
  harvestChecksum: string,
): HarvestedDocument | null {
  if (record.isoDocumentBytes <= 0) return null;
  const bytes = record.isoDocumentBytes;
  if (record.isoDocumentGzip.length > 0)
    return { datasetId, document: null, gzip: record.isoDocumentGzip, bytes, harvestChecksum };
  const document =
    record.isoDocument && !record.isoDocument.includes(NUL) ? record.isoDocument : null;
  return { datasetId, document, gzip: null, bytes, harvestChecksum };
}

/**
 * The dataset kind, with the harvested document in the event's provenance: the harvest path's
 * dataset events carry the document on to reporting (its CSW serves it). Other paths (an admin's
 * PATCH of a harvested dataset) emit the dataset without it: the record is then no longer the
 * harvested one, and reporting serves ISO generated from our fields.
 */
export function datasetKindWithDocument(document: HarvestedDocument | null): typeof DATASET_KIND {
  if (document === null) return DATASET_KIND;
  return {
    ...DATASET_KIND,
    changedMessage(record, kind: ChangeKind): Message {
      const message = DATASET_KIND.changedMessage(record, kind) as DatasetChanged;
      const provenance = message.dataset?.provenance;
      if (provenance) {
        provenance.isoDocument = document.document ?? '';
        if (document.gzip) provenance.isoDocumentGzip = document.gzip;
        provenance.isoDocumentBytes = document.bytes;
      }
      return message;
    },
  };
}

/**
 * The batch's document writes as statement parts: upserts of the documents brought, deletes of
 * the datasets whose record brought none or was withdrawn. Each dataset in one of the two only.
 */
export function documentWrites(
  documents: ReadonlyMap<string, HarvestedDocument | null>,
): SqlPart[] {
  const kept = [...documents.values()].filter((d): d is HarvestedDocument => d !== null);
  const dropped = [...documents].filter(([, d]) => d === null).map(([id]) => id);
  const parts: SqlPart[] = [];
  if (kept.length > 0)
    parts.push({
      text: `INSERT INTO harvested_dataset_document AS d
          (dataset_id, document, document_gzip, document_bytes, harvest_checksum, stored_at)
        SELECT t.id, t.document, t.gzip, t.bytes, t.checksum, now()
          FROM unnest($1::uuid[], $2::text[], $3::bytea[], $4::int[], $5::text[])
            AS t(id, document, gzip, bytes, checksum)
        ON CONFLICT (dataset_id) DO UPDATE SET document = EXCLUDED.document,
          document_gzip = EXCLUDED.document_gzip, document_bytes = EXCLUDED.document_bytes,
          harvest_checksum = EXCLUDED.harvest_checksum, stored_at = EXCLUDED.stored_at
        RETURNING d.dataset_id`,
      values: [
        kept.map((d) => d.datasetId),
        kept.map((d) => d.document),
        kept.map((d) => d.gzip),
        kept.map((d) => d.bytes),
        kept.map((d) => d.harvestChecksum),
      ],
    });
  if (dropped.length > 0)
    parts.push({
      text: `DELETE FROM harvested_dataset_document WHERE dataset_id = ANY ($1::uuid[])
        RETURNING dataset_id`,
      values: [dropped],
    });
  return parts;
}
