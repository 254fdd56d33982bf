/** Numbers, shares and times the German (or English) way; pure, tested without a browser. */
import type { Language } from './url-state';

const locales: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value as T;
}

export function formatCount(count: number, lang: Language = 'de'): string {
  return cached(
    `n:${lang}`,
    () => new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 0 }),
  ).format(count);
}

/** `0.125` → `12,5 %` (German) or `12.5%` (English). */
export function formatPercent(share: number, lang: Language = 'de'): string {
  return cached(
    `p:${lang}`,
    () => new Intl.NumberFormat(locales[lang], { style: 'percent', maximumFractionDigits: 1 }),
  ).format(share);
}

/** A share that may be unknown (`null`: nothing to share). */
export function formatShare(share: number | null, lang: Language = 'de'): string {
  return share === null ? '–' : formatPercent(share, lang);
}

/** `23.11.2025, 15:38:02 Uhr`, always in German time whatever the viewer's machine says. */
export function formatTimestamp(iso: string | null, lang: Language = 'de'): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = cached(
    `t:${lang}`,
    () =>
      new Intl.DateTimeFormat(locales[lang], {
        timeZone: 'Europe/Berlin',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  );
  return lang === 'de' ? `${format.format(date)} Uhr` : format.format(date);
}

/** Sorts names the way the language does (Ä with A in German). */
export function compareNames(a: string, b: string, lang: Language = 'de'): number {
  return cached(`c:${lang}`, () => new Intl.Collator(locales[lang])).compare(a, b);
}

/** `12 / 40 (30 %)` for a harvest job's progress; `–` before the server announced its total. */
export function formatProgress(received: number, matched: number, lang: Language = 'de'): string {
  if (!(matched > 0)) return received > 0 ? formatCount(received, lang) : '–';
  const share = Math.min(1, received / matched);
  return `${formatCount(received, lang)} / ${formatCount(matched, lang)} (${formatPercent(share, lang)})`;
}

/** An evidence value (any JSON) as one short line of text. */
export function formatEvidenceValue(value: unknown, lang: Language = 'de'): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number')
    return Number.isInteger(value) ? formatCount(value, lang) : String(value);
  if (typeof value === 'boolean')
    return value ? (lang === 'de' ? 'ja' : 'yes') : lang === 'de' ? 'nein' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return value.length === 0 ? '–' : value.map((v) => formatEvidenceValue(v, lang)).join(', ');
  return JSON.stringify(value);
}
