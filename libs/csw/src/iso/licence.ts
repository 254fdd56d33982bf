import type { IsoLicence, IsoText } from './types';

export const DCAT_AP_DE_LICENCE_BASE = 'http://dcat-ap.de/def/licenses/';

export type LicenceJsonResult =
  | { kind: 'licence'; licence: Omit<IsoLicence, 'text'> }
  | { kind: 'invalid'; reason: string }
  | { kind: 'none' };

/**
 * Reads the GDI-DE licence convention: a JSON object in a `gmd:otherConstraints` of the use
 * constraints, `{"id":"dl-zero-de/2.0","name":"…","url":"…","quelle":"…"}` (GDI-DE
 * Konventionen zu Metadaten, 2.x). The id is a dcat-ap.de licence id.
 */
export function parseLicenceJson(text: string): LicenceJsonResult {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    return { kind: 'invalid', reason: (e as Error).message };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { kind: 'invalid', reason: 'not a JSON object' };
  }
  const obj = value as Record<string, unknown>;
  const id = typeof obj['id'] === 'string' ? obj['id'].trim() : '';
  if (!id) return { kind: 'invalid', reason: 'no "id" member' };
  const str = (k: string): string | null =>
    typeof obj[k] === 'string' && (obj[k] as string).trim() !== ''
      ? (obj[k] as string).trim()
      : null;
  return {
    kind: 'licence',
    licence: {
      id,
      uri: licenceUri(id),
      name: str('name'),
      url: str('url'),
      source: str('quelle'),
    },
  };
}

/** `http://dcat-ap.de/def/licenses/<id>`; an id that already is such a URI is kept. */
export function licenceUri(id: string): string {
  if (/^https?:\/\/dcat-ap\.de\/def\/licenses\//.test(id)) return id.replace(/^https:/, 'http:');
  return DCAT_AP_DE_LICENCE_BASE + id;
}

/** A licence given only as an Anchor to a dcat-ap.de licence URI. */
export function licenceFromAnchor(text: IsoText): Omit<IsoLicence, 'text'> | null {
  const href = text.href?.trim();
  if (!href) return null;
  const m = /^https?:\/\/dcat-ap\.de\/def\/licenses\/(.+)$/.exec(href);
  if (!m) return null;
  return { id: m[1], uri: licenceUri(m[1]), name: text.text || null, url: null, source: null };
}
