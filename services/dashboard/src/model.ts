/**
 * The reporting API's answers as the page uses them. The types are generated from reporting's
 * OpenAPI document (src/generated/reporting-api.ts, scripts/api-types.mjs), never written by hand:
 * an incompatible change of the API fails the dashboard's typecheck (api-types.int-spec.ts
 * regenerates them from the current build). Responses are still checked at run time for the fields
 * the page relies on: a reporting service of another version gives "unexpected data", never a
 * half-drawn page.
 */
import type { components } from './generated/reporting-api';

type Schemas = components['schemas'];

export type SeverityCounts = Schemas['SeverityCounts'];
export type QualityScore = Schemas['QualityScore'];
export type LandOverview = Schemas['LandOverview'];
export type LandsView = Schemas['LandsView'];
export type CountOf = Schemas['CountOf'];
export type Summary = Schemas['Summary'];
/** One entry of `/items`; `geometry` is GeoJSON in WGS84. */
export type InventoryItem = Schemas['InventoryItemView'];
export type ItemsPage = Schemas['ItemsPage'];
export type CoverageMatrix = Schemas['CoverageMatrix'];
export type Finding = Schemas['FindingView'];
export type FindingsPage = Schemas['FindingsPage'];
export type HarvestSource = Schemas['HarvestSourceView'];
export type HarvestStatus = Schemas['HarvestStatus'];
export type RoundSummary = Schemas['RoundSummaryView'];
export type LandProgress = Schemas['LandProgressView'];
export type RoundProgress = Schemas['RoundProgressView'];
export type RoundsOverview = Schemas['RoundsOverview'];
export type LandRoundHistory = Schemas['LandRoundHistory'];

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

const roundSummary = object({
  id: string,
  title: string,
  referenceDate: string,
  deadline: nullable(string),
  landCodes: array(string),
  state: string,
});
const landProgress = object({
  landCode: string,
  inScope: count,
  open: count,
  confirmed: count,
  updated: count,
  withdrawn: count,
  new: count,
  complete: boolean,
  completedAt: nullable(string),
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
  rounds: object({
    rounds: array(roundSummary),
    shown: nullable(object({ round: roundSummary, laender: array(landProgress) })),
  }),
};

export interface Shapes {
  laender: LandsView;
  summary: Summary;
  items: ItemsPage;
  coverage: CoverageMatrix;
  findings: FindingsPage;
  harvest: HarvestStatus;
  rounds: RoundsOverview;
}

/** Checks an untrusted response body against the shape the page relies on and returns it typed. */
export function parseResponse<K extends keyof Shapes>(kind: K, body: unknown): Shapes[K] {
  SHAPES[kind](body, kind);
  return body as Shapes[K];
}
