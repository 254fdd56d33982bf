import { findLand, labelMap } from '@dpi/domain';
import { PLATFORM_TYPE_LABELS } from '../exports/labels';
import { QUALITY_THRESHOLD_PERCENT } from './handlungsbedarfe.v1';
import { ROUND_EXPLAINERS } from './handlungsbedarfe.rounds.v1';
import type { Severity } from './rule';

/**
 * Findings in words an official can act on: the entry a finding is about (a platform, a twin, a
 * Land …) and one plain sentence with its evidence, in German and English. No field names, no
 * rule ids; times in German local time. Pure functions of a finding's stored facts.
 */

export interface LocalizedText {
  de: string;
  en: string;
}

/** What a finding is about, as the dashboard links it. */
export interface FindingEntry {
  /** A record id, a Land code (DE-HH) or `federal`. */
  id: string;
  kind: 'land' | 'platform' | 'twin' | 'dataset' | 'endpoint' | 'harvestSource';
  title: string;
}

export interface FindingFacts {
  ruleId: string;
  landCode: string | null;
  subject: string;
  recordIds: readonly string[];
  evidence: Record<string, unknown>;
}

export const SEVERITY_TEXT: Record<Severity, { label: LocalizedText; meaning: LocalizedText }> = {
  high: {
    label: { de: 'hoch', en: 'high' },
    meaning: {
      de: 'Eine Grundvoraussetzung fehlt oder ein Dienst fällt aus: zuerst angehen.',
      en: 'A basic prerequisite is missing or a service fails: deal with it first.',
    },
  },
  medium: {
    label: { de: 'mittel', en: 'medium' },
    meaning: {
      de: 'Die Nachnutzung der Daten ist deutlich eingeschränkt: einplanen.',
      en: 'Reuse of the data is clearly limited: plan to fix it.',
    },
  },
  low: {
    label: { de: 'niedrig', en: 'low' },
    meaning: {
      de: 'Eine Angabe fehlt, die Auffindbarkeit oder Austausch erleichtert: bei Gelegenheit ergänzen.',
      en: 'A detail that helps finding or exchanging the data is missing: add it when convenient.',
    },
  },
  info: {
    label: { de: 'Hinweis', en: 'note' },
    meaning: {
      de: 'Kein Mangel, sondern eine Gelegenheit (etwa zur gemeinsamen Nutzung).',
      en: 'Not a defect but an opportunity (such as sharing a service).',
    },
  },
};

/** Platform types in English, from the one labels entry point (lower case inside a sentence). */
const PLATFORM_TYPE_EN: Record<string, string> = Object.fromEntries(
  Object.entries(labelMap('en', 'platformType')).map(([code, name]) => [
    code,
    /^[A-Z][a-z]/.test(name) ? name[0].toLowerCase() + name.slice(1) : name,
  ]),
);

/** Service types in the words of their standards. */
const SERVICE_TYPE_NAMES: Record<string, string> = {
  csw: 'CSW',
  wms: 'WMS',
  wmts: 'WMTS',
  wfs: 'WFS',
  wcs: 'WCS',
  atomFeed: 'Atom-Feed',
  ogcApiFeatures: 'OGC API Features',
  ogcApiRecords: 'OGC API Records',
  ogcApiProcesses: 'OGC API Processes',
  ogcApiTiles: 'OGC API Tiles',
  sensorThings: 'SensorThings API',
  '3dTiles': '3D Tiles',
  i3s: 'I3S',
  dcatRdf: 'DCAT',
  ckanApi: 'CKAN-API',
  mqtt: 'MQTT',
  otherRest: 'REST',
};

const FORMAT_NAMES: Record<string, string> = {
  citygml: 'CityGML',
  cityjson: 'CityJSON',
  '3d-tiles': '3D Tiles',
  '3dTiles': '3D Tiles',
  i3s: 'I3S',
  gltf: 'glTF',
};

const DIMENSION_NAMES: Record<string, LocalizedText> = {
  findability: { de: 'Auffindbarkeit', en: 'findability' },
  accessibility: { de: 'Zugänglichkeit', en: 'accessibility' },
  interoperability: { de: 'Interoperabilität', en: 'interoperability' },
  reusability: { de: 'Wiederverwendbarkeit', en: 'reusability' },
  contextuality: { de: 'Kontext', en: 'context' },
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);

/** "Hamburg", or the federal level for a finding without a Land. */
function landName(code: string | null): LocalizedText {
  if (!code) return { de: 'Bund', en: 'federal level' };
  const name = findLand(code)?.name ?? code;
  return { de: name, en: name };
}

/** German decimal: 48,2 */
const dec = (n: number, lang: 'de' | 'en'): string =>
  n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });

/** „a“, „b“ und „c“ / "a", "b" and "c" */
function quoted(names: readonly string[], lang: 'de' | 'en'): string {
  const q = names.map((n) => (lang === 'de' ? `„${n}“` : `"${n}"`));
  return joinWords(q, lang === 'de' ? 'und' : 'and');
}

function joinWords(words: readonly string[], and: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

/** "7. Dezember 2026, 06:30 Uhr" in German local time; "7 December 2026, 06:30 (Berlin time)". */
export function localTime(value: unknown, lang: 'de' | 'en'): string | null {
  const date = typeof value === 'string' || value instanceof Date ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  const formatted = date.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: 'Europe/Berlin',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return lang === 'de' ? `${formatted.replace(' um ', ', ')} Uhr` : `${formatted} (Berlin time)`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

type Explainer = (f: FindingFacts) => { entry: FindingEntry; sentence: LocalizedText };

const landEntry = (f: FindingFacts): FindingEntry => ({
  id: f.landCode ?? 'federal',
  kind: 'land',
  title: landName(f.landCode).de,
});

/** "Land ohne …" rules over platforms of one type. */
function landWithoutPlatform(typeDe: string, typeEn: string, articleDe: string): Explainer {
  return (f) => {
    const land = landName(f.landCode);
    const planned = strings(f.evidence['planned']);
    const hidden = num(f.evidence['plannedNotPublic']);
    let de = `Für ${land.de} ist ${articleDe} ${typeDe} im Pilot- oder Produktivbetrieb erfasst`;
    let en = `No ${typeEn} in pilot or production is recorded for ${land.en}`;
    const plannedDe: string[] = [];
    const plannedEn: string[] = [];
    if (planned.length > 0) {
      plannedDe.push(`geplant ${plural(planned.length, 'ist', 'sind')} ${quoted(planned, 'de')}`);
      plannedEn.push(`planned: ${quoted(planned, 'en')}`);
    }
    if (hidden > 0) {
      plannedDe.push(
        `${hidden} ${plural(hidden, 'weiterer geplanter Eintrag ist', 'weitere geplante Einträge sind')} nicht öffentlich`,
      );
      plannedEn.push(
        `${hidden} further planned ${plural(hidden, 'entry is', 'entries are')} not public`,
      );
    }
    if (plannedDe.length > 0) {
      de += ` (${plannedDe.join('; ')})`;
      en += ` (${plannedEn.join('; ')})`;
    }
    return { entry: landEntry(f), sentence: { de: `${de}.`, en: `${en}.` } };
  };
}

/** Dataset rules counted per Land. */
function datasetsPerLand(
  gapDe: (n: number) => string,
  gapEn: (n: number) => string,
  extra?: (f: FindingFacts) => LocalizedText | null,
): Explainer {
  return (f) => {
    const land = landName(f.landCode);
    const n = num(f.evidence['datasets']);
    const of = num(f.evidence['ofDatasets']);
    const more = extra?.(f);
    const inDe = f.landCode ? `aus ${land.de}` : 'des Bundes';
    const inEn = f.landCode ? `from ${land.en}` : 'of the federal level';
    const de = `${n} von ${of} ${plural(of, 'Datensatz', 'Datensätzen')} ${inDe} ${gapDe(n)}${more ? ` (${more.de})` : ''}.`;
    const en = `${n} of ${of} ${plural(of, 'dataset', 'datasets')} ${inEn} ${gapEn(n)}${more ? ` (${more.en})` : ''}.`;
    return { entry: landEntry(f), sentence: { de, en } };
  };
}

const LICENCE_NAMES: Record<string, string> = {
  keine: 'keine Lizenz',
};

function licenceName(uri: string): string {
  if (LICENCE_NAMES[uri]) return LICENCE_NAMES[uri];
  const id = uri.replace(/^http:\/\/dcat-ap\.de\/def\/licenses\//, '');
  return id === uri ? uri : id;
}

const EXPLAINERS: Record<string, Explainer> = {
  ...ROUND_EXPLAINERS,
  'land-without-open-data-portal': landWithoutPlatform(
    'Open-Data-Portal',
    'open data portal',
    'kein',
  ),
  'land-without-urban-data-platform': landWithoutPlatform(
    'urbane Datenplattform',
    'urban data platform',
    'keine',
  ),
  'land-without-digital-twin': (f) => {
    const land = landName(f.landCode);
    return {
      entry: landEntry(f),
      sentence: {
        de: `Für ${land.de} ist kein digitaler Zwilling erfasst, weder ein eigener noch eine Beteiligung.`,
        en: `No digital twin is recorded for ${land.en}, neither its own nor a shared one.`,
      },
    };
  },
  'platform-without-machine-readable-interface': (f) => {
    const name = text(f.evidence['platform']);
    const type = text(f.evidence['type']);
    const linked = strings(f.evidence['linkedServiceTypes']).map((t) => SERVICE_TYPE_NAMES[t] ?? t);
    const typeDe = PLATFORM_TYPE_LABELS[type];
    const typeEn = PLATFORM_TYPE_EN[type];
    const subjectDe = `Die Plattform „${name}“${typeDe ? ` (${typeDe})` : ''}`;
    const subjectEn = `The platform "${name}"${typeEn ? ` (${typeEn})` : ''}`;
    const linkedDe =
      linked.length > 0
        ? `verknüpft ${linked.length === 1 ? 'ist' : 'sind'} nur ${joinWords(linked, 'und')}`
        : 'gar kein Endpunkt ist verknüpft';
    const linkedEn =
      linked.length > 0 ? `only ${joinWords(linked, 'and')} linked` : 'no endpoint linked at all';
    return {
      entry: { id: f.subject, kind: 'platform', title: name },
      sentence: {
        de: `${subjectDe} nennt keine maschinenlesbare Schnittstelle (kein CSW-, WFS-, OGC-API-, SensorThings-, DCAT- oder CKAN-Endpunkt; ${linkedDe}).`,
        en: `${subjectEn} names no machine-readable interface (no CSW, WFS, OGC API, SensorThings, DCAT or CKAN endpoint; ${linkedEn}).`,
      },
    };
  },
  'twin-without-open-3d-format': (f) => {
    const name = text(f.evidence['twin']);
    const formats = strings(f.evidence['formats']).map((x) => FORMAT_NAMES[x] ?? x);
    const givenDe =
      formats.length > 0 ? `angegeben: ${formats.join(', ')}` : 'kein Format angegeben';
    const givenEn = formats.length > 0 ? `given: ${formats.join(', ')}` : 'no format given';
    return {
      entry: { id: f.subject, kind: 'twin', title: name },
      sentence: {
        de: `Für den digitalen Zwilling „${name}“ ist kein offenes 3D-Format wie CityGML, CityJSON oder 3D Tiles erfasst (${givenDe}).`,
        en: `No open 3D format such as CityGML, CityJSON or 3D Tiles is recorded for the digital twin "${name}" (${givenEn}).`,
      },
    };
  },
  'dataset-without-open-licence': datasetsPerLand(
    (n) => `${plural(n, 'ist', 'sind')} öffentlich, aber ohne offene Lizenz`,
    (n) => `${plural(n, 'is', 'are')} public but without an open licence`,
    (f) => {
      const licences = strings(f.evidence['licences']).map(licenceName);
      return licences.length > 0
        ? {
            de: `angegeben: ${licences.join(', ')}`,
            en: `given: ${licences.map((l) => (l === 'keine Lizenz' ? 'no licence' : l)).join(', ')}`,
          }
        : null;
    },
  ),
  'dataset-without-bbox': datasetsPerLand(
    (n) => `${plural(n, 'hat', 'haben')} keine räumliche Ausdehnung (Bounding Box)`,
    (n) => `${plural(n, 'has', 'have')} no spatial extent (bounding box)`,
  ),
  'dataset-without-contact': datasetsPerLand(
    (n) => `${plural(n, 'nennt', 'nennen')} keinen Ansprechpartner`,
    (n) => `${plural(n, 'names', 'name')} no contact point`,
  ),
  'endpoint-registered-by-several-laender': (f) => {
    const url = text(f.evidence['url']);
    const names = strings(f.evidence['names']);
    const laender = strings(f.evidence['laender']).map((c) => landName(c).de);
    return {
      entry: { id: f.recordIds[0] ?? f.subject, kind: 'endpoint', title: names[0] ?? url },
      sentence: {
        de: `Der Dienst ${url} ist von ${laender.length} Ländern erfasst (${joinWords(laender, 'und')}): eine Gelegenheit, Betrieb und Pflege abzustimmen.`,
        en: `The service ${url} is recorded by ${laender.length} Länder (${joinWords(laender, 'and')}): an opportunity to coordinate operation and maintenance.`,
      },
    };
  },
  'harvest-source-stale': (f) => {
    const source = text(f.evidence['source']);
    const lastDe = localTime(f.evidence['lastSuccessAt'], 'de');
    const lastEn = localTime(f.evidence['lastSuccessAt'], 'en');
    const dueDe = localTime(f.evidence['nextDueAt'], 'de');
    const dueEn = localTime(f.evidence['nextDueAt'], 'en');
    return {
      entry: { id: f.subject, kind: 'harvestSource', title: source },
      sentence: {
        de: `Die Harvesting-Quelle „${source}“ wurde ${lastDe ? `zuletzt am ${lastDe}` : 'noch nie'} erfolgreich gelesen${dueDe ? `; der nächste Lauf war am ${dueDe} fällig` : ''}.`,
        en: `The harvest source "${source}" was ${lastEn ? `last read successfully on ${lastEn}` : 'never read successfully'}${dueEn ? `; its next run was due on ${dueEn}` : ''}.`,
      },
    };
  },
  'harvest-source-failing': (f) => {
    const source = text(f.evidence['source']);
    const failedDe = localTime(f.evidence['failedAt'], 'de');
    const failedEn = localTime(f.evidence['failedAt'], 'en');
    const message = text(f.evidence['message']);
    const failed = num(f.evidence['failedJobs']);
    const jobs = num(f.evidence['jobs']);
    return {
      entry: { id: f.subject, kind: 'harvestSource', title: source },
      sentence: {
        de: `Der letzte Lauf der Harvesting-Quelle „${source}“ ist${failedDe ? ` am ${failedDe}` : ''} fehlgeschlagen (${failed} von ${jobs} Läufen${message ? `; Meldung: ${message}` : ''}).`,
        en: `The last run of the harvest source "${source}" failed${failedEn ? ` on ${failedEn}` : ''} (${failed} of ${jobs} runs${message ? `; message: ${message}` : ''}).`,
      },
    };
  },
  'land-metadata-quality-low': (f) => {
    const land = landName(f.landCode);
    const score = num(f.evidence['score']);
    const n = num(f.evidence['datasets']);
    const weakest = Object.keys(DIMENSION_NAMES)
      .filter((d) => typeof f.evidence[d] === 'number' || typeof f.evidence[d] === 'string')
      .sort((a, b) => num(f.evidence[a]) - num(f.evidence[b]))[0];
    const weakDe = weakest
      ? `; am schwächsten: ${DIMENSION_NAMES[weakest].de} mit ${dec(num(f.evidence[weakest]), 'de')} %`
      : '';
    const weakEn = weakest
      ? `; weakest: ${DIMENSION_NAMES[weakest].en} at ${dec(num(f.evidence[weakest]), 'en')} %`
      : '';
    return {
      entry: landEntry(f),
      sentence: {
        de: `Die Metadaten ${plural(n, 'des einen Datensatzes', `der ${n} Datensätze`)} aus ${land.de} erreichen ${dec(score, 'de')} % der Qualitätspunkte, „gut“ beginnt bei ${dec(QUALITY_THRESHOLD_PERCENT, 'de')} %${weakDe}.`,
        en: `The metadata of ${plural(n, 'the one dataset', `the ${n} datasets`)} from ${land.en} reach ${dec(score, 'en')} % of the quality points; "good" starts at ${dec(QUALITY_THRESHOLD_PERCENT, 'en')} %${weakEn}.`,
      },
    };
  },
};

/** The entry and the sentence of a finding; a rule without its own words gets a plain fallback. */
export function explainFinding(
  f: FindingFacts,
  ruleTitle: string,
): { entry: FindingEntry; sentence: LocalizedText } {
  const explain = EXPLAINERS[f.ruleId];
  if (explain) return explain(f);
  const land = landName(f.landCode);
  return {
    entry: landEntry(f),
    sentence: { de: `${ruleTitle} (${land.de}).`, en: `${ruleTitle} (${land.en}).` },
  };
}

/** Rule ids that have their own sentence (a spec checks every active rule has one). */
export const EXPLAINED_RULES = Object.keys(EXPLAINERS);
