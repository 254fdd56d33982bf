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

/**
 * How the classes were made, so the legend can say it: `natural-breaks` (Jenks: classes where the
 * Länder's values cluster, computed from the data) or `fixed` (limits known in advance).
 */
export type ClassificationMethod = 'natural-breaks' | 'fixed';

export interface ChoroplethScale {
  /** Width of each class for equal intervals; 0 for natural breaks and fixed classes. */
  step: number;
  /** Classes from low to high; count 0 is not part of them (see ZERO_COLOR). */
  classes: ChoroplethClass[];
  method: ClassificationMethod;
}

export interface LegendEntry {
  color: string;
  label: string;
}

/**
 * Classes for counts by natural breaks (Jenks, computed exactly): the Länder's non-zero counts are
 * split where they differ most, so each colour holds Länder of similar size and the few large ones
 * do not push the rest into the palest class, as equal intervals did (14 of 16 in one class).
 * Classes are contiguous integer ranges (`1–3`, `4–9`, …) so every count has a class; each class
 * ends at the largest count in it. Zero is left out (ZERO_COLOR).
 */
export function buildScale(
  counts: readonly number[],
  maxClasses = PALETTE.length,
): ChoroplethScale {
  const limit = Math.max(1, Math.min(maxClasses, PALETTE.length));
  const values = counts.filter((n) => Number.isFinite(n) && n > 0).map((n) => Math.round(n));
  if (values.length === 0) return { step: 0, classes: [], method: 'natural-breaks' };
  const groups = naturalBreaks(values, limit);
  const colors = spreadPalette(groups.length);
  const classes = groups.map((group, i) => {
    // Each class ends at its largest count; the next begins right after it.
    const min = i === 0 ? 1 : groups[i - 1][groups[i - 1].length - 1] + 1;
    const max = group[group.length - 1];
    return {
      min,
      max,
      color: colors[i],
      label: min === max ? formatInteger(min) : `${formatInteger(min)}–${formatInteger(max)}`,
    };
  });
  return { step: 0, classes, method: 'natural-breaks' };
}

/**
 * Jenks natural breaks, exactly (Fisher's dynamic programme): the sorted values split into at most
 * `k` groups so that the sum of squared deviations from each group's mean is smallest. Equal values
 * never end up in different groups; there are never more groups than distinct values.
 * O(k·n²) — fine for 16 Länder (and for a few thousand values).
 */
export function naturalBreaks(values: readonly number[], k: number): number[][] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  const groupsWanted = Math.max(0, Math.min(Math.floor(k), distinct.length));
  if (groupsWanted === 0) return [];
  // Work on distinct values with weights, so ties stay together.
  const weight = distinct.map((v) => sorted.filter((x) => x === v).length);
  const n = distinct.length;
  const prefixW = [0];
  const prefixS = [0];
  const prefixQ = [0];
  for (let i = 0; i < n; i++) {
    prefixW.push(prefixW[i] + weight[i]);
    prefixS.push(prefixS[i] + weight[i] * distinct[i]);
    prefixQ.push(prefixQ[i] + weight[i] * distinct[i] ** 2);
  }
  /** Sum of squared deviations of distinct[i..j] (inclusive). */
  const cost = (i: number, j: number): number => {
    const w = prefixW[j + 1] - prefixW[i];
    const s = prefixS[j + 1] - prefixS[i];
    return prefixQ[j + 1] - prefixQ[i] - (s * s) / w;
  };
  // best[g][j]: least cost of distinct[0..j] in g+1 groups; from[g][j]: where the last group starts.
  const best: number[][] = [Array.from({ length: n }, (_, j) => cost(0, j))];
  const from: number[][] = [Array.from({ length: n }, () => 0)];
  for (let g = 1; g < groupsWanted; g++) {
    best.push([]);
    from.push([]);
    for (let j = 0; j < n; j++) {
      best[g][j] = Number.POSITIVE_INFINITY;
      from[g][j] = j;
      for (let start = g; start <= j; start++) {
        const total = best[g - 1][start - 1] + cost(start, j);
        if (total < best[g][j]) {
          best[g][j] = total;
          from[g][j] = start;
        }
      }
    }
  }
  const starts: number[] = [];
  let end = n - 1;
  for (let g = groupsWanted - 1; g >= 0; g--) {
    const start = from[g][end];
    starts.unshift(start);
    end = start - 1;
  }
  return starts.map((start, i) => {
    const stop = i + 1 < starts.length ? starts[i + 1] : n;
    const members = new Set(distinct.slice(start, stop));
    return sorted.filter((v) => members.has(v));
  });
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
 * class, in ascending order; `labels` their legend texts.
 */
export function fixedScale(bounds: readonly number[], labels: readonly string[]): ChoroplethScale {
  const colors = spreadPalette(bounds.length);
  return {
    step: 0,
    method: 'fixed',
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

/** The legend's sentence on how the classes were made. */
export function methodText(method: ClassificationMethod, lang: 'de' | 'en'): string {
  if (method === 'natural-breaks')
    return lang === 'de'
      ? 'Farbklassen nach natürlichen Brüchen (Jenks): Länder mit ähnlichen Werten teilen eine Farbe.'
      : 'Colour classes by natural breaks (Jenks): Länder with similar values share a colour.';
  return lang === 'de'
    ? 'Feste Farbklassen: die Grenzen stehen fest, unabhängig von den Daten.'
    : 'Fixed colour classes: the limits do not depend on the data.';
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
