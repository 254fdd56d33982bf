/**
 * The registry's answers to a bad write (RFC 9457 problem documents with `errors: [{field,
 * message}]`, libs/service-kit problem.ts) as the entry form shows them: each error at its input
 * (a nested path such as `distributions[0].accessUrl` or `geometry.coordinates` at its top-level
 * field), in the page's language — the registry speaks English, the Länder's editors German.
 * Pure: no DOM.
 */
import type { Language } from '../url-state';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  status: number;
  title: string;
  detail: string;
  type: string;
  errors: FieldError[];
}

/** Reads a problem document (or anything else an error answer holds) defensively. */
export function parseProblem(status: number, body: unknown): Problem {
  const doc = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(doc['errors'])
    ? (doc['errors'] as unknown[]).flatMap((e) => {
        const entry = (e && typeof e === 'object' ? e : {}) as Record<string, unknown>;
        return typeof entry['field'] === 'string' && typeof entry['message'] === 'string'
          ? [{ field: entry['field'], message: entry['message'] }]
          : [];
      })
    : [];
  const text = (key: string) => (typeof doc[key] === 'string' ? (doc[key] as string) : '');
  return { status, title: text('title'), detail: text('detail'), type: text('type'), errors };
}

/** The form field an error path belongs to: `keywords[2]` → `keywords`, `geometry.type` → `geometry`. */
export function fieldOf(path: string): string {
  const match = /^[^.[]+/.exec(path);
  return match ? match[0] : path;
}

export interface MappedErrors {
  /** Messages per form field (already in the page's language). */
  byField: Map<string, string[]>;
  /** Errors of fields the form does not show (e.g. `landCode`), with their path. */
  other: FieldError[];
}

/** Sorts a problem's errors onto the form's fields; messages translated. */
export function mapErrors(
  errors: readonly FieldError[],
  formFields: readonly string[],
  lang: Language,
): MappedErrors {
  const known = new Set(formFields);
  const byField = new Map<string, string[]>();
  const other: FieldError[] = [];
  for (const error of errors) {
    const field = fieldOf(error.field);
    const message = translateMessage(error.message, lang);
    if (!known.has(field)) {
      other.push({ field: error.field, message });
      continue;
    }
    const list = byField.get(field) ?? [];
    if (!list.includes(message)) list.push(message);
    byField.set(field, list);
  }
  // In the form's order, so the summary at the top reads like the form.
  const ordered = new Map(
    formFields.flatMap((f) => {
      const list = byField.get(f);
      return list ? [[f, list] as const] : [];
    }),
  );
  return { byField: ordered, other };
}

/**
 * class-validator's and the registry's English messages (`<field> must …`) in German. What no
 * pattern knows keeps the registry's words after a German lead-in, so nothing is lost.
 */
const PATTERNS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/ is required$| should not be empty$| must not be empty$/, () => 'Bitte ausfüllen.'],
  [
    /must be an absolute http\(s\) URL/,
    () => 'Bitte eine vollständige Web-Adresse mit https:// angeben.',
  ],
  [/must be an e-?mail address/, () => 'Bitte eine gültige E-Mail-Adresse angeben.'],
  [
    /must be shorter than or equal to (\d+) characters|must be at most (\d+) characters|may have at most (\d+) characters/,
    (m) => `Bitte höchstens ${m[1] ?? m[2] ?? m[3]} Zeichen eingeben.`,
  ],
  [/must (?:be one of|contain only)/, () => 'Bitte einen Wert aus der Liste wählen.'],
  [/must not repeat/, () => 'Bitte keinen Eintrag doppelt angeben.'],
  [/must be a version like/, () => 'Bitte eine Versionsnummer wie 2.0.0 angeben.'],
  [/must contain CRS identifiers/, () => 'Bitte Koordinatensysteme wie EPSG:25832 angeben.'],
  [/must be an integer from 1 to 4/, () => 'Bitte eine Stufe von 1 bis 4 wählen.'],
  [/must contain a visible character/, () => 'Bitte mindestens ein sichtbares Zeichen eingeben.'],
  [/control characters/, () => 'Bitte keine Steuerzeichen verwenden.'],
  [
    /bbox|west|south|east|north/i,
    () => 'Bitte ein Rechteck innerhalb der gültigen Koordinaten aufziehen.',
  ],
  [
    /GeoJSON|geometry|coordinates|polygon|ring/i,
    () => 'Bitte eine gültige Lage oder ein gültiges Gebiet auf der Karte angeben.',
  ],
  [/must be a licence|licen[cs]e/i, () => 'Bitte eine Lizenz aus der Liste wählen.'],
];

export function translateMessage(message: string, lang: Language): string {
  if (lang === 'en') return sentence(message);
  for (const [pattern, german] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return german(match);
  }
  return `Ungültige Angabe (${message}).`;
}

/** "name should not be empty" → "Name should not be empty." */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
