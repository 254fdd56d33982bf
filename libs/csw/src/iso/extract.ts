import { NS, clark, isGmlNamespace } from '../xml/namespaces';
import {
  attr,
  child,
  children,
  descendants,
  firstChild,
  path,
  type KeepContent,
  type XNode,
} from '../xml/tree';
import { sha256Hex } from './checksum';
import { licenceFromAnchor, parseLicenceJson } from './licence';
import { normaliseProtocol } from './protocol';
import { recordJson } from './record-json';
import type {
  ForeignRecord,
  IsoBbox,
  IsoConstraints,
  IsoCoupledResource,
  IsoIdentifier,
  IsoIssue,
  IsoIssueCode,
  IsoKeyword,
  IsoLicence,
  IsoOnlineResource,
  IsoOperatesOn,
  IsoParty,
  IsoPartySource,
  IsoRecord,
  IsoServiceOperation,
  IsoTemporalExtent,
  IsoText,
} from './types';

const { gmd, gco, gmx, srv, xlink } = NS;

/** The children of `gmd:MD_Metadata` in the order of the ISO 19139 schema. */
const MD_METADATA_CHILDREN = [
  'fileIdentifier',
  'language',
  'characterSet',
  'parentIdentifier',
  'hierarchyLevel',
  'hierarchyLevelName',
  'contact',
  'dateStamp',
  'metadataStandardName',
  'metadataStandardVersion',
  'dataSetURI',
  'locale',
  'spatialRepresentationInfo',
  'referenceSystemInfo',
  'metadataExtensionInfo',
  'identificationInfo',
  'contentInfo',
  'distributionInfo',
  'dataQualityInfo',
  'portrayalCatalogueInfo',
  'metadataConstraints',
  'applicationSchemaInfo',
  'metadataMaintenance',
  'series',
  'describes',
  'propertyType',
  'featureType',
  'featureAttribute',
];
const MD_METADATA_ORDER = new Map(MD_METADATA_CHILDREN.map((name, i) => [name, i]));
/** gmi:MI_Metadata (ISO 19115-2) adds these after the gmd content. */
const MI_METADATA_CHILDREN = new Set(['acquisitionInformation']);

/**
 * The children of `gmd:MD_Metadata` whose content the extraction below reads. Of the others (data
 * quality, reference systems …: about a fifth of a typical record) the tree keeps only the name,
 * which is all {@link checkStructure} looks at.
 */
const MD_METADATA_READ = new Set([
  'fileIdentifier',
  'language',
  'parentIdentifier',
  'hierarchyLevel',
  'hierarchyLevelName',
  'contact',
  'dateStamp',
  'identificationInfo',
  'distributionInfo',
]);

/** Tells the tree builder of an ISO record what {@link extractIsoRecord} needs. */
export const keepIsoContent: KeepContent = (node, depth) =>
  depth !== 1 || (node.uri === gmd && MD_METADATA_READ.has(node.local));

class Issues {
  readonly list: IsoIssue[] = [];
  error(code: IsoIssueCode, message: string): void {
    this.list.push({ severity: 'error', code, message });
  }
  warn(code: IsoIssueCode, message: string): void {
    this.list.push({ severity: 'warning', code, message });
  }
}

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

/** Schema-light check of the record's top level: unknown or misplaced elements become warnings. */
function checkStructure(md: XNode, issues: Issues): void {
  let last = -1;
  let reportedOrder = false;
  for (const c of md.children) {
    let index = c.uri === gmd ? MD_METADATA_ORDER.get(c.local) : undefined;
    if (index === undefined && c.uri === NS.gmi && MI_METADATA_CHILDREN.has(c.local)) {
      index = MD_METADATA_CHILDREN.length;
    }
    if (index === undefined) {
      issues.warn(
        'UNEXPECTED_ELEMENT',
        `unexpected element ${clark(c.uri, c.local)} in ${md.local}`,
      );
      continue;
    }
    if (index < last && !reportedOrder) {
      issues.warn('ELEMENT_ORDER', `gmd:${c.local} out of schema order in ${md.local}`);
      reportedOrder = true;
    }
    last = Math.max(last, index);
  }
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

function readKeywords(mdKeywords: XNode, out: IsoKeyword[]): void {
  const type = codeOf(child(mdKeywords, gmd, 'type'));
  const thesaurusCitation = firstChild(child(mdKeywords, gmd, 'thesaurusName'));
  let thesaurus: IsoKeyword['thesaurus'] = null;
  if (thesaurusCitation) {
    const title = textOf(child(thesaurusCitation, gmd, 'title'));
    if (title) {
      const ciDate = path(thesaurusCitation, [gmd, 'date'], [gmd, 'CI_Date'])[0];
      const date = ciDate ? dateOf(child(ciDate, gmd, 'date')) : null;
      // Optional members by two literals, not `...(href ? { href } : {})`: spreading is slow in V8.
      thesaurus = title.href
        ? { date, href: title.href, title: title.text }
        : { date, title: title.text };
    }
  }
  for (const k of children(mdKeywords, gmd, 'keyword')) {
    const t = textOf(k);
    if (!t) continue;
    out.push(
      t.href
        ? { href: t.href, keyword: t.text, thesaurus, type }
        : { keyword: t.text, thesaurus, type },
    );
  }
}

function readConstraints(
  ident: XNode,
  record: Omit<IsoRecord, 'checksum' | 'issues'>,
  issues: Issues,
): void {
  const c = record.constraints;
  const licences: IsoLicence[] = [];
  for (const rc of children(ident, gmd, 'resourceConstraints')) {
    const block = firstChild(rc);
    if (!block || block.uri !== gmd) continue;
    for (const ul of children(block, gmd, 'useLimitation')) {
      const t = textOf(ul)?.text;
      if (t) c.useLimitations.push(t);
    }
    if (block.local === 'MD_SecurityConstraints') {
      c.classification ??= codeOf(child(block, gmd, 'classification'));
      continue;
    }
    if (block.local !== 'MD_LegalConstraints') continue;
    const accessCodes = children(block, gmd, 'accessConstraints').map(codeOf).filter(isString);
    const useCodes = children(block, gmd, 'useConstraints').map(codeOf).filter(isString);
    c.accessCodes.push(...accessCodes);
    c.useCodes.push(...useCodes);
    const hasAccess = children(block, gmd, 'accessConstraints').length > 0;
    const hasUse = children(block, gmd, 'useConstraints').length > 0;

    const texts: IsoText[] = [];
    let licence: Omit<IsoLicence, 'text'> | null = null;
    for (const oc of children(block, gmd, 'otherConstraints')) {
      const t = textOf(oc);
      if (!t) continue;
      const parsed = parseLicenceJson(t.text);
      if (parsed.kind === 'licence') {
        licence ??= parsed.licence;
        continue;
      }
      if (parsed.kind === 'invalid') {
        issues.warn(
          'LICENCE_JSON_INVALID',
          `otherConstraints looks like licence JSON but: ${parsed.reason}`,
        );
      }
      licence ??= licenceFromAnchor(t);
      texts.push(t);
    }
    if (licence) {
      const { id, name, source, uri, url } = licence;
      licences.push({ id, name, source, text: texts.map((t) => t.text), uri, url });
    }
    for (const t of texts) {
      // An INSPIRE code list href says what a text is about; otherwise the block's codes do
      // (a block with neither code is about use).
      const about = inspireConstraintKind(t.href);
      if (about === 'access' || (about === null && hasAccess)) c.access.push(t);
      if (about === 'use' || (about === null && (hasUse || !hasAccess))) c.use.push(t);
    }
  }
  if (licences.length > 0) {
    record.licence ??= licences[0];
    const ids = new Set(licences.map((l) => l.id));
    if (ids.size > 1) {
      issues.warn(
        'LICENCE_AMBIGUOUS',
        `several licences given (${[...ids].join(', ')}); the first is used`,
      );
    }
  }
}

function inspireConstraintKind(href: string | undefined): 'access' | 'use' | null {
  if (!href) return null;
  if (href.includes('/LimitationsOnPublicAccess')) return 'access';
  if (href.includes('/ConditionsApplyingToAccessAndUse')) return 'use';
  return null;
}

function readOnlineResources(transferOptions: XNode, out: IsoOnlineResource[]): void {
  for (const res of path(transferOptions, [gmd, 'onLine'], [gmd, 'CI_OnlineResource'])) {
    const url = urlOf(child(res, gmd, 'linkage'));
    if (!url) continue;
    const protocol = textOf(child(res, gmd, 'protocol'));
    const applicationProfile = textOf(child(res, gmd, 'applicationProfile'))?.text ?? null;
    const fn = codeOf(child(res, gmd, 'function'));
    const description = textOf(child(res, gmd, 'description'))?.text ?? null;
    const name = textOf(child(res, gmd, 'name'))?.text ?? null;
    const protocolNormalised = normaliseProtocol({
      protocol: protocol?.text,
      protocolHref: protocol?.href,
      url,
      applicationProfile,
      function: fn,
    });
    out.push(
      protocol?.href
        ? {
            applicationProfile,
            description,
            function: fn,
            name,
            protocol: protocol.text,
            protocolHref: protocol.href,
            protocolNormalised,
            url,
          }
        : {
            applicationProfile,
            description,
            function: fn,
            name,
            protocol: protocol?.text ?? null,
            protocolNormalised,
            url,
          },
    );
  }
}

function pushParty(out: IsoParty[], property: XNode, source: IsoPartySource): void {
  const rp = child(property, gmd, 'CI_ResponsibleParty');
  if (!rp) return;
  const contact = firstChild(child(rp, gmd, 'contactInfo'));
  const address = firstChild(child(contact, gmd, 'address'));
  const emails = children(address, gmd, 'electronicMailAddress')
    .map((e) => textOf(e)?.text)
    .filter(isString);
  const onlineResource = firstChild(child(contact, gmd, 'onlineResource'));
  out.push({
    emails,
    individual: textOf(child(rp, gmd, 'individualName'))?.text ?? null,
    organisation: textOf(child(rp, gmd, 'organisationName'))?.text ?? null,
    position: textOf(child(rp, gmd, 'positionName'))?.text ?? null,
    role: codeOf(child(rp, gmd, 'role')),
    source,
    url: urlOf(child(onlineResource, gmd, 'linkage')),
  });
}

function bboxOf(bbox: XNode, issues: Issues): IsoBbox | null {
  const read = (name: string): number | null => {
    const prop = child(bbox, gmd, name);
    const raw = prop ? numberText(prop) : null;
    if (raw === null) return null;
    const n = parseNumber(raw);
    if (n === null)
      issues.warn('INVALID_NUMBER', `gmd:${name} is not a number: "${raw.slice(0, 40)}"`);
    return n;
  };
  const west = read('westBoundLongitude');
  const east = read('eastBoundLongitude');
  const south = read('southBoundLatitude');
  const north = read('northBoundLatitude');
  if (west === null || east === null || south === null || north === null) {
    issues.warn('INVALID_BBOX', 'bounding box without four numeric coordinates; skipped');
    return null;
  }
  const inRange =
    Math.abs(west) <= 180 &&
    Math.abs(east) <= 180 &&
    Math.abs(south) <= 90 &&
    Math.abs(north) <= 90;
  if (!inRange || south > north) {
    issues.warn(
      'INVALID_BBOX',
      `bounding box out of range (${west}, ${south}, ${east}, ${north}); skipped`,
    );
    return null;
  }
  return { east, north, south, west };
}

function temporalOf(node: XNode | undefined): IsoTemporalExtent | null {
  if (!node || !isGmlNamespace(node.uri)) return null;
  if (node.local === 'TimeInstant') {
    const pos = childAnyGml(node, 'timePosition');
    const value = pos ? clean(pos.text) : null;
    return value ? { begin: value, end: value } : null;
  }
  if (node.local !== 'TimePeriod') return null;
  const position = (name: 'begin' | 'end'): [string | null, string | undefined] => {
    let pos = childAnyGml(node, `${name}Position`);
    // GML 3.2 also allows <gml:begin><gml:TimeInstant><gml:timePosition>.
    if (!pos) pos = childAnyGml(firstChild(childAnyGml(node, name)), 'timePosition');
    if (!pos) return [null, undefined];
    const indeterminate = attr(pos, '', 'indeterminatePosition');
    return [clean(pos.text) || null, indeterminate || undefined];
  };
  const [begin, beginIndeterminate] = position('begin');
  const [end, endIndeterminate] = position('end');
  if (begin === null && end === null && !beginIndeterminate && !endIndeterminate) return null;
  return {
    begin,
    ...(beginIndeterminate ? { beginIndeterminate } : {}),
    end,
    ...(endIndeterminate ? { endIndeterminate } : {}),
  };
}

function childAnyGml(node: XNode | undefined, local: string): XNode | undefined {
  return node?.children.find((c) => c.local === local && isGmlNamespace(c.uri));
}

function identifierOf(node: XNode | undefined): IsoIdentifier | null {
  if (!node) return null;
  const code = textOf(child(node, gmd, 'code'));
  if (!code) return null;
  const codeSpace = textOf(child(node, gmd, 'codeSpace'))?.text ?? null;
  return code.href
    ? { code: code.text, codeSpace, href: code.href }
    : { code: code.text, codeSpace };
}

function operatesOnOf(node: XNode): IsoOperatesOn {
  return {
    href: attr(node, xlink, 'href')?.trim() || null,
    title: attr(node, xlink, 'title')?.trim() || null,
    uuidref: attr(node, '', 'uuidref')?.trim() || null,
  };
}

function coupledResourceOf(node: XNode): IsoCoupledResource {
  const scoped = descendants(node, gco, 'ScopedName')[0];
  return {
    identifier: textOf(child(node, srv, 'identifier'))?.text ?? null,
    operationName: textOf(child(node, srv, 'operationName'))?.text ?? null,
    scopedName: scoped ? clean(scoped.text) || null : null,
  };
}

function operationOf(node: XNode): IsoServiceOperation {
  const urls: string[] = [];
  for (const cp of children(node, srv, 'connectPoint')) {
    const url = urlOf(child(firstChild(cp), gmd, 'linkage'));
    if (url) urls.push(url);
  }
  return { name: textOf(child(node, srv, 'operationName'))?.text ?? null, urls };
}

// --- value helpers -----------------------------------------------------------------------------

/** Text of a CharacterString-like property: gco:CharacterString, gmx:Anchor (+href), PT_FreeText. */
export function textOf(property: XNode | undefined): IsoText | null {
  if (!property) return null;
  for (const c of property.children) {
    if (c.uri === gco) {
      if (c.local === 'CharacterString' || c.local === 'LocalName' || c.local === 'ScopedName') {
        const text = clean(c.text);
        return text ? { text } : null;
      }
    } else if (c.uri === gmx) {
      if (c.local === 'Anchor' || c.local === 'FileName' || c.local === 'MimeFileType') {
        const text = clean(c.text);
        const href = attr(c, xlink, 'href')?.trim() || attr(c, '', 'src')?.trim();
        if (!text && !href) return null;
        return href ? { href, text } : { text };
      }
    }
  }
  // Only a PT_FreeText: its first localised string.
  const localised = descendants(
    child(property, gmd, 'PT_FreeText'),
    gmd,
    'LocalisedCharacterString',
  )[0];
  const text = localised ? clean(localised.text) : '';
  return text ? { text } : null;
}

/** Value of a code list property: `@codeListValue`, else the element's text. */
function codeOf(property: XNode | undefined): string | null {
  const code = firstChild(property);
  if (!code) return null;
  const value = attr(code, '', 'codeListValue')?.trim();
  if (value) return value;
  return clean(code.text) || null;
}

function languageOf(property: XNode | undefined): string | null {
  if (!property) return null;
  const code = child(property, gmd, 'LanguageCode');
  if (code) return codeOf(property);
  return textOf(property)?.text ?? null;
}

function dateOf(property: XNode | undefined): string | null {
  if (!property) return null;
  for (const c of property.children) {
    if (c.uri === gco && (c.local === 'Date' || c.local === 'DateTime'))
      return clean(c.text) || null;
  }
  return null;
}

function urlOf(linkage: XNode | undefined): string | null {
  const url = child(linkage, gmd, 'URL');
  if (url) return clean(url.text) || null;
  return textOf(linkage)?.text ?? null;
}

function numberText(property: XNode): string | null {
  for (const c of property.children) {
    if (c.uri === gco && (c.local === 'Decimal' || c.local === 'Real' || c.local === 'Integer')) {
      return clean(c.text);
    }
  }
  return textOf(property)?.text ?? null;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function parseNumber(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function clean(text: string): string {
  return text.trim();
}

function isString(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
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
