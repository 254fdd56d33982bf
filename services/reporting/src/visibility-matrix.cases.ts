/**
 * The reporting visibility matrix's decisions (issue 17), apart from its machinery
 * (visibility-matrix.int-spec.ts): what each GET operation shows, who calls, what each cell must
 * be. A new GET operation of reporting's OpenAPI document must be added to OPERATIONS here, or the
 * matrix fails.
 */
export const ADMIN_TOKEN = 'reporting-matrix-admin-0123456789';
export const OWN_LAND = 'DE-BB';
export const OTHER_LAND = 'DE-BE';
/** A word every probe record carries, for the searches (`q`). */
export const WORD = 'Sichtbarkeitsmatrix';

/**
 * What an operation shows, decided per operation:
 * - `records`: inventory records, NON_PUBLIC ones to those who may see them. Negative control:
 *   the own Land's editor and reviewers see the NON_PUBLIC records there, and every caller sees
 *   the public ones (so "hidden" is not an empty answer).
 * - `published records only`: the DCAT-AP.de catalogue, which is for other catalogues (GovData)
 *   to harvest: never NON_PUBLIC records, whoever asks; every caller sees the public dataset.
 * - `no records`: aggregates, reference data, rules, the caller's own identity: statistics at
 *   most, naming no record to anyone.
 */
export type Shows = 'records' | 'published records only' | 'no records';
export const OPERATIONS: Record<string, Shows> = {
  '/api/v1/items': 'records',
  '/api/v1/exports/items.csv': 'records',
  '/api/v1/ogc/collections/{collectionId}/items': 'records',
  '/api/v1/ogc/collections/{collectionId}/items/{recordId}': 'records',
  '/api/v1/csw': 'records',
  '/api/v1/findings': 'records',
  '/api/v1/exports/findings.csv': 'records',
  '/api/v1/exports/report.pdf': 'records',
  '/api/v1/events': 'records',
  // Issue 21: the Land profile lists the Land's platforms; a dataset's quality names it.
  '/api/v1/laender/{code}/profile': 'records',
  '/api/v1/items/{id}/quality': 'records',
  // Issue 22: the open records of a survey round (holding the probe records), as CSV.
  '/api/v1/rounds/{roundId}/open-items.csv': 'records',
  // Issue 22, part 5: the same list as a PDF to send to the Länder.
  '/api/v1/rounds/{roundId}/open-items.pdf': 'records',
  '/api/v1/dcat/catalog': 'published records only',
  '/api/v1/dcat/catalog.ttl': 'published records only',
  '/api/v1/dcat/catalog.jsonld': 'published records only',
  '/api/v1/dcat/catalog.rdf': 'published records only',
  '/api/v1/dcat/catalog.nt': 'published records only',
  '/api/v1/summary': 'no records',
  '/api/v1/inventory/summary': 'no records',
  '/api/v1/laender': 'no records',
  '/api/v1/laender/{code}': 'no records',
  '/api/v1/coverage': 'no records',
  '/api/v1/quality': 'no records',
  '/api/v1/quality/dimensions': 'no records',
  '/api/v1/trends': 'no records',
  '/api/v1/harvest/sources': 'no records',
  '/api/v1/exports/laender.csv': 'no records',
  '/api/v1/exports/coverage.csv': 'no records',
  '/api/v1/exports/quality.csv': 'no records',
  '/api/v1/exports/harvest-sources.csv': 'no records',
  '/api/v1/rules': 'no records',
  // Issue 21: findings counted per rule or Land (labels, counts, links); the method page.
  '/api/v1/findings/groups': 'no records',
  '/api/v1/method': 'no records',
  // Issue 22: survey rounds and each Land's progress (counts).
  '/api/v1/rounds': 'no records',
  '/api/v1/rounds/{roundId}/progress': 'no records',
  // Issue 22, part 5: the dashboard's round and a Land's round history (counts).
  '/api/v1/rounds/progress': 'no records',
  '/api/v1/rounds/history': 'no records',
  '/api/v1/viewer': 'no records',
  '/api/v1/ogc': 'no records',
  '/api/v1/ogc/conformance': 'no records',
  '/api/v1/ogc/collections': 'no records',
  '/api/v1/ogc/collections/{collectionId}': 'no records',
  '/api/v1/ogc/collections/{collectionId}/queryables': 'no records',
};

export type Caller =
  'anonymous' | 'other Land editor' | 'own Land editor' | 'reviewer' | 'unknown or malformed token';
export const CALLERS: readonly Caller[] = [
  'anonymous',
  'other Land editor',
  'own Land editor',
  'reviewer',
  'unknown or malformed token',
];
export const MAY_SEE_NON_PUBLIC: ReadonlySet<Caller> = new Set(['own Land editor', 'reviewer']);

/** sees / hidden: whether the response names a NON_PUBLIC record; refused: 401. */
export type Cell = 'sees' | 'hidden' | 'refused';

export const expectedCell = (shows: Shows, caller: Caller): Cell => {
  if (caller === 'unknown or malformed token') return 'refused';
  return shows === 'records' && MAY_SEE_NON_PUBLIC.has(caller) ? 'sees' : 'hidden';
};

/**
 * Representations an operation serves that its document entry does not name (it has no response
 * content): read each of them too.
 */
export const UNDECLARED_REPRESENTATIONS: Record<string, string[]> = {
  '/api/v1/dcat/catalog': [
    'text/turtle',
    'application/ld+json',
    'application/rdf+xml',
    'application/n-triples',
  ],
  '/api/v1/events': ['text/event-stream'],
};

/**
 * The requests of operations whose parameters the generic probe cannot fill (CSW's KVP: a request
 * without `request=` is an ExceptionReport): every record kind, both output schemas, by id.
 */
export const OWN_QUERIES: Record<string, (fixture: Fixture) => string[][]> = {
  // The report of all Länder and the Länderbericht of the probe records' Land.
  '/api/v1/exports/report.pdf': () => [[], [`land=${OWN_LAND}`]],
  // The Land is required; the probe records' Land and another.
  '/api/v1/rounds/history': () => [[`land=${OWN_LAND}`], [`land=${OTHER_LAND}`]],
  // All Länder's open items and the probe records' Land's.
  '/api/v1/rounds/{roundId}/open-items.pdf': () => [[], [`land=${OWN_LAND}`]],
  '/api/v1/csw': (f) => {
    const records = ['service=CSW', 'version=2.0.2', 'ElementSetName=full'];
    const iso = `outputSchema=${encodeURIComponent('http://www.isotc211.org/2005/gmd')}`;
    const byId = `Id=${[f.secretPlatform, f.secretDataset, f.publicPlatform, f.publicDataset, f.twin]}`;
    const getRecords = [...records, 'request=GetRecords', 'resultType=results', 'maxRecords=500'];
    return [
      getRecords,
      [...getRecords, iso],
      [
        ...getRecords,
        'constraintLanguage=CQL_TEXT',
        `constraint=AnyText%20LIKE%20%27%25${WORD}%25%27`,
      ],
      [...records, 'request=GetRecordById', byId],
      [...records, 'request=GetRecordById', byId, iso],
    ];
  },
};

export interface Operation {
  path: string;
  query: { name: string; maximum?: number }[];
  produces: string[];
}

export interface Fixture {
  secretPlatform: string;
  secretDataset: string;
  publicPlatform: string;
  publicDataset: string;
  twin: string;
  /** A survey round (issue 22) holding the probe records, all of them open. */
  roundId: string;
  /** Words only the NON_PUBLIC records carry (name and description). */
  secretMarkers: string[];
  /** A word only the public platform carries. */
  publicMarker: string;
}

/** One response as the matrix reads it: status and the text a reader sees. */
export interface Read {
  url: string;
  status: number;
  text: string;
}

export const isStream = (operation: Operation) => operation.produces.includes('text/event-stream');

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
