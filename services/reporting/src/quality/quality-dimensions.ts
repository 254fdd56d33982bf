import {
  dimensionMax,
  KNOWN_FORMATS,
  MACHINE_READABLE_FORMATS,
  NON_PROPRIETARY_FORMATS,
  QUALITY_DIMENSIONS,
  QUALITY_MAX,
  QualityDimension,
  QualityRating,
  qualityRating,
} from './quality-method';
import { DISTRIBUTION_COUNTS_V1, INDICATORS_V1, TIPS_V1 } from './quality-dimensions.v1';

/** The breakdown in force: version 1 (indicators and tips of quality-dimensions.v1.ts). */
export const QUALITY_BREAKDOWN_VERSION = 1;
export const INDICATORS = INDICATORS_V1;
export const TIPS = TIPS_V1;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const sqlList = (values: readonly string[]) =>
  `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;

/** FROM clause of a scored dataset `d` with its distribution counts `x` (the view's). */
export const SCORED_DATASETS_SQL = `dataset_item d CROSS JOIN LATERAL (${DISTRIBUTION_COUNTS_V1({
  known: sqlList(KNOWN_FORMATS),
  nonProprietary: sqlList(NON_PROPRIETARY_FORMATS),
  machineReadable: sqlList(MACHINE_READABLE_FORMATS),
})}) x`;

/** Column alias of an indicator's share and of a tip's "would improve" flag. */
export const shareColumn = (id: string) => `s_${id}`;
export const tipColumn = (id: string) => `t_${id}`;

/** The tips with the indicators each raises, in the order of the first. */
export const TIP_INDICATORS: ReadonlyMap<string, readonly string[]> = INDICATORS.reduce(
  (map, i) => map.set(i.tip, [...(map.get(i.tip) ?? []), i.id]),
  new Map<string, string[]>(),
);

/** Shares of every indicator of one dataset (SELECT list over SCORED_DATASETS_SQL). */
export const INDICATOR_SHARES_SQL = INDICATORS.map(
  (i) => `${i.share} AS "${shareColumn(i.id)}"`,
).join(',\n  ');

/** Per group: the sum of each indicator's share and how many datasets each tip would improve. */
export const LAND_AGGREGATES_SQL = [
  ...INDICATORS.map((i) => `sum(${i.share})::float8 AS "${shareColumn(i.id)}"`),
  ...[...TIP_INDICATORS].map(
    ([tip, ids]) =>
      `count(*) FILTER (WHERE ${ids
        .map((id) => INDICATORS.find((i) => i.id === id)?.share)
        .map((s) => `${s} < 1`)
        .join(' OR ')})::int AS "${tipColumn(tip)}"`,
  ),
].join(',\n  ');

export interface DimensionScore {
  points: number;
  max: number;
  percent: number;
}

export interface RecordTip {
  id: string;
  text: string;
  textEn: string;
  dimension: QualityDimension;
  /** Points the dataset would gain. */
  gain: number;
}

export interface RecordQuality {
  score: number;
  rating: QualityRating;
  dimensions: Record<QualityDimension, DimensionScore>;
  indicators: { id: string; dimension: QualityDimension; points: number; max: number }[];
  tips: RecordTip[];
}

/** A dataset's scores and tips from its indicator shares (column `s_<id>` → 0–1). */
export function recordQuality(shares: Record<string, unknown>): RecordQuality {
  const indicators = INDICATORS.map((i) => ({
    id: i.id,
    dimension: i.dimension,
    points: round(Number(shares[shareColumn(i.id)] ?? 0) * i.points, 2),
    max: i.points,
  }));
  const dimensions = Object.fromEntries(
    QUALITY_DIMENSIONS.map((d) => {
      const points = indicators.filter((i) => i.dimension === d).reduce((s, i) => s + i.points, 0);
      const max = dimensionMax(d);
      return [d, { points: round(points, 2), max, percent: round((100 * points) / max) }];
    }),
  ) as Record<QualityDimension, DimensionScore>;
  const total = indicators.reduce((s, i) => s + i.points, 0);
  const score = round((100 * total) / QUALITY_MAX);
  const tips = [...TIP_INDICATORS]
    .map(([tip, ids]): RecordTip => {
      const short = indicators.filter((i) => ids.includes(i.id));
      return {
        id: tip,
        text: TIPS[tip].de,
        textEn: TIPS[tip].en,
        dimension: short[0].dimension,
        gain: round(
          short.reduce((s, i) => s + i.max - i.points, 0),
          2,
        ),
      };
    })
    .filter((t) => t.gain > 0)
    .sort((a, b) => b.gain - a.gain || a.id.localeCompare(b.id));
  return { score, rating: qualityRating(score), dimensions, indicators, tips };
}

const dimensionOf = (indicator: string): QualityDimension =>
  INDICATORS.find((i) => i.id === indicator)?.dimension ?? 'findability';

export interface LandTip {
  id: string;
  text: string;
  textEn: string;
  dimension: QualityDimension;
  /** Datasets the tip would improve, and their share of the Land's datasets. */
  datasets: number;
  share: number;
  /** Percentage points of the Land's score gained if every dataset followed it. */
  scoreGain: number;
}

export interface LandQuality {
  datasets: number;
  score: number | null;
  rating: QualityRating | null;
  dimensions: Record<QualityDimension, number | null>;
  tips: LandTip[];
}

/** A Land's breakdown from its aggregate row (`datasets`, `s_<id>` sums, `t_<tip>` counts). */
export function landQuality(row: Record<string, unknown> | undefined): LandQuality {
  const datasets = Number(row?.datasets ?? 0);
  if (!row || datasets === 0)
    return {
      datasets: 0,
      score: null,
      rating: null,
      dimensions: Object.fromEntries(QUALITY_DIMENSIONS.map((d) => [d, null])) as Record<
        QualityDimension,
        null
      >,
      tips: [],
    };
  const mean = (id: string) => Number(row[shareColumn(id)] ?? 0) / datasets;
  const points = (ids: readonly string[]) =>
    INDICATORS.filter((i) => ids.includes(i.id)).reduce((s, i) => s + mean(i.id) * i.points, 0);
  const dimensions = Object.fromEntries(
    QUALITY_DIMENSIONS.map((d) => [
      d,
      round(
        (100 * points(INDICATORS.filter((i) => i.dimension === d).map((i) => i.id))) /
          dimensionMax(d),
      ),
    ]),
  ) as Record<QualityDimension, number>;
  const score = round((100 * points(INDICATORS.map((i) => i.id))) / QUALITY_MAX);
  const tips = [...TIP_INDICATORS]
    .map(([tip, ids]): LandTip => {
      const lost = INDICATORS.filter((i) => ids.includes(i.id)).reduce(
        (s, i) => s + (1 - mean(i.id)) * i.points,
        0,
      );
      const affected = Number(row[tipColumn(tip)] ?? 0);
      return {
        id: tip,
        text: TIPS[tip].de,
        textEn: TIPS[tip].en,
        dimension: dimensionOf(ids[0]),
        datasets: affected,
        share: round(affected / datasets, 4),
        scoreGain: round((100 * lost) / QUALITY_MAX),
      };
    })
    .filter((t) => t.datasets > 0)
    .sort(
      (a, b) => b.datasets - a.datasets || b.scoreGain - a.scoreGain || a.id.localeCompare(b.id),
    );
  return { datasets, score, rating: qualityRating(score), dimensions, tips };
}
