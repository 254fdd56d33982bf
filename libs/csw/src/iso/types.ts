/** A character string of ISO 19139: `gco:CharacterString` (text only) or `gmx:Anchor` (text + href). */
export interface IsoText {
  text: string;
  href?: string;
}

export type IsoIssueSeverity = 'error' | 'warning';

/** A problem of one record. Errors make the record unusable for the harvester; warnings do not. */
export interface IsoIssue {
  severity: IsoIssueSeverity;
  code: IsoIssueCode;
  message: string;
}

export type IsoIssueCode =
  | 'MISSING_FILE_IDENTIFIER'
  | 'MISSING_TITLE'
  | 'MISSING_DATESTAMP'
  | 'MISSING_HIERARCHY_LEVEL'
  | 'MISSING_IDENTIFICATION_INFO'
  | 'HIERARCHY_LEVEL_MISMATCH'
  | 'INVALID_NUMBER'
  | 'INVALID_BBOX'
  | 'LICENCE_JSON_INVALID'
  | 'LICENCE_AMBIGUOUS'
  | 'UNEXPECTED_ELEMENT'
  | 'ELEMENT_ORDER'
  | 'NAMESPACE'
  | 'RECORD_TOO_LARGE'
  | 'EXTRACTION_FAILED';

export interface IsoKeyword {
  keyword: string;
  /** `gmx:Anchor/@xlink:href` of the keyword (e.g. the INSPIRE registry URI of a theme). */
  href?: string;
  /** `MD_KeywordTypeCode` (theme, place …). */
  type: string | null;
  thesaurus: IsoThesaurus | null;
}

export interface IsoThesaurus {
  title: string;
  href?: string;
  date: string | null;
}

/**
 * A licence in the GDI-DE convention: a JSON object in `gmd:otherConstraints`
 * (`{"id":"dl-zero-de/2.0","name":…,"url":…,"quelle":…}`), mapped to the dcat-ap.de licence URI.
 */
export interface IsoLicence {
  /** dcat-ap.de licence id, e.g. `dl-zero-de/2.0`, `geoNutz/20130319`. */
  id: string;
  /** `http://dcat-ap.de/def/licenses/<id>`. */
  uri: string;
  name: string | null;
  url: string | null;
  /** Attribution (`quelle`). */
  source: string | null;
  /** The free-text use constraints beside the JSON, kept verbatim. */
  text: string[];
}

export interface IsoConstraints {
  /** `MD_RestrictionCode` values of `gmd:accessConstraints`. */
  accessCodes: string[];
  /** `gmd:otherConstraints` of legal constraints about access (INSPIRE LimitationsOnPublicAccess). */
  access: IsoText[];
  /** `MD_RestrictionCode` values of `gmd:useConstraints`. */
  useCodes: string[];
  /** `gmd:otherConstraints` about use (conditions, licence texts; licence JSON excluded). */
  use: IsoText[];
  useLimitations: string[];
  /** `MD_ClassificationCode` of security constraints. */
  classification: string | null;
}

export type IsoPartySource = 'metadata' | 'resource' | 'citation' | 'distributor';

export interface IsoParty {
  organisation: string | null;
  individual: string | null;
  position: string | null;
  /** `CI_RoleCode` (pointOfContact, custodian, publisher …). */
  role: string | null;
  emails: string[];
  url: string | null;
  /** Where in the record the party stands. */
  source: IsoPartySource;
}

export interface IsoBbox {
  west: number;
  east: number;
  south: number;
  north: number;
}

export interface IsoTemporalExtent {
  begin: string | null;
  end: string | null;
  /** `indeterminatePosition` of begin/end (`now`, `unknown` …), when given. */
  beginIndeterminate?: string;
  endIndeterminate?: string;
}

export interface IsoIdentifier {
  code: string;
  codeSpace: string | null;
  href?: string;
}

export interface IsoCitationDate {
  /** `CI_DateTypeCode`: creation, publication, revision. */
  type: string | null;
  date: string;
}

export type NormalisedProtocol =
  | 'WMS'
  | 'WFS'
  | 'WMTS'
  | 'WCS'
  | 'ATOM'
  | 'OGC API Features'
  | 'OGC API Records'
  | 'CSW'
  | 'download'
  | 'website'
  | 'other';

export interface IsoOnlineResource {
  url: string;
  /** The protocol as written (`OGC:WMS-1.3.0-http-get-capabilities`, `OGC Web Map Service` …). */
  protocol: string | null;
  /** `gmx:Anchor/@xlink:href` of the protocol, when given. */
  protocolHref?: string;
  protocolNormalised: NormalisedProtocol;
  name: string | null;
  description: string | null;
  /** `CI_OnLineFunctionCode` (download, information …). */
  function: string | null;
  applicationProfile: string | null;
}

export interface IsoOperatesOn {
  uuidref: string | null;
  href: string | null;
  title: string | null;
}

export interface IsoCoupledResource {
  operationName: string | null;
  identifier: string | null;
  scopedName: string | null;
}

export interface IsoServiceOperation {
  name: string | null;
  urls: string[];
}

export type HierarchyLevel =
  | 'dataset'
  | 'series'
  | 'service'
  | 'application'
  | 'nonGeographicDataset'
  | 'collectionSession'
  | 'tile'
  | 'model'
  | 'feature'
  | 'featureType'
  | 'attribute'
  | 'attributeType'
  | 'collectionHardware'
  | 'fieldSession'
  | 'software'
  | 'dimensionGroup'
  | 'propertyType';

/** The fields of one ISO 19139 record that the inventory uses. Absent values are `null` / `[]`. */
export interface IsoRecord {
  fileIdentifier: string | null;
  parentIdentifier: string | null;
  /** Metadata language (ISO 639-2, e.g. `ger`, `eng`). */
  language: string | null;
  /** `MD_ScopeCode`; `dataset` when the record gives none (the ISO 19115 default). */
  hierarchyLevel: string;
  hierarchyLevelName: string | null;
  /** `gco:Date` or `gco:DateTime`, as written. */
  dateStamp: string | null;
  title: string | null;
  alternateTitles: string[];
  abstract: string | null;
  citationDates: IsoCitationDate[];
  resourceIdentifiers: IsoIdentifier[];
  keywords: IsoKeyword[];
  /** The GDI-DE markers among the keywords. */
  flags: { opendata: boolean; inspireidentifiziert: boolean };
  topicCategories: string[];
  licence: IsoLicence | null;
  constraints: IsoConstraints;
  parties: IsoParty[];
  bboxes: IsoBbox[];
  temporalExtents: IsoTemporalExtent[];
  onlineResources: IsoOnlineResource[];
  /** `srv:serviceType` (`view`, `download`, `discovery` …) of a service record. */
  serviceType: string | null;
  serviceTypeVersions: string[];
  couplingType: string | null;
  operatesOn: IsoOperatesOn[];
  coupledResources: IsoCoupledResource[];
  operations: IsoServiceOperation[];
  issues: IsoIssue[];
  /** SHA-256 (hex) of the canonical JSON of every field above except `issues`. */
  checksum: string;
  /**
   * The record as harvested: its `gmd:MD_Metadata` (or `gmi:MI_Metadata`) element as Canonical XML
   * 1.0, a standalone document. Only when parsed with `keepDocument`; not part of `checksum`.
   */
  document?: string;
  /**
   * SHA-256 (hex) of the document's namespace-neutral form (see `CanonicalWriter.neutral`): equal
   * for two spellings of one record (other prefixes, a default namespace). With `document` only.
   */
  documentChecksum?: string;
}

/** A record of another schema in a GetRecords response (e.g. `csw:Record` when the server ignored outputSchema). */
export interface ForeignRecord {
  /** `csw:Record`, `csw:BriefRecord`, `csw:SummaryRecord`, or `{uri}local` of anything else. */
  schema: string;
  identifier: string | null;
  title: string | null;
  type: string | null;
  modified: string | null;
}

export interface SearchResultsInfo {
  numberOfRecordsMatched: number | null;
  numberOfRecordsReturned: number | null;
  /** `null` when the attribute is missing or not a number. */
  nextRecord: number | null;
  elementSet: string | null;
  recordSchema: string | null;
}

export interface IsoParseResult {
  /** `{uri}local` of the root element. */
  rootElement: string;
  documentKind: 'GetRecordsResponse' | 'GetRecordByIdResponse' | 'MD_Metadata';
  searchResults: SearchResultsInfo | null;
  /** `csw:SearchStatus/@timestamp`. */
  timestamp: string | null;
  isoRecords: number;
  foreignRecords: number;
  /** XML comments directly inside `csw:SearchResults` (GeoNetwork writes them in place of failed records). */
  commentsInResults: number;
  /** Page-level oddities (missing/invalid SearchResults attributes, comments …). */
  warnings: string[];
  /** Characters read. */
  chars: number;
}
