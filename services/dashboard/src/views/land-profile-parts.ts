/**
 * The Land profile's vocabulary (issue 21): what it reads from reporting (written out), its texts
 * in German and English, and the small element builders its parts share.
 */
import { VOCABULARY_LABELS } from '@dpi/domain/src/labels';
import type { Language } from '../url-state';
import { h } from '../view';

/*
 * What this page reads (LandProfile and TrendsView in reporting's OpenAPI document), written out
 * until src/generated/reporting-api.ts is regenerated (`npx nx run dashboard:api-types`).
 */
export interface Tip {
  id: string;
  text: string;
  textEn: string;
  dimension: string;
  datasets: number;
  share: number;
}
export interface Profile {
  code: string;
  name: string;
  counts: Record<
    'platforms' | 'twins' | 'datasets' | 'endpoints' | 'harvestSources' | 'staleHarvestSources',
    number
  >;
  platforms: { id: string; name: string; type: string; status: string; homepage: string | null }[];
  twins: { id: string; name: string; maturityLevel: number; homepage: string | null }[];
  datasets: {
    total: number;
    open: number;
    harvested: number;
    byTheme: { value: string | null; count: number }[];
    byLicence: { value: string | null; count: number }[];
  };
  endpoints: { total: number; byServiceType: Record<string, number> };
  harvestSources: {
    sourceId: string;
    sourceName: string;
    lastSuccessAt: string | null;
    ageDays: number | null;
    stale: boolean;
    staleReason: string | null;
  }[];
  freshness: { maxAgeDaysUnscheduled: number };
  findings: { total: number; byRule: { ruleId: string; severity: string; count: number }[] };
  quality: {
    datasets: number;
    score: number | null;
    dimensions: Record<string, number | null>;
    tips: Tip[];
  };
  survey: {
    round: { title: string; state: string };
    progress: {
      inScope: number;
      open: number;
      confirmed: number;
      updated: number;
      complete: boolean;
    };
  } | null;
  reportPdf: string;
}
export interface Trends {
  recordedSince: string | null;
  series: {
    landCode: string;
    buckets: {
      label: string;
      partial: boolean;
      registered: Record<string, number>;
      withdrawn: Record<string, number>;
      harvested: { added: number; withdrawn: number };
      inventory: Record<string, number>;
    }[];
  }[];
}

export const TEXT = {
  figures: ['Auf einen Blick', 'At a glance'],
  platforms: ['Plattformen', 'Platforms'],
  twins: ['Digitale Zwillinge', 'Digital twins'],
  datasets: ['Datensätze', 'Datasets'],
  endpoints: ['Schnittstellen', 'Endpoints'],
  harvest: ['Harvesting-Quellen', 'Harvest sources'],
  stale: ['veraltet', 'stale'],
  fresh: ['aktuell', 'fresh'],
  never: ['noch nie erfolgreich', 'never succeeded'],
  lastSuccess: ['letzter Erfolg vor {d} Tagen', 'last success {d} days ago'],
  themes: ['Datensätze nach Thema', 'Datasets by theme'],
  licences: ['Datensätze nach Lizenz', 'Datasets by licence'],
  noLicence: ['ohne Lizenz', 'no licence'],
  noTheme: ['ohne Thema', 'no theme'],
  findings: ['Handlungsbedarfe nach Regel', 'Needs for action by rule'],
  quality: ['Metadatenqualität (MQA-Dimensionen)', 'Metadata quality (MQA dimensions)'],
  tips: ['Was am meisten hilft', 'What helps most'],
  tipDatasets: ['{n} Datensätze', '{n} datasets'],
  tipDataset: ['1 Datensatz', '1 dataset'],
  trends: ['Entwicklung des Bestands', 'How the inventory developed'],
  since: ['Aufgezeichnet seit {d}.', 'Recorded since {d}.'],
  short: [
    'Die Historie ist noch kurz: erst {n} Zeitabschnitt(e) seit Beginn der Aufzeichnung.',
    'The history is still short: {n} period(s) since recording began.',
  ],
  none: ['Noch keine Historie aufgezeichnet.', 'No history recorded yet.'],
  nothing: ['keine', 'none'],
  period: ['Zeitraum', 'Period'],
  registered: ['neu', 'new'],
  withdrawn: ['zurückgezogen', 'withdrawn'],
  harvestedAdded: ['geerntet +', 'harvested +'],
  inventory: ['Bestand am Ende', 'Inventory at the end'],
  partial: ['(angebrochen)', '(partial)'],
  survey: ['Erhebungsrunde', 'Survey round'],
  surveyStatus: [
    '{c} von {s} Einträgen bestätigt oder aktualisiert, {o} offen',
    '{c} of {s} entries confirmed or updated, {o} open',
  ],
  complete: ['Land hat „nichts mehr zu ergänzen“ erklärt', 'Land declared "nothing more to add"'],
  pdf: ['Bericht als PDF', 'Report as PDF'],
  print: ['Drucken', 'Print'],
  back: ['Zur Übersicht', 'To the overview'],
  loadFailed: ['Konnte nicht geladen werden.', 'Could not be loaded.'],
  score: ['Gesamt {s} %', 'Overall {s} %'],
  maturity: ['Reifegrad {n} nach DIN SPEC 91607', 'maturity level {n} (DIN SPEC 91607)'],
  allFindings: ['Alle Handlungsbedarfe des Landes', "All of the Land's needs for action"],
} as const;

export const DIMENSIONS: Record<string, [string, string]> = {
  findability: ['Auffindbarkeit', 'Findability'],
  accessibility: ['Zugänglichkeit', 'Accessibility'],
  interoperability: ['Interoperabilität', 'Interoperability'],
  reusability: ['Wiederverwendbarkeit', 'Reusability'],
  contextuality: ['Kontext', 'Contextuality'],
};

/** A code's label in the page's language (the code itself when the vocabulary lacks it). */
export const labelOf = (
  lang: Language,
  vocabulary: keyof typeof VOCABULARY_LABELS,
  code: string,
) => {
  const labels = VOCABULARY_LABELS[vocabulary];
  return Object.hasOwn(labels, code) ? labels[code][lang === 'en' ? 1 : 0] : code;
};

export const say = (lang: Language, key: keyof typeof TEXT, values: Record<string, string> = {}) =>
  Object.entries(values).reduce(
    (text, [name, value]) => text.replace(`{${name}}`, value),
    TEXT[key][lang === 'en' ? 1 : 0] as string,
  );
export const num = (n: number, lang: Language) =>
  n.toLocaleString(lang === 'en' ? 'en-GB' : 'de-DE');
export const localDay = (iso: string, lang: Language) =>
  new Date(iso).toLocaleDateString(lang === 'en' ? 'en-GB' : 'de-DE', {
    timeZone: 'Europe/Berlin',
  });
export const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

export const section = (id: string, title: string, ...children: (HTMLElement | string)[]) =>
  h(
    'section',
    { class: 'profile-section', 'aria-labelledby': id },
    h('h3', { id }, title),
    ...children,
  );

/** A list, or "keine" when there is nothing to list (an empty list would say nothing). */
export const listOrNone = (items: HTMLElement[], lang: Language) =>
  items.length ? h('ul', {}, ...items) : h('p', {}, say(lang, 'nothing'));

export const countTable = (
  caption: string,
  rows: { label: string; count: number }[],
  lang: Language,
): HTMLElement =>
  rows.length === 0
    ? h('p', {}, h('strong', {}, `${caption}: `), say(lang, 'nothing'))
    : h(
        'table',
        { class: 'kern-table profile-table' },
        h('caption', {}, caption),
        h(
          'tbody',
          {},
          ...rows.map((r) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, r.label),
              h('td', { class: 'num' }, num(r.count, lang)),
            ),
          ),
        ),
      );
