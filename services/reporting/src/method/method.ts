import { SEVERITY_TEXT } from '../handlungsbedarfe/explain';
import { ACTIVE_RULE_SET } from '../handlungsbedarfe/rule-evaluator';
import { RULE_TEXTS } from '../handlungsbedarfe/rule-texts';
import type { RuleSet } from '../handlungsbedarfe/rule';
import {
  dimensionMax,
  QUALITY_DIMENSIONS,
  QUALITY_MAX,
  QUALITY_METHOD_VERSION,
  QUALITY_POINTS,
  qualityRating,
  type QualityDimension,
  type QualityRating,
} from '../quality/quality-method';
import type { MethodView } from './dto/method.views';

export const METHOD_LANGUAGES = ['de', 'en'] as const;
export type MethodLanguage = (typeof METHOD_LANGUAGES)[number];

type Words = Record<MethodLanguage, string>;

const DIMENSIONS: Record<QualityDimension, { name: Words; about: Words }> = {
  findability: {
    name: { de: 'Auffindbarkeit', en: 'Findability' },
    about: {
      de: 'Kann man den Datensatz über Schlagwörter, Themen, Ort und Zeit finden?',
      en: 'Can the dataset be found by keywords, themes, place and time?',
    },
  },
  accessibility: {
    name: { de: 'Zugänglichkeit', en: 'Accessibility' },
    about: {
      de: 'Führt eine Adresse zu den Daten, als Zugang oder zum Herunterladen?',
      en: 'Does an address lead to the data, for access or download?',
    },
  },
  interoperability: {
    name: { de: 'Interoperabilität', en: 'Interoperability' },
    about: {
      de: 'Liegen die Daten in bekannten, offenen, maschinenlesbaren Formaten oder über einen Dienst vor?',
      en: 'Are the data in known, open, machine-readable formats or behind a service?',
    },
  },
  reusability: {
    name: { de: 'Wiederverwendbarkeit', en: 'Reusability' },
    about: {
      de: 'Ist klar, unter welcher Lizenz und von wem die Daten kommen und wen man fragen kann?',
      en: 'Is it clear under which licence and from whom the data come, and whom to ask?',
    },
  },
  contextuality: {
    name: { de: 'Kontext', en: 'Contextuality' },
    about: {
      de: 'Sagen Beschreibung, Aktualisierungsrhythmus und Daten, was der Datensatz ist und wie aktuell?',
      en: 'Do description, update frequency and dates say what the dataset is and how current?',
    },
  },
};

/** Indicator names; an indicator of the quality method without one shows its key (a spec fails). */
export const INDICATOR_NAMES: Record<string, Words> = {
  keywords: { de: 'Schlagwörter angegeben', en: 'Keywords given' },
  themes: { de: 'Themen (EU-Datenthemen) angegeben', en: 'Themes (EU data themes) given' },
  spatial: { de: 'Räumliche Ausdehnung angegeben', en: 'Spatial extent given' },
  temporal: { de: 'Zeitraum angegeben', en: 'Temporal coverage given' },
  accessUrl: { de: 'Zugangsadresse einer Distribution', en: 'Access URL of a distribution' },
  downloadUrl: { de: 'Download-Adresse einer Distribution', en: 'Download URL of a distribution' },
  format: { de: 'Format angegeben', en: 'Format given' },
  mediaType: { de: 'Medientyp angegeben', en: 'Media type given' },
  knownFormat: { de: 'Format aus dem EU-Vokabular', en: 'Format from the EU vocabulary' },
  nonProprietary: { de: 'Offenes (nicht proprietäres) Format', en: 'Non-proprietary format' },
  machineReadable: { de: 'Maschinenlesbares Format', en: 'Machine-readable format' },
  serviceInterface: {
    de: 'Über einen Dienst (Schnittstelle) erreichbar',
    en: 'Available through a service (interface)',
  },
  licence: { de: 'Lizenz angegeben', en: 'Licence given' },
  licenceVocabulary: {
    de: 'Lizenz aus der dcat-ap.de-Liste',
    en: 'Licence from the dcat-ap.de list',
  },
  accessRights: { de: 'Zugriffsrechte angegeben', en: 'Access rights given' },
  contactPoint: { de: 'Ansprechpartner angegeben', en: 'Contact point given' },
  publisher: { de: 'Herausgeber angegeben', en: 'Publisher given' },
  description: { de: 'Beschreibung vorhanden', en: 'Description given' },
  accrualPeriodicity: { de: 'Aktualisierungsrhythmus angegeben', en: 'Update frequency given' },
  issued: { de: 'Veröffentlichungsdatum angegeben', en: 'Issue date given' },
  modified: { de: 'Änderungsdatum angegeben', en: 'Modification date given' },
};

const RATING_NAMES: Record<QualityRating, Words> = {
  excellent: { de: 'ausgezeichnet', en: 'excellent' },
  good: { de: 'gut', en: 'good' },
  sufficient: { de: 'ausreichend', en: 'sufficient' },
  bad: { de: 'mangelhaft', en: 'bad' },
};

/**
 * The rating bands, read off `qualityRating` itself (the lowest percentage, in tenths, that
 * reaches each rating) so this page cannot disagree with the score.
 */
export function ratingBands(): { rating: QualityRating; fromPercent: number }[] {
  const bands: { rating: QualityRating; fromPercent: number }[] = [];
  let previous: QualityRating | null = null;
  for (let tenth = 0; tenth <= 1000; tenth++) {
    const percent = tenth / 10;
    const rating = qualityRating(percent);
    if (rating !== previous) bands.push({ rating, fromPercent: percent });
    previous = rating;
  }
  return bands.reverse();
}

const MAP_CLASSES: Record<'how' | 'why' | 'zero', Words> = {
  how: {
    de: 'Die Karte färbt jedes Land nach der gewählten Kennzahl (z. B. Zahl der Plattformen). Die Farbklassen werden aus den aktuellen Werten der 16 Länder berechnet, nicht fest vorgegeben: Die Werte werden so in Klassen geteilt, dass sich die Länder über die Farbstufen verteilen (statt dass fast alle in der hellsten Stufe landen). Die Legende nennt zu jeder Farbe die Spanne der Werte und wie die Klassen gebildet wurden; ändern sich die Zahlen, ändern sich die Grenzen.',
    en: 'The map colours each Land by the chosen measure (e.g. the number of platforms). The colour classes are computed from the current values of the 16 Länder, not fixed in advance: the values are split so that the Länder spread across the colour steps (instead of nearly all landing in the palest one). The legend gives each colour’s range of values and how the classes were made; when the figures change, the limits change.',
  },
  why: {
    de: 'Feste Stufen passen nur zu einer bestimmten Verteilung; mit wenigen großen Werten fielen sonst 14 von 16 Ländern in dieselbe Klasse.',
    en: 'Fixed steps suit only one distribution; with a few large values 14 of 16 Länder would otherwise fall into the same class.',
  },
  zero: {
    de: 'Länder mit dem Wert 0 bekommen eine eigene, neutrale Farbe.',
    en: 'Länder with the value 0 get a neutral colour of their own.',
  },
};

const INTRO: Words = {
  de: 'Wie das Dashboard Handlungsbedarfe feststellt, die Metadatenqualität bewertet und die Karte einfärbt. Alle Regeln werden laufend auf das aktuelle Inventar angewendet; jeder Befund nennt den betroffenen Eintrag und die Tatsachen, auf denen er beruht.',
  en: 'How the dashboard finds needs for action, rates metadata quality and colours the map. All rules are applied continuously to the current inventory; each finding names the entry concerned and the facts it rests on.',
};

/** The method page's content in one language. Pure: a function of the rule set and quality method. */
export function describeMethod(lang: MethodLanguage, rules: RuleSet = ACTIVE_RULE_SET): MethodView {
  return {
    lang,
    intro: INTRO[lang],
    handlungsbedarfe: {
      ruleSetVersion: rules.version,
      severities: (['high', 'medium', 'low', 'info'] as const).map((level) => ({
        level,
        label: SEVERITY_TEXT[level].label[lang],
        meaning: SEVERITY_TEXT[level].meaning[lang],
      })),
      rules: rules.rules.map((rule) => {
        const texts = RULE_TEXTS[rule.id];
        return {
          id: rule.id,
          version: rule.version,
          title: texts?.title[lang] ?? rule.title,
          severity: rule.severity,
          severityLabel: SEVERITY_TEXT[rule.severity].label[lang],
          checks: texts?.checks[lang] ?? '',
          why: lang === 'de' ? rule.rationale : (texts?.whyEn ?? rule.rationale),
          fix: texts?.fix[lang] ?? '',
        };
      }),
    },
    quality: {
      version: QUALITY_METHOD_VERSION,
      maxPoints: QUALITY_MAX,
      summary:
        lang === 'de'
          ? `Jeder Datensatz erhält nach dem Vorbild des Metadata Quality Assessment (MQA) des EU-Datenportals bis zu ${QUALITY_MAX} Punkte in fünf Dimensionen. Der Wert eines Landes ist der Durchschnitt seiner Datensätze in Prozent der Höchstpunktzahl.`
          : `Following the Metadata Quality Assessment (MQA) of the European data portal, each dataset earns up to ${QUALITY_MAX} points in five dimensions. A Land's score is the average of its datasets as a percentage of the maximum.`,
      dimensions: QUALITY_DIMENSIONS.map((dimension) => ({
        id: dimension,
        name: DIMENSIONS[dimension].name[lang],
        about: DIMENSIONS[dimension].about[lang],
        maxPoints: dimensionMax(dimension),
        criteria: Object.entries(QUALITY_POINTS[dimension] as Record<string, number>).map(
          ([id, points]) => ({ id, name: INDICATOR_NAMES[id]?.[lang] ?? id, points }),
        ),
      })),
      ratings: ratingBands().map(({ rating, fromPercent }) => ({
        rating,
        label: RATING_NAMES[rating][lang],
        fromPercent,
      })),
    },
    mapClasses: {
      how: MAP_CLASSES.how[lang],
      why: MAP_CLASSES.why[lang],
      zero: MAP_CLASSES.zero[lang],
    },
  };
}

/** `lang` if given, else the first of Accept-Language that is German or English, else German. */
export function methodLanguage(
  lang: string | undefined,
  acceptLanguage: string | undefined,
): MethodLanguage {
  if (lang === 'de' || lang === 'en') return lang;
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  const match = wanted.find((x) => x.tag === 'de' || x.tag === 'en');
  return (match?.tag as MethodLanguage | undefined) ?? 'de';
}
