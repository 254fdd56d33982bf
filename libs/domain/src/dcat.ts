/**
 * Vocabularies of DCAT-AP.de 3.0 and the EU authority tables, as the REST API and the contracts
 * carry them (the code; the URI is derived).
 */

/** EU data themes (`dcat:theme`). */
export const EU_THEMES = [
  'AGRI',
  'ECON',
  'EDUC',
  'ENER',
  'ENVI',
  'GOVE',
  'HEAL',
  'INTR',
  'JUST',
  'REGI',
  'SOCI',
  'TECH',
  'TRAN',
] as const;
export type EuTheme = (typeof EU_THEMES)[number];
export const EU_THEME_BASE = 'http://publications.europa.eu/resource/authority/data-theme/';

/** EU access rights (`dct:accessRights`). */
export const ACCESS_RIGHTS = ['PUBLIC', 'RESTRICTED', 'NON_PUBLIC'] as const;
export type AccessRight = (typeof ACCESS_RIGHTS)[number];
export const ACCESS_RIGHT_BASE = 'http://publications.europa.eu/resource/authority/access-right/';

/** EU frequencies (`dct:accrualPeriodicity`), the ones German catalogues use. */
export const FREQUENCIES = [
  'CONT',
  'DAILY',
  'WEEKLY',
  'MONTHLY',
  'QUARTERLY',
  'BIANNUAL',
  'ANNUAL',
  'BIENNIAL',
  'IRREG',
  'NEVER',
  'UNKNOWN',
] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_BASE = 'http://publications.europa.eu/resource/authority/frequency/';

/** dcat-ap.de licence URIs start with this; the id follows (`dl-by-de/2.0`, `cc-by/4.0` …). */
export const LICENCE_BASE = 'http://dcat-ap.de/def/licenses/';
/** Licences GovData lists as open (DL-DE, CC, ODbL …); anything else counts as not open. */
export const OPEN_LICENCE_IDS = [
  'dl-zero-de/2.0',
  'dl-by-de/2.0',
  'dl-by-nc-de/1.0',
  'dl-by-de/1.0',
  'cc-zero',
  'cc-by/4.0',
  'cc-by-sa/4.0',
  'cc-by',
  'cc-by-sa',
  'odbl',
  'odc-by',
  'odc-pddl',
  'geonutz/20130319',
  'geoNutz/20130319',
  'officialWork',
] as const;
/** `http://dcat-ap.de/def/licenses/<id>` with a plausible id. */
export const LICENCE_URI_PATTERN =
  /^http:\/\/dcat-ap\.de\/def\/licenses\/[A-Za-z0-9][A-Za-z0-9._/-]{0,80}$/;

export function isOpenLicence(uri: string | null | undefined): boolean {
  if (!uri || !uri.startsWith(LICENCE_BASE)) return false;
  return (OPEN_LICENCE_IDS as readonly string[]).includes(uri.slice(LICENCE_BASE.length));
}

/** Political geocoding levels of DCAT-AP.de (`dcatde:politicalGeocodingLevelURI`). */
export const GEOCODING_LEVELS = [
  'international',
  'european',
  'federal',
  'state',
  'administrativeDistrict',
  'municipality',
] as const;
export type GeocodingLevel = (typeof GEOCODING_LEVELS)[number];
export const GEOCODING_LEVEL_BASE = 'http://dcat-ap.de/def/politicalGeocoding/Level/';
export const STATE_KEY_BASE = 'http://dcat-ap.de/def/politicalGeocoding/stateKey/';

/** ISO 19115 `MD_ScopeCode` values a dataset record can have. */
export const HIERARCHY_LEVELS = [
  'dataset',
  'series',
  'service',
  'application',
  'nonGeographicDataset',
  'tile',
  'model',
  'other',
] as const;
export type HierarchyLevel = (typeof HIERARCHY_LEVELS)[number];
