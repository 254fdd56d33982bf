/**
 * Counted nouns: "1 Zwilling", "2 Zwillinge", "0 Zwillinge" (issue 21: "1 Zwillinge" must not
 * happen). The plural category comes from Intl.PluralRules, the numbers from Intl.NumberFormat
 * ("1.234 Einträge"), so both languages follow their own rules.
 */
export interface NounForms {
  one: string;
  other: string;
}

/** German and English forms of the nouns the dashboard and the exports count. */
export const COUNTED_NOUNS = {
  platform: {
    de: { one: 'Plattform', other: 'Plattformen' },
    en: { one: 'platform', other: 'platforms' },
  },
  twin: { de: { one: 'Zwilling', other: 'Zwillinge' }, en: { one: 'twin', other: 'twins' } },
  dataset: {
    de: { one: 'Datensatz', other: 'Datensätze' },
    en: { one: 'dataset', other: 'datasets' },
  },
  endpoint: {
    de: { one: 'Schnittstelle', other: 'Schnittstellen' },
    en: { one: 'endpoint', other: 'endpoints' },
  },
  entry: { de: { one: 'Eintrag', other: 'Einträge' }, en: { one: 'entry', other: 'entries' } },
  finding: {
    de: { one: 'Handlungsbedarf', other: 'Handlungsbedarfe' },
    en: { one: 'need for action', other: 'needs for action' },
  },
  land: { de: { one: 'Land', other: 'Länder' }, en: { one: 'state', other: 'states' } },
  source: {
    de: { one: 'Harvesting-Quelle', other: 'Harvesting-Quellen' },
    en: { one: 'harvest source', other: 'harvest sources' },
  },
} as const satisfies Record<string, Record<'de' | 'en', NounForms>>;
export type CountedNoun = keyof typeof COUNTED_NOUNS;

const pluralRules = {
  de: new Intl.PluralRules('de-DE'),
  en: new Intl.PluralRules('en-GB'),
};
const numbers = {
  de: new Intl.NumberFormat('de-DE'),
  en: new Intl.NumberFormat('en-GB'),
};

/** The form of a noun for a count: German and English know only "one" and "other". */
export function pluralForm(lang: 'de' | 'en', count: number, forms: NounForms): string {
  return pluralRules[lang].select(count) === 'one' ? forms.one : forms.other;
}

/** "1 Zwilling", "2 Zwillinge", "1.234 Einträge" — a count with its noun. */
export function countLabel(
  lang: 'de' | 'en',
  count: number,
  noun: CountedNoun | NounForms,
): string {
  const forms = typeof noun === 'string' ? COUNTED_NOUNS[noun][lang] : noun;
  return `${numbers[lang].format(count)} ${pluralForm(lang, count, forms)}`;
}
