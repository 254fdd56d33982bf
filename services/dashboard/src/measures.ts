/**
 * What the choropleth shows: one number per Land for the chosen measure, its colour classes and
 * legend. Counts get natural breaks (Jenks, choropleth.ts); the DIN SPEC 91607 levels and the
 * MQA-style quality bands have fixed classes, so colours mean the same whatever the data.
 */
import {
  buildScale,
  type ChoroplethScale,
  classify,
  fixedScale,
  type LegendEntry,
  legendEntries,
  NO_DATA_COLOR,
  ZERO_COLOR,
} from './choropleth';
import { formatCount, formatPercent } from './format';
import { t } from './i18n';
import type { LandOverview, LandProgress, RoundsOverview } from './model';
import type { Language, Measure } from './url-state';

/** Lower bounds of the quality ratings, as the reporting service's MQA method uses them (%). */
export const QUALITY_BANDS = [0, 29.9, 54.6, 86.7] as const;

export interface MeasureView {
  measure: Measure;
  /** The value per Land; `null` = nothing to measure (no twins, no datasets). */
  values: Map<string, number | null>;
  scale: ChoroplethScale;
  legend: LegendEntry[];
}

/** Lower bounds of the survey round's answered shares (%); 100: every record answered. */
export const ROUND_BANDS = [0, 25, 50, 75, 100] as const;

/**
 * A Land's share of the round's records it answered (confirmed, updated or withdrawn), in %;
 * a Land that declared "nothing more to add" with nothing open counts 100; null when the round has
 * no record of it and it declared nothing.
 */
export function roundShare(progress: LandProgress | undefined): number | null {
  if (!progress) return null;
  if (progress.complete && progress.open === 0) return 100;
  if (progress.inScope === 0) return null;
  return (100 * (progress.inScope - progress.open)) / progress.inScope;
}

/** A Land's value of a measure (the round's: see roundShare). */
export function measureValue(
  land: LandOverview,
  measure: Measure,
  rounds?: RoundsOverview,
): number | null {
  switch (measure) {
    case 'round':
      return roundShare(rounds?.shown?.laender.find((l) => l.landCode === land.code));
    case 'platforms':
      return land.platforms;
    case 'twins':
      return land.twins;
    case 'maturity':
      return land.maxMaturity;
    case 'findings':
      return land.findings.high + land.findings.medium + land.findings.low + land.findings.info;
    case 'quality':
      return land.quality.score;
  }
}

export function buildMeasureView(
  laender: readonly LandOverview[],
  measure: Measure,
  lang: Language,
  rounds?: RoundsOverview,
): MeasureView {
  const values = new Map(laender.map((land) => [land.code, measureValue(land, measure, rounds)]));
  const numbers = [...values.values()].filter((v): v is number => v !== null);
  let scale: ChoroplethScale;
  let none: string;
  if (measure === 'maturity') {
    scale = fixedScale(
      [1, 2, 3, 4],
      [1, 2, 3, 4].map((n) => t(lang, 'levelN', { n })),
    );
    none = lang === 'de' ? 'kein Zwilling' : 'no twin';
  } else if (measure === 'quality') {
    const ratings = lang === 'de' ? QUALITY_LABELS_DE : QUALITY_LABELS_EN;
    scale = fixedScale(
      QUALITY_BANDS,
      QUALITY_BANDS.map((min, i) => {
        const upper = QUALITY_BANDS[i + 1];
        const range =
          upper === undefined
            ? `≥ ${formatPercent(min / 100)}`
            : `${formatPercent(min / 100)} – < ${formatPercent(upper / 100)}`;
        return `${ratings[i]} (${range})`;
      }),
    );
    none = lang === 'de' ? 'keine Datensätze' : 'no datasets';
  } else if (measure === 'round') {
    scale = fixedScale(
      ROUND_BANDS,
      ROUND_BANDS.map((min, i) => {
        const upper = ROUND_BANDS[i + 1];
        if (upper === undefined) return lang === 'de' ? 'alles beantwortet' : 'all answered';
        return `${formatPercent(min / 100, lang)} – < ${formatPercent(upper / 100, lang)}`;
      }),
    );
    none = rounds?.shown
      ? lang === 'de'
        ? 'nicht in der Runde'
        : 'not in the round'
      : lang === 'de'
        ? 'keine Erhebungsrunde'
        : 'no survey round';
  } else {
    scale = buildScale(numbers);
    none = t(lang, 'legendNone');
  }
  return { measure, values, scale, legend: legendEntries(scale, none) };
}

const QUALITY_LABELS_DE = ['mangelhaft', 'ausreichend', 'gut', 'exzellent'];
const QUALITY_LABELS_EN = ['bad', 'sufficient', 'good', 'excellent'];

/** Fill colour of a Land: not reported yet → grey, nothing to measure or 0 → neutral. */
export function measureColor(view: MeasureView | undefined, code: string): string {
  if (!view || !view.values.has(code)) return NO_DATA_COLOR;
  const value = view.values.get(code);
  if (value === null || value === undefined) return ZERO_COLOR;
  return classify(view.scale, value)?.color ?? ZERO_COLOR;
}

/** The short text drawn on the map and used in tooltips: `12`, `Stufe 3`, `61,2 %`. */
export function formatMeasure(measure: Measure, value: number | null, lang: Language): string {
  if (value === null) return '–';
  if (measure === 'quality' || measure === 'round') return formatPercent(value / 100, lang);
  return formatCount(value, lang);
}

/** One Land's sentence for tooltips and announcements. */
export function describeLand(land: LandOverview | undefined, name: string, lang: Language): string {
  if (!land) return `${name}: ${t(lang, 'legendNoData')}`;
  const platforms =
    land.platforms === 0
      ? t(lang, 'platformNone')
      : land.platforms === 1
        ? t(lang, 'platformOne')
        : t(lang, 'platformsOf', { n: formatCount(land.platforms, lang) });
  const parts = [platforms, t(lang, 'twinsOf', { n: formatCount(land.twins, lang) })];
  const findings = measureValue(land, 'findings') ?? 0;
  parts.push(t(lang, 'findingsOf', { n: formatCount(findings, lang) }));
  if (land.maxMaturity !== null) parts.push(t(lang, 'maturityOf', { n: land.maxMaturity }));
  if (land.quality.score !== null)
    parts.push(t(lang, 'scoreOf', { score: formatPercent(land.quality.score / 100, lang) }));
  return `${name}: ${parts.join(', ')}`;
}
