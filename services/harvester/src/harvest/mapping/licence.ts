import { DCAT_AP_DE_LICENCE_BASE, type IsoRecord } from '@dpi/csw';

/**
 * Licences recognised in free text or links when a record lacks the GDI-DE licence JSON (many
 * services and older records): well-known licence URLs and names → dcat-ap.de licence id.
 */
const KNOWN_LICENCES: { id: string; pattern: RegExp }[] = [
  { id: 'dl-zero-de/2.0', pattern: /dl-de\/zero-2-0|datenlizenz deutschland\s*[–—-]\s*zero/i },
  {
    id: 'dl-by-de/2.0',
    pattern:
      /dl-de\/by-2-0|datenlizenz deutschland\s*[–—-]?\s*namensnennung\s*[–—-]?\s*(version )?2\.0/i,
  },
  { id: 'cc-by/4.0', pattern: /creativecommons\.org\/licenses\/by\/4\.0|\bCC[ -]BY[ -]4\.0\b/i },
  {
    id: 'cc-by-sa/4.0',
    pattern: /creativecommons\.org\/licenses\/by-sa\/4\.0|\bCC[ -]BY[ -]SA[ -]4\.0\b/i,
  },
  { id: 'cc-zero', pattern: /creativecommons\.org\/publicdomain\/zero\/1\.0|\bCC0\b/i },
  { id: 'geoNutz/20130319', pattern: /geonutzv\b|geonutzv\.pdf/i },
  { id: 'odbl', pattern: /opendatacommons\.org\/licenses\/odbl|\bODbL\b/ },
];

export interface MappedLicence {
  /** `http://dcat-ap.de/def/licenses/<id>`, empty when none or several different ones are named. */
  uri: string;
  /** The free-text use constraints, verbatim, one per line. */
  text: string;
}

/** Licence of a record: the GDI-DE licence JSON first, else one licence named unambiguously. */
export function licenceOf(record: IsoRecord): MappedLicence {
  const texts = record.licence
    ? record.licence.text
    : [...record.constraints.use.map((u) => u.text), ...record.constraints.useLimitations];
  const text = unique(texts.map((t) => t.trim()).filter(Boolean)).join('\n');
  if (record.licence) return { uri: record.licence.uri, text };

  const haystacks = [
    ...record.constraints.use.flatMap((u) => [u.text, u.href ?? '']),
    ...record.constraints.useLimitations,
  ];
  const ids = new Set(
    KNOWN_LICENCES.filter(({ pattern }) => haystacks.some((h) => pattern.test(h))).map(
      ({ id }) => id,
    ),
  );
  const [only] = ids;
  return { uri: ids.size === 1 ? `${DCAT_AP_DE_LICENCE_BASE}${only}` : '', text };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
