import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  BoundingBoxSchema,
  HarvestedContactSchema,
  HarvestedDistributionSchema,
  HarvestedRecordSchema,
  type HarvestedContact,
  type HarvestedDistribution,
  type HarvestedRecord,
} from '@dpi/contracts';
import type { IsoParty, IsoRecord } from '@dpi/csw';
import { createHash } from 'node:crypto';
import { accessRightOf } from './access-rights';
import { licenceOf } from './licence';
import { euThemesOf } from './themes';

/**
 * Raise when the mapping below changes what it produces: it is part of every record checksum, so
 * the next run republishes every record with the new mapping.
 */
export const MAPPING_VERSION = 3;

/**
 * Largest harvested document (canonical XML, UTF-8 bytes) carried to the registry and reporting.
 * Kafka takes 1 MB per record batch by default; the largest real record of ../shared/fixtures/csw
 * has 95,006 bytes (the INSPIRE Geoportal's), a typical GDI-DE record 40–55 KB. A larger document
 * is left out (its size still travels) and the CSW serves ISO generated from the fields instead,
 * saying why.
 */
export const ISO_DOCUMENT_MAX_BYTES = 256 * 1024;

/** What the mapping needs to know about the source and the job. */
export interface MappingContext {
  sourceId: string;
  sourceName: string;
  /** ISO 3166-2 code; null for federal sources. */
  landCode: string | null;
  jobId: string;
  harvestedAt: Date;
}

/**
 * Checksum of a harvested record as published and compared: the ISO record's canonical checksum,
 * plus everything else the message carries that can change without the record changing (the
 * mapping version, the source's Land and name, the document: an element the extraction does not
 * read changes what the CSW serves). Equal checksum = nothing to publish. The document counts by
 * its namespace-neutral checksum (computed by the parser): a catalogue that respells its records
 * (another prefix, a default namespace) changes nothing, and its earlier spelling stays served.
 */
export function publishedChecksum(
  record: Pick<IsoRecord, 'checksum' | 'documentChecksum'>,
  source: Pick<MappingContext, 'sourceName' | 'landCode'>,
): string {
  return createHash('sha256')
    .update(
      `${MAPPING_VERSION}\n${source.landCode ?? ''}\n${source.sourceName}\n${record.checksum}\n` +
        (record.documentChecksum ?? ''),
    )
    .digest('hex');
}

/** The document the message carries, and its size (also when too large to carry). */
export function isoDocumentOf(record: Pick<IsoRecord, 'document'>): {
  isoDocument: string;
  isoDocumentBytes: number;
} {
  if (record.document === undefined) return { isoDocument: '', isoDocumentBytes: 0 };
  const bytes = Buffer.byteLength(record.document, 'utf8');
  return {
    isoDocument: bytes <= ISO_DOCUMENT_MAX_BYTES ? record.document : '',
    isoDocumentBytes: bytes,
  };
}

/**
 * ISO 19139 record → HarvestedRecord (DCAT-AP.de aligned dataset fields). Pure: the same record
 * and context always give the same message. The record must have a fileIdentifier.
 */
export function toHarvestedRecord(
  record: IsoRecord,
  context: MappingContext,
  // The caller has usually computed it already, to compare: hashing the ~45 KB document again
  // cost the harvester ~1 ms per record on the loaded benchmark machine (issue 20 follow-up).
  checksum: string = publishedChecksum(record, context),
): HarvestedRecord {
  if (!record.fileIdentifier) throw new Error('a record without fileIdentifier cannot be mapped');
  const licence = licenceOf(record);
  const temporal = record.temporalExtents[0];
  return create(HarvestedRecordSchema, {
    sourceId: context.sourceId,
    fileIdentifier: record.fileIdentifier,
    landCode: context.landCode ?? '',
    checksum,
    jobId: context.jobId,
    harvestedAt: timestampFromDate(context.harvestedAt),
    hierarchyLevel: record.hierarchyLevel,
    language: record.language ?? '',
    title: record.title ?? '',
    description: record.abstract ?? '',
    keywords: unique(record.keywords.map((k) => k.keyword.trim()).filter(Boolean)),
    themes: euThemesOf(record.keywords, record.topicCategories),
    licenceUri: licence.uri,
    licenceText: licence.text,
    accessRights: accessRightOf(record.constraints, record.flags.opendata) ?? '',
    issued: citationDate(record, 'publication') ?? citationDate(record, 'creation') ?? '',
    modified: citationDate(record, 'revision') ?? '',
    temporalStart: temporal?.begin ?? '',
    temporalEnd: temporal?.end ?? '',
    bboxes: record.bboxes.map((b) => create(BoundingBoxSchema, b)),
    publisher: publisherOf(record.parties),
    contact: contactOf(record.parties),
    distributions: distributionsOf(record),
    openData: record.flags.opendata,
    inspire: record.flags.inspireidentifiziert,
    resourceIdentifier: resourceIdentifierOf(record),
    coupledResources: coupledResourcesOf(record),
    metadataDate: record.dateStamp ?? '',
    sourceName: context.sourceName,
    serviceType: record.serviceType ?? '',
    ...isoDocumentOf(record),
  });
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function citationDate(record: IsoRecord, type: string): string | null {
  return record.citationDates.find((d) => d.type === type)?.date ?? null;
}

/** Parties about the resource first (citation, identification), then distributor, then metadata. */
function byPreference(parties: IsoParty[]): IsoParty[] {
  const rank = { citation: 0, resource: 0, distributor: 1, metadata: 2 } as const;
  return [...parties].sort((a, b) => rank[a.source] - rank[b.source]);
}

const nameOf = (party: IsoParty) => party.organisation ?? party.individual ?? party.position ?? '';

/** Publisher, else custodian, else owner, else pointOfContact. */
export function publisherOf(parties: IsoParty[]): string {
  const ordered = byPreference(parties);
  for (const role of ['publisher', 'custodian', 'owner', 'pointOfContact']) {
    const party = ordered.find((p) => p.role === role && nameOf(p));
    if (party) return nameOf(party);
  }
  return '';
}

/** The first pointOfContact of the resource, else of the metadata. */
export function contactOf(parties: IsoParty[]): HarvestedContact | undefined {
  const contacts = parties.filter((p) => p.role === 'pointOfContact');
  const party =
    contacts.find((p) => p.source === 'resource' || p.source === 'citation') ??
    contacts.find((p) => p.source === 'metadata');
  if (!party) return undefined;
  return create(HarvestedContactSchema, {
    organisation: nameOf(party),
    email: party.emails[0] ?? '',
    url: party.url ?? '',
    role: party.role ?? '',
  });
}

/** One distribution per online resource, the same URL with the same protocol only once. */
function distributionsOf(record: IsoRecord): HarvestedDistribution[] {
  const seen = new Set<string>();
  const out: HarvestedDistribution[] = [];
  for (const resource of record.onlineResources) {
    const key = `${resource.url}\n${resource.protocol ?? ''}`;
    if (!resource.url || seen.has(key)) continue;
    seen.add(key);
    out.push(
      create(HarvestedDistributionSchema, {
        url: resource.url,
        format: resource.protocolNormalised,
        protocol: resource.protocol ?? '',
        title: resource.name ?? '',
        description: resource.description ?? '',
        function: resource.function ?? '',
      }),
    );
  }
  return out;
}

/** A URI as written (GDI-DE registry), else `code#codeSpace` as the contract describes. */
function resourceIdentifierOf(record: IsoRecord): string {
  const first = record.resourceIdentifiers[0];
  if (!first) return '';
  if (first.href) return first.href;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(first.code) || !first.codeSpace) return first.code;
  return `${first.code}#${first.codeSpace}`;
}

/** Datasets a service operates on: `uuidref` as written, else the link; each once. */
function coupledResourcesOf(record: IsoRecord): string[] {
  return unique(
    [
      ...record.operatesOn.map((o) => o.uuidref ?? o.href),
      ...record.coupledResources.map((c) => c.identifier),
    ].filter((id): id is string => !!id && id.trim() !== ''),
  );
}
