import { NS, clark } from '../xml/namespaces';
import { child, children, firstChild, path, type XNode } from '../xml/tree';
import { sha256Hex } from './checksum';
import { recordJson } from './record-json';
import type { ForeignRecord, IsoConstraints, IsoIssue, IsoRecord } from './types';
import { checkStructure } from './structure';
import { Issues } from './issues';
import {
  readKeywords,
  readConstraints,
  readOnlineResources,
  pushParty,
  bboxOf,
  temporalOf,
  identifierOf,
  operatesOnOf,
  coupledResourceOf,
  operationOf,
} from './elements';
import { textOf, codeOf, languageOf, dateOf, clean } from './values';

const { gmd, srv } = NS;

/**
 * Extracts an {@link IsoRecord} from the tree of one `gmd:MD_Metadata` (or `gmi:MI_Metadata`).
 * Never throws for bad content: what is wrong becomes an issue of the record.
 */
export function extractIsoRecord(md: XNode, earlierIssues: IsoIssue[] = []): IsoRecord {
  const issues = new Issues();
  issues.list.push(...earlierIssues);
  let record: Omit<IsoRecord, 'checksum' | 'issues'>;
  try {
    record = extractFields(md, issues);
  } catch (e) {
    issues.error('EXTRACTION_FAILED', `record could not be read: ${(e as Error).message}`);
    record = emptyRecord(textOf(child(md, gmd, 'fileIdentifier'))?.text ?? null);
  }
  return finishRecord(record, issues.list);
}

/** The record reported when a record was too large to be kept (only what was seen first). */
export function oversizeRecord(fileIdentifier: string | null, limit: number): IsoRecord {
  const issues = new Issues();
  issues.error(
    'RECORD_TOO_LARGE',
    `record larger than ${limit} characters; its content was skipped`,
  );
  if (fileIdentifier === null) issues.error('MISSING_FILE_IDENTIFIER', 'no gmd:fileIdentifier');
  return finishRecord(emptyRecord(fileIdentifier), issues.list);
}

/** The fileIdentifier of a (possibly partial) record tree. */
export function fileIdentifierOf(md: XNode): string | null {
  return textOf(child(md, gmd, 'fileIdentifier'))?.text ?? null;
}

function finishRecord(
  fields: Omit<IsoRecord, 'checksum' | 'issues'>,
  issues: IsoIssue[],
): IsoRecord {
  const checksum = sha256Hex(recordJson(fields));
  // Not `{ ...fields, … }`: object spread is V8's slow path (µs per object); `fields` is always fresh.
  return Object.assign(fields, { issues, checksum });
}

function emptyRecord(fileIdentifier: string | null): Omit<IsoRecord, 'checksum' | 'issues'> {
  // Every object of a record is built with its members in alphabetical order, so that plain
  // JSON.stringify gives the canonical JSON the checksum needs (see record-json.ts).
  return {
    abstract: null,
    alternateTitles: [],
    bboxes: [],
    citationDates: [],
    constraints: emptyConstraints(),
    coupledResources: [],
    couplingType: null,
    dateStamp: null,
    fileIdentifier,
    flags: { inspireidentifiziert: false, opendata: false },
    hierarchyLevel: 'dataset',
    hierarchyLevelName: null,
    keywords: [],
    language: null,
    licence: null,
    onlineResources: [],
    operatesOn: [],
    operations: [],
    parentIdentifier: null,
    parties: [],
    resourceIdentifiers: [],
    serviceType: null,
    serviceTypeVersions: [],
    temporalExtents: [],
    title: null,
    topicCategories: [],
  };
}

function emptyConstraints(): IsoConstraints {
  return {
    access: [],
    accessCodes: [],
    classification: null,
    use: [],
    useCodes: [],
    useLimitations: [],
  };
}

function extractFields(md: XNode, issues: Issues): Omit<IsoRecord, 'checksum' | 'issues'> {
  checkStructure(md, issues);
  const record = emptyRecord(textOf(child(md, gmd, 'fileIdentifier'))?.text ?? null);
  if (record.fileIdentifier === null)
    issues.error('MISSING_FILE_IDENTIFIER', 'no gmd:fileIdentifier');

  record.parentIdentifier = textOf(child(md, gmd, 'parentIdentifier'))?.text ?? null;
  record.language = languageOf(child(md, gmd, 'language'));
  const level = codeOf(child(md, gmd, 'hierarchyLevel'));
  if (level === null) {
    issues.warn('MISSING_HIERARCHY_LEVEL', 'no gmd:hierarchyLevel; read as "dataset"');
  } else {
    record.hierarchyLevel = level;
  }
  record.hierarchyLevelName = textOf(child(md, gmd, 'hierarchyLevelName'))?.text ?? null;
  record.dateStamp = dateOf(child(md, gmd, 'dateStamp'));
  if (record.dateStamp === null) issues.warn('MISSING_DATESTAMP', 'no gmd:dateStamp');
  for (const c of children(md, gmd, 'contact')) pushParty(record.parties, c, 'metadata');

  const identifications = children(md, gmd, 'identificationInfo')
    .map(firstChild)
    .filter((n): n is XNode => n !== undefined);
  if (identifications.length === 0) {
    issues.warn('MISSING_IDENTIFICATION_INFO', 'no gmd:identificationInfo');
  }
  for (const ident of identifications) readIdentification(ident, record, issues);
  const isService = identifications.some(
    (n) => n.uri === srv && n.local === 'SV_ServiceIdentification',
  );
  if (isService && record.hierarchyLevel !== 'service') {
    issues.warn(
      'HIERARCHY_LEVEL_MISMATCH',
      `hierarchyLevel "${record.hierarchyLevel}" but srv:SV_ServiceIdentification`,
    );
  } else if (!isService && identifications.length > 0 && record.hierarchyLevel === 'service') {
    issues.warn(
      'HIERARCHY_LEVEL_MISMATCH',
      'hierarchyLevel "service" without srv:SV_ServiceIdentification',
    );
  }
  if (record.title === null) issues.warn('MISSING_TITLE', 'no citation title');

  for (const dist of path(md, [gmd, 'distributionInfo'], [gmd, 'MD_Distribution'])) {
    for (const options of path(
      dist,
      [gmd, 'transferOptions'],
      [gmd, 'MD_DigitalTransferOptions'],
    )) {
      readOnlineResources(options, record.onlineResources);
    }
    for (const distributor of path(dist, [gmd, 'distributor'], [gmd, 'MD_Distributor'])) {
      for (const c of children(distributor, gmd, 'distributorContact')) {
        pushParty(record.parties, c, 'distributor');
      }
      for (const options of path(
        distributor,
        [gmd, 'distributorTransferOptions'],
        [gmd, 'MD_DigitalTransferOptions'],
      )) {
        readOnlineResources(options, record.onlineResources);
      }
    }
  }
  return record;
}

function readIdentification(
  ident: XNode,
  record: Omit<IsoRecord, 'checksum' | 'issues'>,
  issues: Issues,
): void {
  const citation = firstChild(child(ident, gmd, 'citation'));
  if (citation) {
    const title = textOf(child(citation, gmd, 'title'))?.text ?? null;
    record.title ??= title;
    for (const alt of children(citation, gmd, 'alternateTitle')) {
      const t = textOf(alt)?.text;
      if (t) record.alternateTitles.push(t);
    }
    for (const ciDate of path(citation, [gmd, 'date'], [gmd, 'CI_Date'])) {
      const date = dateOf(child(ciDate, gmd, 'date'));
      if (date) record.citationDates.push({ date, type: codeOf(child(ciDate, gmd, 'dateType')) });
    }
    for (const idNode of children(citation, gmd, 'identifier')) {
      const id = identifierOf(firstChild(idNode));
      if (id) record.resourceIdentifiers.push(id);
    }
    for (const p of children(citation, gmd, 'citedResponsibleParty')) {
      pushParty(record.parties, p, 'citation');
    }
  }
  record.abstract ??= textOf(child(ident, gmd, 'abstract'))?.text ?? null;
  for (const p of children(ident, gmd, 'pointOfContact')) pushParty(record.parties, p, 'resource');

  for (const kw of path(ident, [gmd, 'descriptiveKeywords'], [gmd, 'MD_Keywords'])) {
    readKeywords(kw, record.keywords);
  }
  for (const k of record.keywords) {
    const lower = k.keyword.toLowerCase();
    if (lower === 'opendata') record.flags.opendata = true;
    if (lower === 'inspireidentifiziert') record.flags.inspireidentifiziert = true;
  }

  readConstraints(ident, record, issues);

  for (const tc of children(ident, gmd, 'topicCategory')) {
    const code = codeOf(tc);
    if (code) record.topicCategories.push(code);
  }

  const extents = [...children(ident, gmd, 'extent'), ...children(ident, srv, 'extent')];
  for (const ex of extents) {
    const exExtent = child(ex, gmd, 'EX_Extent');
    if (!exExtent) continue;
    for (const bbox of path(
      exExtent,
      [gmd, 'geographicElement'],
      [gmd, 'EX_GeographicBoundingBox'],
    )) {
      const b = bboxOf(bbox, issues);
      if (b) record.bboxes.push(b);
    }
    for (const te of path(
      exExtent,
      [gmd, 'temporalElement'],
      [gmd, 'EX_TemporalExtent'],
      [gmd, 'extent'],
    )) {
      const t = temporalOf(firstChild(te));
      if (t) record.temporalExtents.push(t);
    }
  }

  if (ident.uri === srv) {
    record.serviceType ??= textOf(child(ident, srv, 'serviceType'))?.text ?? null;
    for (const v of children(ident, srv, 'serviceTypeVersion')) {
      const t = textOf(v)?.text;
      if (t) record.serviceTypeVersions.push(t);
    }
    record.couplingType ??= codeOf(child(ident, srv, 'couplingType'));
    for (const op of children(ident, srv, 'operatesOn')) record.operatesOn.push(operatesOnOf(op));
    for (const cr of path(ident, [srv, 'coupledResource'], [srv, 'SV_CoupledResource'])) {
      record.coupledResources.push(coupledResourceOf(cr));
    }
    for (const om of path(ident, [srv, 'containsOperations'], [srv, 'SV_OperationMetadata'])) {
      record.operations.push(operationOf(om));
    }
  }
}

// --- foreign records -----------------------------------------------------------------------------

/** Dublin Core fields of a `csw:Record` / `BriefRecord` / `SummaryRecord`, or just the name of anything else. */
export function extractForeignRecord(root: XNode): ForeignRecord {
  const schema = root.uri === NS.csw ? `csw:${root.local}` : clark(root.uri, root.local);
  const dc = (local: string, uri: string = NS.dc): string | null => {
    const n = child(root, uri, local);
    return n ? clean(n.text) || null : null;
  };
  return {
    schema,
    identifier: dc('identifier'),
    title: dc('title'),
    type: dc('type'),
    modified: dc('modified', NS.dct),
  };
}
