/** Vocabularies of digital twins (protobuf-free: the labels entry point and the dashboard import them). */
export const TWIN_SCOPES = ['state', 'region', 'municipality', 'quarter', 'thematic'] as const;
export type TwinScope = (typeof TWIN_SCOPES)[number];

export const TWIN_KINDS = ['geobasis', 'urban', 'thematic'] as const;
export type TwinKind = (typeof TWIN_KINDS)[number];

/** DIN SPEC 91607: the four capabilities behind the maturity levels 1–4. */
export const TWIN_CAPABILITIES = ['integration', 'knowledge', 'decision', 'actuation'] as const;
export type TwinCapability = (typeof TWIN_CAPABILITIES)[number];
export const MATURITY_LEVELS = [1, 2, 3, 4] as const;

export const TWIN_USE_CASES = [
  'urbanPlanning',
  'mobility',
  'climateEnvironment',
  'energy',
  'infrastructure',
  'disasterProtection',
  'participation',
  'buildingPermits',
  'dayCareCapacity',
  'other',
] as const;
export type TwinUseCase = (typeof TWIN_USE_CASES)[number];

export const TWIN_DATA_BASES = [
  'lod1',
  'lod2',
  'lod3',
  'terrainModel',
  'surfaceModel',
  'pointCloud',
  'orthophoto',
  'bim',
  'realtimeIot',
  'statistics',
] as const;
export type TwinDataBasis = (typeof TWIN_DATA_BASES)[number];

/**
 * 3D formats a twin offers, coded as the standard they follow (GET /api/v1/standards), with the
 * major version where it matters: one vocabulary with the standards, so "CityGML" is never listed
 * twice under two spellings (issue 21). Earlier API words are aliases, see THREE_D_FORMAT_ALIASES.
 */
export const THREE_D_FORMATS = [
  'citygml-2',
  'citygml-3',
  'cityjson',
  '3d-tiles',
  'i3s',
  'gltf',
] as const;
export type ThreeDFormat = (typeof THREE_D_FORMATS)[number];
/** Formats with an open specification (all of the above are; kept explicit for the gap rules). */
export const OPEN_THREE_D_FORMATS: readonly ThreeDFormat[] = THREE_D_FORMATS;
/** The standard (a code of STANDARDS) each 3D format follows. */
export const THREE_D_FORMAT_STANDARD: Readonly<Record<ThreeDFormat, string>> = {
  'citygml-2': 'citygml',
  'citygml-3': 'citygml',
  cityjson: 'cityjson',
  '3d-tiles': '3d-tiles',
  i3s: 'i3s',
  gltf: 'gltf',
};
/**
 * The API words of 3D formats before the vocabulary was normalised (registry migration
 * 1763900000010 rewrote stored values); still accepted on input and stored as the canonical code.
 */
export const THREE_D_FORMAT_ALIASES: Readonly<Record<string, ThreeDFormat>> = {
  cityGml2: 'citygml-2',
  cityGml3: 'citygml-3',
  cityJson: 'cityjson',
  '3dTiles': '3d-tiles',
};

export const DIGIZ_DE_RELATIONS = ['none', 'pilot', 'dataSupplier', 'planned'] as const;
export type DigizDeRelation = (typeof DIGIZ_DE_RELATIONS)[number];

/** The canonical 3D format a word stands for (itself, or an earlier API word), undefined if none. */
export function canonicalThreeDFormat(word: string): ThreeDFormat | undefined {
  if ((THREE_D_FORMATS as readonly string[]).includes(word)) return word as ThreeDFormat;
  return Object.hasOwn(THREE_D_FORMAT_ALIASES, word) ? THREE_D_FORMAT_ALIASES[word] : undefined;
}
