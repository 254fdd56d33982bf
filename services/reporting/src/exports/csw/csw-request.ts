import { attr, children, NS, readXmlTree, type XNode } from '@dpi/csw';
import { CswException } from './exception';
import { filterFromCql, filterFromXml, queryableOf, type Filter, type Queryable } from './filter';

/**
 * A CSW 2.0.2 request, read from KVP (GET) or from its XML encoding (POST) into one shape. Pure
 * apart from reading the XML: what the service answers is decided from this value alone.
 */
export const CSW_OUTPUT_SCHEMA = NS.csw;
export const ISO_OUTPUT_SCHEMA = NS.gmd;
export const OUTPUT_SCHEMAS = [CSW_OUTPUT_SCHEMA, ISO_OUTPUT_SCHEMA] as const;
export type OutputSchema = 'dc' | 'iso';
export type ElementSet = 'brief' | 'summary' | 'full';
export const TYPE_NAMES = ['csw:Record', 'gmd:MD_Metadata'] as const;
export const OUTPUT_FORMATS = ['application/xml', 'text/xml'] as const;
/** Default and largest page of GetRecords (larger maxRecords are served in pages of this size). */
export const DEFAULT_MAX_RECORDS = 10;
export const MAX_RECORDS = 500;
/** GetRecordById ids per request. */
export const MAX_IDS = 100;

export interface SortKey {
  property: Exclude<Queryable, 'BoundingBox' | 'AnyText' | 'Subject'>;
  descending: boolean;
}

interface Presentation {
  outputSchema: OutputSchema;
  elementSet: ElementSet;
}

export type CswRequest =
  | { request: 'GetCapabilities' }
  | { request: 'DescribeRecord'; typeNames: string[] }
  | ({
      request: 'GetRecords';
      resultType: 'hits' | 'results';
      startPosition: number;
      maxRecords: number;
      filter: Filter | null;
      sortBy: SortKey[];
    } & Presentation)
  | ({ request: 'GetRecordById'; ids: string[] } & Presentation);

export const OPERATIONS = [
  'GetCapabilities',
  'DescribeRecord',
  'GetRecords',
  'GetRecordById',
] as const;
type Operation = (typeof OPERATIONS)[number];

const missing = (locator: string) =>
  new CswException('MissingParameterValue', `parameter ${locator} is missing`, locator);
const invalid = (locator: string, message: string) =>
  new CswException('InvalidParameterValue', message, locator);

function operationOf(name: string | undefined): Operation {
  if (!name) throw missing('request');
  const known = OPERATIONS.find((o) => o.toLowerCase() === name.toLowerCase());
  if (!known)
    throw new CswException(
      'OperationNotSupported',
      `operation ${name} is not offered; offered: ${OPERATIONS.join(', ')}`,
      'request',
    );
  return known;
}

/**
 * `service` must be CSW. `version` must be 2.0.2 when given; a request without it is read as
 * 2.0.2 (the only version offered), as GeoNetwork and pycsw do, although 07-006r1 requires it.
 */
function checkServiceAndVersion(service: string | undefined, version: string | undefined) {
  if (service === undefined) throw missing('service');
  if (service.toUpperCase() !== 'CSW')
    throw invalid('service', `service must be CSW, not ${service}`);
  if (version !== undefined && version !== '2.0.2')
    throw new CswException(
      'VersionNegotiationFailed',
      `version ${version} is not offered; use 2.0.2`,
      'version',
    );
}

function outputSchemaOf(value: string | undefined): OutputSchema {
  if (value === undefined || value === CSW_OUTPUT_SCHEMA || value === 'csw:Record') return 'dc';
  if (value === ISO_OUTPUT_SCHEMA) return 'iso';
  throw invalid(
    'outputSchema',
    `outputSchema ${value} is not offered; offered: ${OUTPUT_SCHEMAS.join(', ')}`,
  );
}

function elementSetOf(value: string | undefined): ElementSet {
  if (value === undefined) return 'summary';
  const set = value.trim().toLowerCase();
  if (set === 'brief' || set === 'summary' || set === 'full') return set;
  throw invalid('ElementSetName', `ElementSetName must be brief, summary or full, not ${value}`);
}

function outputFormatOf(value: string | undefined): void {
  if (value !== undefined && !(OUTPUT_FORMATS as readonly string[]).includes(value))
    throw invalid('outputFormat', `outputFormat must be application/xml, not ${value}`);
}

function typeNamesOf(value: string | undefined, locator: string): string[] {
  const names = (value ?? '').split(/[\s,]+/).filter(Boolean);
  for (const name of names) {
    const local = name.replace(/^.*:/, '');
    if (local !== 'Record' && local !== 'MD_Metadata')
      throw invalid(locator, `type ${name} is not offered; offered: ${TYPE_NAMES.join(', ')}`);
  }
  return names;
}

function integerOf(
  value: string | undefined,
  locator: string,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\s*\d{1,10}\s*$/.test(value))
    throw invalid(locator, `${locator} must be an integer ≥ ${min}`);
  const n = Number(value);
  if (n < min || n > 1_000_000_000)
    throw invalid(locator, `${locator} must be an integer ≥ ${min} and ≤ 1000000000`);
  return n;
}

function resultTypeOf(value: string | undefined): 'hits' | 'results' {
  if (value === undefined) return 'hits';
  const type = value.toLowerCase();
  if (type === 'hits' || type === 'results') return type;
  throw invalid('resultType', `resultType must be hits or results, not ${value}`);
}

const SORTABLE: Record<string, SortKey['property']> = {
  Title: 'Title',
  Abstract: 'Abstract',
  Modified: 'Modified',
  Identifier: 'Identifier',
  Type: 'Type',
};

function sortKey(property: string, order: string): SortKey {
  const queryable = SORTABLE[queryableOf(property)];
  if (!queryable)
    throw invalid(
      'SortBy',
      `cannot sort by ${property}; sortable: ${Object.keys(SORTABLE).join(', ')}`,
    );
  const o = order.toUpperCase();
  if (!['A', 'D', 'ASC', 'DESC', ''].includes(o))
    throw invalid('SortBy', `sort order must be ASC or DESC, not ${order}`);
  return { property: queryable, descending: o.startsWith('D') };
}

const MAX_CONSTRAINT_CHARS = 100_000;

async function xmlOf(text: string, locator: string): Promise<XNode> {
  if (text.length > MAX_CONSTRAINT_CHARS)
    throw invalid(locator, `${locator} longer than ${MAX_CONSTRAINT_CHARS} characters`);
  try {
    return await readXmlTree(text, { maxDepth: 64, maxTextNodeChars: MAX_CONSTRAINT_CHARS });
  } catch (error) {
    throw invalid(locator, `${locator} is not well-formed XML: ${(error as Error).message}`);
  }
}

/** A GET request's query parameters; names are case-insensitive (OGC 06-121r3, 11.5.2). */
export async function requestFromKvp(query: Record<string, unknown>): Promise<CswRequest> {
  const params = new Map<string, string>();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) throw invalid(key, `parameter ${key} is given more than once`);
    if (typeof value === 'string') params.set(key.toLowerCase(), value);
  }
  const get = (name: string) => params.get(name.toLowerCase());
  // Every parameter with a value of its own is checked whatever the operation, so that a wrong
  // value is never silently ignored (the OpenAPI document states these values per parameter).
  const version = get('version');
  if (version !== undefined && version !== '2.0.2')
    throw new CswException(
      'VersionNegotiationFailed',
      `version ${version} is not offered; use 2.0.2`,
      'version',
    );
  outputFormatOf(get('outputFormat'));
  const presentation = {
    outputSchema: outputSchemaOf(get('outputSchema')),
    elementSet: elementSetOf(get('ElementSetName')),
  };
  const resultType = resultTypeOf(get('resultType'));
  const startPosition = integerOf(get('startPosition'), 'startPosition', 1, 1);
  const maxRecords = integerOf(get('maxRecords'), 'maxRecords', DEFAULT_MAX_RECORDS, 0);
  typeNamesOf(get('typeNames'), 'typeNames');
  const typeNames = typeNamesOf(get('TypeName'), 'TypeName');
  const language = get('constraintLanguage')?.toUpperCase();
  if (language !== undefined && language !== 'FILTER' && language !== 'CQL_TEXT')
    throw invalid('constraintLanguage', 'constraintLanguage must be FILTER or CQL_TEXT');
  const languageVersion = get('constraint_language_version');
  if (languageVersion !== undefined && languageVersion !== '1.1.0')
    throw invalid('constraint_language_version', 'constraint_language_version must be 1.1.0');
  const op = operationOf(get('request'));
  checkServiceAndVersion(get('service'), version);
  if (op === 'GetCapabilities') {
    const accept = get('AcceptVersions');
    if (accept && !accept.split(',').includes('2.0.2'))
      throw new CswException(
        'VersionNegotiationFailed',
        `none of ${accept} is offered; use 2.0.2`,
        'AcceptVersions',
      );
    return { request: op };
  }
  if (op === 'DescribeRecord') return { request: op, typeNames };
  if (op === 'GetRecordById') {
    const ids = (get('Id') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length === 0) throw missing('Id');
    if (ids.length > MAX_IDS) throw invalid('Id', `at most ${MAX_IDS} ids per request`);
    return { request: op, ids, ...presentation };
  }
  let filter: Filter | null = null;
  const constraint = get('constraint');
  if (constraint !== undefined && constraint.trim() !== '') {
    if (language === 'FILTER') filter = filterFromXml(await xmlOf(constraint, 'Constraint'));
    else if (language === 'CQL_TEXT') filter = filterFromCql(constraint);
    else throw missing('constraintLanguage');
  }
  const sortBy = (get('sortBy') ?? '')
    .split(',')
    .filter(Boolean)
    .map((part) => {
      const at = part.lastIndexOf(':');
      const order = at > 0 ? part.slice(at + 1) : '';
      return /^(A|D|ASC|DESC)$/i.test(order)
        ? sortKey(part.slice(0, at), order)
        : sortKey(part, '');
    });
  return {
    request: 'GetRecords',
    resultType,
    startPosition,
    maxRecords,
    filter,
    sortBy,
    ...presentation,
  };
}

const csw = (node: XNode, local: string) => children(node, NS.csw, local);
const textOf = (node: XNode | undefined) => (node?.text ?? '').trim();

/** A POSTed request document (CSW 2.0.2 XML encoding). */
export async function requestFromXml(body: string): Promise<CswRequest> {
  const root = await xmlOf(body, 'request');
  if (root.uri !== NS.csw)
    throw new CswException(
      'OperationNotSupported',
      `{${root.uri}}${root.local} is not a CSW 2.0.2 request`,
      'request',
    );
  const op = operationOf(root.local);
  const a = (name: string) => attr(root, '', name);
  checkServiceAndVersion(a('service'), a('version'));
  if (op === 'GetCapabilities') return { request: op };
  if (op === 'DescribeRecord')
    return {
      request: op,
      typeNames: csw(root, 'TypeName').flatMap((t) => typeNamesOf(textOf(t), 'TypeName')),
    };
  outputFormatOf(a('outputFormat'));
  if (op === 'GetRecordById') {
    const ids = csw(root, 'Id').map(textOf).filter(Boolean);
    if (ids.length === 0) throw missing('Id');
    if (ids.length > MAX_IDS) throw invalid('Id', `at most ${MAX_IDS} ids per request`);
    return {
      request: op,
      ids,
      outputSchema: outputSchemaOf(a('outputSchema')),
      elementSet: elementSetOf(textOf(csw(root, 'ElementSetName')[0]) || undefined),
    };
  }
  const query = csw(root, 'Query')[0];
  if (!query) throw missing('Query');
  typeNamesOf(attr(query, '', 'typeNames'), 'typeNames');
  let filter: Filter | null = null;
  const constraint = csw(query, 'Constraint')[0];
  if (constraint) {
    const ogcFilter = children(constraint, NS.ogc, 'Filter')[0];
    const cql = csw(constraint, 'CqlText')[0];
    if (ogcFilter) filter = filterFromXml(ogcFilter);
    else if (cql) filter = filterFromCql(textOf(cql));
    else throw invalid('Constraint', 'csw:Constraint needs an ogc:Filter or a csw:CqlText');
  }
  const sortBy = children(
    children(query, NS.ogc, 'SortBy')[0] ?? undefined,
    NS.ogc,
    'SortProperty',
  ).map((p) =>
    sortKey(
      textOf(children(p, NS.ogc, 'PropertyName')[0]),
      textOf(children(p, NS.ogc, 'SortOrder')[0]),
    ),
  );
  return {
    request: 'GetRecords',
    resultType: resultTypeOf(a('resultType')),
    startPosition: integerOf(a('startPosition'), 'startPosition', 1, 1),
    maxRecords: integerOf(a('maxRecords'), 'maxRecords', DEFAULT_MAX_RECORDS, 0),
    filter,
    sortBy,
    outputSchema: outputSchemaOf(a('outputSchema')),
    elementSet: elementSetOf(textOf(csw(query, 'ElementSetName')[0]) || undefined),
  };
}
