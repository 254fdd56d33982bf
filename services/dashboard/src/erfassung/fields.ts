/**
 * The entry forms (Erfassung, issue 22 part 4): which fields each kind of record has in the form,
 * of which type, and with which vocabulary. The field names are the registry's JSON fields, so a
 * form's values are a record's values and a problem document's `errors[].field` names an input.
 * Pure: no DOM.
 */
import { VOCABULARY_CODES, type VocabularyName } from '@dpi/domain/src/labels';

export const ENTRY_KINDS = ['platform', 'twin', 'dataset', 'endpoint', 'organisation'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** The registry's collection of each kind (`/api/v1/<path>`). */
export const KIND_PATHS: Record<EntryKind, string> = {
  platform: 'platforms',
  twin: 'twins',
  dataset: 'datasets',
  endpoint: 'endpoints',
  organisation: 'organisations',
};

/** The registry's name of a kind in survey rounds (`digital-twin`; the others as they are). */
export function roundKindOf(kind: EntryKind): string {
  return kind === 'twin' ? 'digital-twin' : kind;
}

/** The entry kind of a round record's kind; undefined for kinds the entry UI has no form for. */
export function entryKindOf(roundKind: string): EntryKind | undefined {
  const kind = roundKind === 'digital-twin' ? 'twin' : roundKind;
  return isEntryKind(kind) ? kind : undefined;
}

export function isEntryKind(value: string): value is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(value);
}

export type FieldType =
  | 'text'
  | 'textarea'
  | 'url'
  | 'email'
  | 'select'
  | 'multi'
  | 'boolean'
  | 'list'
  | 'geometry'
  | 'bbox';

export interface FieldSpec {
  name: string;
  type: FieldType;
  label: readonly [de: string, en: string];
  hint?: readonly [de: string, en: string];
  required?: boolean;
  /** select and multi: the vocabulary the choices come from. */
  vocabulary?: VocabularyName;
  /** select: fixed choices instead of a vocabulary (value, [de, en]). */
  choices?: readonly (readonly [string, readonly [string, string]])[];
  /** select: the stored value is this prefix plus the code (licence URIs). */
  prefix?: string;
  /** What an empty input stands for: '' for texts the registry keeps as '' (description). */
  empty?: '' | null;
}

const LICENCE_PREFIX = 'http://dcat-ap.de/def/licenses/';

const name: FieldSpec = { name: 'name', type: 'text', label: ['Name', 'Name'], required: true };
const description: FieldSpec = {
  name: 'description',
  type: 'textarea',
  label: ['Beschreibung', 'Description'],
  empty: '',
};
const homepage: FieldSpec = {
  name: 'homepage',
  type: 'url',
  label: ['Website', 'Website'],
  hint: ['Vollständige Adresse mit https://', 'Full address with https://'],
};
const themes: FieldSpec = {
  name: 'themes',
  type: 'multi',
  label: ['EU-Datenthemen', 'EU data themes'],
  vocabulary: 'euTheme',
};
const accessRights: FieldSpec = {
  name: 'accessRights',
  type: 'select',
  label: ['Zugang', 'Access'],
  vocabulary: 'accessRight',
  hint: [
    'Nicht öffentliche Einträge sehen nur Ihr Land und die AG.',
    'Non-public entries are seen by your Land and the AG only.',
  ],
};
const geometry: FieldSpec = {
  name: 'geometry',
  type: 'geometry',
  label: ['Lage oder Gebiet', 'Location or area'],
  hint: [
    'Auf der Karte einen Punkt setzen oder ein Gebiet zeichnen.',
    'Set a point or draw an area on the map.',
  ],
};

export const FORMS: Record<EntryKind, readonly FieldSpec[]> = {
  platform: [
    name,
    {
      name: 'type',
      type: 'select',
      label: ['Typ', 'Type'],
      vocabulary: 'platformType',
      required: true,
    },
    {
      name: 'status',
      type: 'select',
      label: ['Status', 'Status'],
      vocabulary: 'status',
      required: true,
    },
    description,
    homepage,
    {
      name: 'administrativeLevel',
      type: 'select',
      label: ['Verwaltungsebene', 'Administrative level'],
      vocabulary: 'administrativeLevel',
    },
    themes,
    { name: 'openSource', type: 'boolean', label: ['Open Source', 'Open source'] },
    { name: 'repositoryUrl', type: 'url', label: ['Quellcode-Repositorium', 'Source repository'] },
    {
      name: 'reusability',
      type: 'select',
      label: ['Nachnutzbarkeit', 'Reusability'],
      vocabulary: 'reusability',
    },
    accessRights,
    geometry,
  ],
  twin: [
    name,
    {
      name: 'scope',
      type: 'select',
      label: ['Bezugsraum', 'Scope'],
      vocabulary: 'twinScope',
      required: true,
    },
    {
      name: 'kind',
      type: 'select',
      label: ['Art', 'Kind'],
      vocabulary: 'twinKind',
      required: true,
    },
    {
      name: 'maturityLevel',
      type: 'select',
      label: ['Reifegrad (DIN SPEC 91607)', 'Maturity (DIN SPEC 91607)'],
      required: true,
      choices: [1, 2, 3, 4].map((level) => [String(level), [`Stufe ${level}`, `Level ${level}`]]),
    },
    description,
    {
      name: 'useCases',
      type: 'multi',
      label: ['Anwendungsfälle', 'Use cases'],
      vocabulary: 'twinUseCase',
    },
    {
      name: 'formats',
      type: 'multi',
      label: ['3D-Formate', '3D formats'],
      vocabulary: 'threeDFormat',
    },
    { name: 'realTime', type: 'boolean', label: ['Echtzeitdaten', 'Real-time data'] },
    { name: 'simulation', type: 'boolean', label: ['Simulation', 'Simulation'] },
    homepage,
    geometry,
  ],
  dataset: [
    { name: 'title', type: 'text', label: ['Titel', 'Title'], required: true },
    description,
    { name: 'publisher', type: 'text', label: ['Herausgeber', 'Publisher'] },
    { name: 'contactEmail', type: 'email', label: ['Kontakt (E-Mail)', 'Contact (e-mail)'] },
    themes,
    {
      name: 'keywords',
      type: 'list',
      label: ['Schlagwörter', 'Keywords'],
      hint: ['Durch Komma getrennt', 'Separated by commas'],
    },
    {
      name: 'licence',
      type: 'select',
      label: ['Lizenz', 'Licence'],
      vocabulary: 'licence',
      prefix: LICENCE_PREFIX,
    },
    accessRights,
    {
      name: 'accrualPeriodicity',
      type: 'select',
      label: ['Aktualisierung', 'Update frequency'],
      vocabulary: 'frequency',
    },
    { name: 'openData', type: 'boolean', label: ['Offene Daten', 'Open data'] },
    { name: 'inspire', type: 'boolean', label: ['An INSPIRE gemeldet', 'Reported to INSPIRE'] },
    {
      name: 'bbox',
      type: 'bbox',
      label: ['Räumliche Ausdehnung', 'Spatial extent'],
      hint: ['Auf der Karte ein Rechteck aufziehen.', 'Drag a rectangle on the map.'],
    },
  ],
  endpoint: [
    name,
    {
      name: 'serviceType',
      type: 'select',
      label: ['Diensttyp', 'Service type'],
      vocabulary: 'serviceType',
      required: true,
    },
    {
      name: 'url',
      type: 'url',
      label: ['Adresse (URL)', 'Address (URL)'],
      required: true,
      hint: ['Vollständige Adresse mit https://', 'Full address with https://'],
    },
    {
      name: 'serviceVersion',
      type: 'text',
      label: ['Version', 'Version'],
      hint: ['z. B. 2.0.0', 'e.g. 2.0.0'],
    },
    { name: 'capabilitiesUrl', type: 'url', label: ['Capabilities-Adresse', 'Capabilities URL'] },
    {
      name: 'authentication',
      type: 'select',
      label: ['Anmeldung', 'Authentication'],
      vocabulary: 'endpointAuthentication',
    },
    {
      name: 'crs',
      type: 'list',
      label: ['Koordinatensysteme', 'Coordinate systems'],
      hint: ['Durch Komma getrennt, z. B. EPSG:25832', 'Separated by commas, e.g. EPSG:25832'],
    },
  ],
  organisation: [
    name,
    { name: 'shortName', type: 'text', label: ['Kurzname', 'Short name'] },
    {
      name: 'type',
      type: 'select',
      label: ['Art der Organisation', 'Type of organisation'],
      vocabulary: 'organisationType',
      required: true,
    },
    {
      name: 'level',
      type: 'select',
      label: ['Verwaltungsebene', 'Administrative level'],
      vocabulary: 'administrativeLevel',
      required: true,
      hint: [
        'Bundesbehörden meldet die AG; Ihre Organisationen gehören zu Ihrem Land.',
        'Federal bodies are entered by the AG; your organisations belong to your Land.',
      ],
    },
    homepage,
    { name: 'networks', type: 'multi', label: ['Netzwerke', 'Networks'], vocabulary: 'network' },
  ],
};

/** The codes a select or multi offers. */
export function choicesOf(field: FieldSpec): string[] {
  if (field.choices) return field.choices.map(([value]) => value);
  if (!field.vocabulary) return [];
  const codes = VOCABULARY_CODES[field.vocabulary] as readonly string[];
  return [...codes];
}

/** The record's display title (datasets have `title`, the others `name`). */
export function titleOf(record: Record<string, unknown>): string {
  const value = record['title'] ?? record['name'];
  return typeof value === 'string' ? value : '';
}

export type FieldValue = string | number | boolean | string[] | number[] | object | null;
export type Values = Record<string, FieldValue>;

/** The form's values of a record: its fields, nothing else (no id, version, timestamps …). */
export function formValues(kind: EntryKind, record: Record<string, unknown>): Values {
  const values: Values = {};
  for (const field of FORMS[kind]) values[field.name] = normalise(field, record[field.name]);
  return values;
}

/** One representation per meaning, so that "nothing entered" equals "not set". */
export function normalise(field: FieldSpec, value: unknown): FieldValue {
  switch (field.type) {
    case 'boolean':
      return value === true;
    case 'multi':
    case 'list':
      return Array.isArray(value) ? (value as string[]).map(String) : [];
    case 'geometry':
    case 'bbox':
      return value && typeof value === 'object' ? (value as object) : null;
    default: {
      if (value === null || value === undefined || value === '') return field.empty ?? null;
      if (field.name === 'maturityLevel') return Number(value);
      return typeof value === 'string' ? value : String(value as number);
    }
  }
}

/** The body of a new record: every field with a value, plus the editor's Land. */
export function createBody(kind: EntryKind, values: Values, landCode: string): Values {
  const body: Values = { landCode };
  for (const field of FORMS[kind]) {
    const value = normalise(field, values[field.name]);
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    body[field.name] = value;
  }
  return body;
}

/** Splits a comma-separated input into trimmed, non-empty entries. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
