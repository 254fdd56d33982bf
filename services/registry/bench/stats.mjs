// Small helpers for figures: percentiles, medians, goal verdicts, formatting.

/** Nearest-rank percentiles of raw samples. */
export function summarize(samples) {
  if (samples.length === 0) return { n: 0, p50: null, p99: null, max: null, mean: null };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return {
    n: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** { value, goal, pass } for "at least" and "at most" goals. */
export const atLeast = (value, goal) => ({ value, goal: `≥ ${goal}`, pass: value >= goal });
export const atMost = (value, goal) => ({ value, goal: `≤ ${goal}`, pass: value <= goal });

export const verdict = (check) => (check.pass ? 'PASS' : 'MISS');

export const ms = (v) => (v == null ? 'n/a' : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
export const rps = (v) => (v == null ? 'n/a' : `${v.toFixed(0)}/s`);
export const pct = (v) => (v == null ? 'n/a' : `${v.toFixed(0)} %`);
