/**
 * The reporting API's answers as the page uses them (`services/reporting/src/overview/dto/views.ts`
 * and `handlungsbedarfe/dto/views.ts` are the source; OpenAPI at `/api/docs-json`). Responses are
 * checked for the fields the page relies on before use: a reporting service of another version
 * gives "unexpected data", never a half-drawn page.
 */

export interface SeverityCounts {
  high: number;
  medium: number;
  low: number;
  info: number;
}

export interface QualityScore {
  datasets: number;
  score: number | null;
  rating: string | null;
}

export interface LandOverview {
  code: string;
  abbr: string;
  name: string;
  platforms: number;
  twins: number;
  datasets: number;
  openDatasets: number;
  openDataShare: number | null;
  endpoints: number;
  maxMaturity: number | null;
  findings: SeverityCounts;
  quality: QualityScore;
}

export interface LandsView {
  laender: LandOverview[];
  generatedAt: string;
  /** When the figures were computed (the reporting service's aggregates), older than generatedAt. */
  asOf: string;
}

export interface CountOf {
  value: string;
  count: number;
  laender: string[];
}

export interface Summary {
  platforms: number;
  twins: number;
  datasets: number;
  openDatasets: number;
  openDataShare: number | null;
  endpoints: number;
  maturity: Record<string, number>;
  standards: CountOf[];
  threeDFormats: CountOf[];
  findings: SeverityCounts;
  quality: QualityScore;
  harvest: { sources: number; failing: number; stale: number };
  generatedAt: string;
}

export interface InventoryItem {
  kind: string;
  id: string;
  landCode: string | null;
  landName: string | null;
  title: string;
  description: string;
  type: string;
  status: string | null;
  themes: string[];
  maturityLevel: number | null;
  openData: boolean | null;
  url: string | null;
  /** GeoJSON geometry in WGS84. */
  geometry: { type: string } | null;
  bbox: number[] | null;
}

export interface ItemsPage {
  items: InventoryItem[];
  nextCursor: string | null;
  total: number;
}

export interface CoverageMatrix {
  dimension: string;
  columns: string[];
  rows: { landCode: string; landName: string; cells: number[]; covered: number }[];
  laenderCovered: number[];
}

export interface Finding {
  id: string;
  ruleId: string;
  title: string;
  severity: string;
  rationale: string;
  landCode: string | null;
  recordKind: string;
  recordIds: string[];
  evidence: Record<string, unknown>;
  firstSeenAt: string;
  updatedAt: string;
}

export interface FindingsPage {
  items: Finding[];
  nextCursor: string | null;
  total: number;
}

export interface HarvestSource {
  sourceId: string;
  sourceName: string;
  landCode: string | null;
  latestState: string;
  latestMatched: number;
  latestReceived: number;
  lastFinishedState: string | null;
  lastMessage: string | null;
  lastSuccessAt: string | null;
  successRate: number | null;
  stale: boolean;
}

export interface HarvestStatus {
  sources: HarvestSource[];
  generatedAt: string;
}

/** The response did not have the agreed shape. */
export class FormatError extends Error {
  override name = 'FormatError';
}

type Check = (value: unknown, path: string) => void;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fail = (path: string, what: string): never => {
  throw new FormatError(`${path} must be ${what}`);
};

const count: Check = (v, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(p, 'a non-negative integer');
};
const number: Check = (v, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(p, 'a number');
};
const string: Check = (v, p) => {
  if (typeof v !== 'string') fail(p, 'a string');
};
const boolean: Check = (v, p) => {
  if (typeof v !== 'boolean') fail(p, 'true or false');
};
const nullable =
  (check: Check): Check =>
  (v, p) => {
    if (v !== null) check(v, p);
  };
const array =
  (check: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) fail(p, 'an array');
    (v as unknown[]).forEach((entry, i) => check(entry, `${p}[${i}]`));
  };
const object =
  (shape: Record<string, Check>): Check =>
  (v, p) => {
    if (!isRecord(v)) fail(p, 'an object');
    for (const [key, check] of Object.entries(shape))
      check((v as Record<string, unknown>)[key], `${p}.${key}`);
  };
const anyObject: Check = (v, p) => {
  if (!isRecord(v)) fail(p, 'an object');
};

const severityCounts = object({ high: count, medium: count, low: count, info: count });
const quality = object({ datasets: count, score: nullable(number), rating: nullable(string) });

const landOverview = object({
  code: string,
  abbr: string,
  name: string,
  platforms: count,
  twins: count,
  datasets: count,
  openDatasets: count,
  openDataShare: nullable(number),
  endpoints: count,
  maxMaturity: nullable(count),
  findings: severityCounts,
  quality,
});

const countOf = object({ value: string, count, laender: array(string) });

const item = object({
  kind: string,
  id: string,
  landCode: nullable(string),
  landName: nullable(string),
  title: string,
  type: string,
  status: nullable(string),
  themes: array(string),
  maturityLevel: nullable(count),
  openData: nullable(boolean),
  url: nullable(string),
  geometry: nullable(anyObject),
  bbox: nullable(array(number)),
});

const finding = object({
  id: string,
  ruleId: string,
  title: string,
  severity: string,
  rationale: string,
  landCode: nullable(string),
  recordKind: string,
  recordIds: array(string),
  evidence: anyObject,
  firstSeenAt: string,
});

const harvestSource = object({
  sourceId: string,
  sourceName: string,
  landCode: nullable(string),
  latestState: string,
  latestMatched: count,
  latestReceived: count,
  lastFinishedState: nullable(string),
  lastSuccessAt: nullable(string),
  successRate: nullable(number),
  stale: boolean,
});

const SHAPES = {
  laender: object({ laender: array(landOverview), generatedAt: string, asOf: string }),
  summary: object({
    platforms: count,
    twins: count,
    datasets: count,
    maturity: anyObject,
    standards: array(countOf),
    threeDFormats: array(countOf),
    findings: severityCounts,
    quality,
    harvest: object({ sources: count, failing: count, stale: count }),
    generatedAt: string,
  }),
  items: object({ items: array(item), nextCursor: nullable(string), total: count }),
  coverage: object({
    dimension: string,
    columns: array(string),
    rows: array(
      object({ landCode: string, landName: string, cells: array(count), covered: count }),
    ),
    laenderCovered: array(count),
  }),
  findings: object({ items: array(finding), nextCursor: nullable(string), total: count }),
  harvest: object({ sources: array(harvestSource), generatedAt: string }),
};

export interface Shapes {
  laender: LandsView;
  summary: Summary;
  items: ItemsPage;
  coverage: CoverageMatrix;
  findings: FindingsPage;
  harvest: HarvestStatus;
}

/** Checks an untrusted response body against the shape the page relies on and returns it typed. */
export function parseResponse<K extends keyof Shapes>(kind: K, body: unknown): Shapes[K] {
  SHAPES[kind](body, kind);
  return body as Shapes[K];
}
