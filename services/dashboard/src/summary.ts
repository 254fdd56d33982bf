/**
 * The reporting service's inventory summary (`GET /api/v1/inventory/summary`) and the pure helpers
 * that turn it into what the page shows.
 */
import { type ChoroplethScale, classify, colorFor } from './choropleth';

export const SUMMARY_PATH = '/api/v1/inventory/summary';

export interface LandSummary {
  /** ISO 3166-2 code, e.g. `DE-HH`. */
  code: string;
  name: string;
  platforms: number;
  /** Digital twins of the Land. */
  twins: number;
}

export interface InventorySummary {
  /** Platforms of all Länder. */
  total: number;
  /** Digital twins of all Länder. */
  totalTwins: number;
  laender: LandSummary[];
  /** ISO 8601 timestamp of the read model the numbers come from. */
  generatedAt: string;
}

export interface SummaryRow extends LandSummary {
  /** Fill colour of the Land on the map. */
  color: string;
  /** Legend label of the Land's colour class, e.g. `1–10` or `keine`. */
  classLabel: string;
  /** Share of all platforms, e.g. `12,5 %`; `–` while there are none. */
  share: string;
}

/** The response did not have the agreed shape. */
export class SummaryFormatError extends Error {
  override name = 'SummaryFormatError';
}

const LAND_CODE = /^DE-[A-Z]{2}$/;

/** Checks an untrusted response body against the contract and returns it typed. */
export function parseSummary(body: unknown): InventorySummary {
  if (!isRecord(body)) throw new SummaryFormatError('summary is not an object');
  const { total, totalTwins, laender, generatedAt } = body;
  if (!isCount(total)) throw new SummaryFormatError('total must be a non-negative integer');
  if (!isCount(totalTwins))
    throw new SummaryFormatError('totalTwins must be a non-negative integer');
  if (typeof generatedAt !== 'string' || Number.isNaN(Date.parse(generatedAt))) {
    throw new SummaryFormatError('generatedAt must be an ISO 8601 timestamp');
  }
  if (!Array.isArray(laender)) throw new SummaryFormatError('laender must be an array');
  const parsed = laender.map((entry: unknown, i): LandSummary => {
    if (!isRecord(entry)) throw new SummaryFormatError(`laender[${i}] is not an object`);
    const { code, name, platforms, twins } = entry;
    if (typeof code !== 'string' || !LAND_CODE.test(code)) {
      throw new SummaryFormatError(`laender[${i}].code must look like DE-HH`);
    }
    if (typeof name !== 'string' || name.trim() === '') {
      throw new SummaryFormatError(`laender[${i}].name must be a non-empty string`);
    }
    if (!isCount(platforms))
      throw new SummaryFormatError(`laender[${i}].platforms must be a non-negative integer`);
    if (!isCount(twins))
      throw new SummaryFormatError(`laender[${i}].twins must be a non-negative integer`);
    return { code, name, platforms, twins };
  });
  return { total, totalTwins, laender: parsed, generatedAt };
}

/** Platform counts keyed by Land code. */
export function countsByCode(summary: InventorySummary): Map<string, number> {
  return new Map(summary.laender.map((land) => [land.code, land.platforms]));
}

/** Table rows: every Land with its colour and share, in German alphabetical order. */
export function summaryRows(summary: InventorySummary, scale: ChoroplethScale): SummaryRow[] {
  return [...summary.laender]
    .sort((a, b) => collator.compare(a.name, b.name))
    .map((land) => ({
      ...land,
      color: colorFor(scale, land.platforms),
      classLabel: classify(scale, land.platforms)?.label ?? 'keine',
      share: formatShare(land.platforms, summary.total),
    }));
}

/** `1 Plattform`, `3 Plattformen`, `keine Plattform`. */
export function platformLabel(count: number): string {
  if (count === 0) return 'keine Plattform';
  return `${formatCount(count)} ${count === 1 ? 'Plattform' : 'Plattformen'}`;
}

/** Tooltip / announcement text for one Land. */
export function landDescription(name: string, count: number | undefined): string {
  return count === undefined ? `${name}: keine Daten` : `${name}: ${platformLabel(count)}`;
}

export function formatCount(count: number): string {
  return integerFormat.format(count);
}

export function formatShare(part: number, total: number): string {
  if (!(total > 0)) return '–';
  return percentFormat.format(part / total);
}

/** `23.11.2025, 15:38:02 Uhr`, always in German time whatever the viewer's machine says. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${timestampFormat.format(date)} Uhr`;
}

const collator = new Intl.Collator('de-DE');
const integerFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat('de-DE', {
  style: 'percent',
  maximumFractionDigits: 1,
});
const timestampFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
