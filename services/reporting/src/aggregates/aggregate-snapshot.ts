import { READ_MODEL_NAMES, ReadModelName } from '../projection/read-models';
import { QUALITY_DIMENSIONS } from '../quality/quality-method';

/** A count per Land (null = federal) and value. */
export interface CountRow {
  land_code: string | null;
  value: string | null;
  n: number;
}

/** Average points per quality dimension of a Land's datasets (null = federal). */
export type QualityRow = { land_code: string | null; datasets: number } & Record<
  (typeof QUALITY_DIMENSIONS)[number],
  string | null
>;

/**
 * What the aggregate queries count, per Land and value. Every live platform has one type, every
 * twin one maturity level, every endpoint one service type, so their totals are the sums over
 * those facets.
 */
export const FACETS = [
  'platformTypes',
  'activePlatformTypes',
  'platformThemes',
  'standards',
  'maturity',
  'twinUseCases',
  'threeDFormats',
  'datasets',
  'openDatasets',
  'datasetThemes',
  'serviceTypes',
  'organisations',
  'harvestSources',
  'harvestFailing',
  'harvestStale',
  'findings',
] as const;
export type FacetName = (typeof FACETS)[number];

export interface FacetRow extends CountRow {
  facet: FacetName;
}

/** Facets made of others, summed per Land and value. */
const DERIVED = {
  /** The coverage by EU theme counts platforms and datasets. */
  euThemes: ['platformThemes', 'datasetThemes'],
} as const satisfies Record<string, readonly FacetName[]>;
export type DerivedFacetName = keyof typeof DERIVED;

/** Totals the API names, and the facet each is the sum of. */
const TOTALS = {
  platforms: 'platformTypes',
  twins: 'maturity',
  datasets: 'datasets',
  openDatasets: 'openDatasets',
  endpoints: 'serviceTypes',
  organisations: 'organisations',
} as const satisfies Record<string, FacetName>;
export type TotalName = keyof typeof TOTALS;

/**
 * One refresh unit: the aggregates of one read model (one pass over its table), and the
 * findings. A batch that changed a read model makes only its part stale.
 */
export type AggregatePart = ReadModelName | 'findings';
export const AGGREGATE_PARTS: readonly AggregatePart[] = [...READ_MODEL_NAMES, 'findings'];

export interface PartAggregates {
  facets: readonly FacetRow[];
  /** Only the dataset part has them. */
  quality?: readonly QualityRow[];
}

const freezeRows = <T extends object>(rows: readonly T[]): readonly T[] =>
  Object.freeze(rows.map((row) => Object.freeze({ ...row })));

/**
 * Every aggregate the summary, the Länder, the coverage matrices and the quality scores need,
 * as of one refresh. Immutable: a refresh makes a new one, so a request reads one consistent
 * state however long it takes.
 */
export class AggregateSnapshot {
  private readonly byFacet = new Map<FacetName | DerivedFacetName, readonly CountRow[]>();
  private readonly byLand = new Map<FacetName, ReadonlyMap<string | null, number>>();
  readonly quality: readonly QualityRow[];

  private constructor(
    /** When the refresh started: every change applied (and announced) before is included. */
    readonly asOf: string,
    readonly parts: ReadonlyMap<AggregatePart, PartAggregates>,
  ) {
    const grouped = new Map<FacetName, CountRow[]>(FACETS.map((f) => [f, []]));
    for (const part of parts.values())
      for (const row of part.facets)
        grouped.get(row.facet)?.push({ land_code: row.land_code, value: row.value, n: row.n });
    for (const [facet, rows] of grouped) {
      this.byFacet.set(facet, Object.freeze(rows));
      const sums = new Map<string | null, number>();
      for (const row of rows) sums.set(row.land_code, (sums.get(row.land_code) ?? 0) + row.n);
      this.byLand.set(facet, sums);
    }
    for (const [name, sources] of Object.entries(DERIVED)) {
      const merged = new Map<string, CountRow>();
      for (const row of sources.flatMap((s) => this.rows(s))) {
        const key = JSON.stringify([row.land_code, row.value]);
        const entry = merged.get(key);
        merged.set(key, { ...row, n: (entry?.n ?? 0) + row.n });
      }
      this.byFacet.set(name as DerivedFacetName, freezeRows([...merged.values()]));
    }
    this.quality = parts.get('dataset')?.quality ?? [];
    Object.freeze(this);
  }

  /**
   * The next snapshot: `computed` parts replace those of `previous` (null: all parts must be
   * computed).
   */
  static from(
    asOf: string,
    previous: AggregateSnapshot | null,
    computed: ReadonlyMap<AggregatePart, PartAggregates>,
  ): AggregateSnapshot {
    const parts = new Map(previous?.parts ?? []);
    for (const [part, aggregates] of computed)
      parts.set(
        part,
        Object.freeze({
          facets: freezeRows(aggregates.facets),
          quality: aggregates.quality && freezeRows(aggregates.quality),
        }),
      );
    const missing = AGGREGATE_PARTS.filter((p) => !parts.has(p));
    if (missing.length > 0) throw new Error(`aggregates of ${missing.join(', ')} missing`);
    return new AggregateSnapshot(asOf, parts);
  }

  /** Counts per Land and value of a facet. */
  rows(facet: FacetName | DerivedFacetName): readonly CountRow[] {
    return this.byFacet.get(facet) ?? [];
  }

  /** Sum of a facet over one Land (null = federal), or over all records without `landCode`. */
  count(facet: FacetName, landCode?: string | null): number {
    const sums = this.byLand.get(facet);
    if (!sums) return 0;
    if (landCode !== undefined) return sums.get(landCode) ?? 0;
    let sum = 0;
    for (const n of sums.values()) sum += n;
    return sum;
  }

  total(name: TotalName, landCode?: string | null): number {
    return this.count(TOTALS[name], landCode);
  }

  /** Länder (federal records left out) with at least one record of a total. */
  laenderWith(name: TotalName): string[] {
    const sums = this.byLand.get(TOTALS[name]) ?? new Map<string | null, number>();
    return [...sums].filter(([code, n]) => code !== null && n > 0).map(([code]) => code as string);
  }
}
