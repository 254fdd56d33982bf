/** How far a platform can be reused by others (the Stufenplan's "Marktplatz" offers). */
export const REUSABILITY_LEVELS = ['none', 'documented', 'offered'] as const;
export type Reusability = (typeof REUSABILITY_LEVELS)[number];

/** Who pays for a platform (Land, Bund incl. Modellprojekte Smart Cities, EU, municipal, other). */
export const FUNDING_SOURCES = ['land', 'federalMpsc', 'eu', 'municipal', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/** Software components platforms are commonly built from; free text is allowed beside them. */
export const KNOWN_COMPONENTS = [
  'Masterportal',
  'GeoNetwork',
  'FROST-Server',
  'CKAN',
  'GeoServer',
  'deegree',
  'QGIS Server',
  'MapServer',
  'pycsw',
  'CesiumJS',
  'OpenLayers',
  'Piveau',
] as const;
