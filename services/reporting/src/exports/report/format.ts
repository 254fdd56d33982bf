/** Numbers as the report shows them (German digits; a dash for none). */
export const fmt = (n: number | null | undefined, digits = 0) =>
  n === null || n === undefined
    ? '–'
    : n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const pct = (share: number | null) => (share === null ? '–' : `${fmt(share * 100, 1)} %`);
