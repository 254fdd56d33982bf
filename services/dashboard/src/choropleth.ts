/**
 * Colour classes for the choropleth: how many platforms a Land has → a fill colour. Pure functions,
 * no DOM and no OpenLayers, so the map, the legend and the table swatches all agree.
 */

/** Sequential blues (ColorBrewer "Blues"), light to dark; each takes dark or light text at ≥ 4.5:1. */
export const PALETTE: readonly string[] = ['#deebf7', '#9ecae1', '#6baed6', '#2171b5', '#08306b'];
/** A Land without any registered platform: neutral, clearly not a shade of the scale. */
export const ZERO_COLOR = '#f2f0eb';
/** A Land the reporting service has not (yet) reported on. */
export const NO_DATA_COLOR = '#d9d9d9';

export const DARK_TEXT = '#1b1b1b';
export const LIGHT_TEXT = '#ffffff';

export interface ChoroplethClass {
  /** Smallest count in the class, inclusive. */
  min: number;
  /** Largest count in the class, inclusive. */
  max: number;
  color: string;
  /** German label for the legend, e.g. `1–10`. */
  label: string;
}

export interface ChoroplethScale {
  /** Width of each class; 0 when no Land has a platform. */
  step: number;
  /** Classes from low to high; count 0 is not part of them (see ZERO_COLOR). */
  classes: ChoroplethClass[];
}

export interface LegendEntry {
  color: string;
  label: string;
}

/** Smallest "nice" integer step (1, 2, 5, 10, 20, 25, 50, 100, …) that is ≥ `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    const step = factor * magnitude;
    if (Number.isInteger(step) && step >= raw) return step;
  }
  return 10 * magnitude;
}

/**
 * Equal-interval classes over 1…max with a nice step, at most `maxClasses` of them. Equal, rounded
 * intervals keep the legend readable and stable while counts grow, which quantiles over 16 values
 * would not.
 */
export function buildScale(
  counts: readonly number[],
  maxClasses = PALETTE.length,
): ChoroplethScale {
  const limit = Math.max(1, Math.min(maxClasses, PALETTE.length));
  const max = counts.reduce((acc, n) => (Number.isFinite(n) && n > acc ? n : acc), 0);
  if (max <= 0) return { step: 0, classes: [] };
  const step = niceStep(max / limit);
  const count = Math.ceil(max / step);
  const colors = spreadPalette(count);
  const classes = colors.map((color, i) => {
    const min = i * step + 1;
    const upper = (i + 1) * step;
    return {
      min,
      max: upper,
      color,
      label: min === upper ? formatInteger(min) : `${formatInteger(min)}–${formatInteger(upper)}`,
    };
  });
  return { step, classes };
}

/**
 * The class a value falls in: the last class whose `min` it reaches (values beyond the last class
 * belong to it). Undefined below the first class (a count of 0) and for values that are not numbers.
 */
export function classify(scale: ChoroplethScale, count: number): ChoroplethClass | undefined {
  if (!Number.isFinite(count) || scale.classes.length === 0) return undefined;
  let found: ChoroplethClass | undefined;
  for (const cls of scale.classes) if (count >= cls.min) found = cls;
  return found;
}

/**
 * Fixed classes for measures with a known range: `bounds` are the lower bounds (inclusive) of each
 * class, in ascending order; `labels` their legend texts. `step` is 0: the classes are not equal.
 */
export function fixedScale(bounds: readonly number[], labels: readonly string[]): ChoroplethScale {
  const colors = spreadPalette(bounds.length);
  return {
    step: 0,
    classes: bounds.map((min, i) => ({
      min,
      max: i + 1 < bounds.length ? bounds[i + 1] : Number.POSITIVE_INFINITY,
      color: colors[i],
      label: labels[i] ?? formatInteger(min),
    })),
  };
}

/** Fill colour of a Land; `undefined` count means "no data yet". */
export function colorFor(scale: ChoroplethScale, count: number | undefined): string {
  if (count === undefined) return NO_DATA_COLOR;
  return classify(scale, count)?.color ?? ZERO_COLOR;
}

export function legendEntries(scale: ChoroplethScale, noneLabel = 'keine'): LegendEntry[] {
  return [
    { color: ZERO_COLOR, label: noneLabel },
    ...scale.classes.map(({ color, label }) => ({ color, label })),
  ];
}

/** Dark or light text, whichever contrasts more with the fill (for labels drawn on the map). */
export function textColorFor(fill: string): string {
  return contrastRatio(fill, DARK_TEXT) >= contrastRatio(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** `count` colours spread over the whole palette, so few classes still span light to dark. */
function spreadPalette(count: number): string[] {
  if (count <= 0) return [];
  const last = PALETTE.length - 1;
  if (count === 1) return [PALETTE[Math.ceil(last / 2)]];
  return Array.from({ length: count }, (_, i) => PALETTE[Math.round((i * last) / (count - 1))]);
}

const integerFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

function formatInteger(n: number): string {
  return integerFormat.format(n);
}
