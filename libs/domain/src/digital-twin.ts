import {
  DigizDeRelation as DigizDeRelationPb,
  ThreeDFormat as ThreeDFormatPb,
  TwinCapability as TwinCapabilityPb,
  TwinDataBasis as TwinDataBasisPb,
  TwinKind as TwinKindPb,
  TwinScope as TwinScopePb,
  TwinUseCase as TwinUseCasePb,
} from '@dpi/contracts';
import { enumCodec } from './enum-codec';

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

export const THREE_D_FORMATS = [
  'cityGml2',
  'cityGml3',
  'cityJson',
  '3dTiles',
  'i3s',
  'gltf',
] as const;
export type ThreeDFormat = (typeof THREE_D_FORMATS)[number];
/** Formats with an open specification (all of the above are; kept explicit for the gap rules). */
export const OPEN_THREE_D_FORMATS: readonly ThreeDFormat[] = THREE_D_FORMATS;

export const DIGIZ_DE_RELATIONS = ['none', 'pilot', 'dataSupplier', 'planned'] as const;
export type DigizDeRelation = (typeof DIGIZ_DE_RELATIONS)[number];

export const twinScopeCodec = enumCodec<TwinScope, TwinScopePb>('TwinScope', {
  state: TwinScopePb.STATE,
  region: TwinScopePb.REGION,
  municipality: TwinScopePb.MUNICIPALITY,
  quarter: TwinScopePb.QUARTER,
  thematic: TwinScopePb.THEMATIC,
});

export const twinKindCodec = enumCodec<TwinKind, TwinKindPb>('TwinKind', {
  geobasis: TwinKindPb.GEOBASIS,
  urban: TwinKindPb.URBAN,
  thematic: TwinKindPb.THEMATIC,
});

export const twinCapabilityCodec = enumCodec<TwinCapability, TwinCapabilityPb>('TwinCapability', {
  integration: TwinCapabilityPb.INTEGRATION,
  knowledge: TwinCapabilityPb.KNOWLEDGE,
  decision: TwinCapabilityPb.DECISION,
  actuation: TwinCapabilityPb.ACTUATION,
});

export const twinUseCaseCodec = enumCodec<TwinUseCase, TwinUseCasePb>('TwinUseCase', {
  urbanPlanning: TwinUseCasePb.URBAN_PLANNING,
  mobility: TwinUseCasePb.MOBILITY,
  climateEnvironment: TwinUseCasePb.CLIMATE_ENVIRONMENT,
  energy: TwinUseCasePb.ENERGY,
  infrastructure: TwinUseCasePb.INFRASTRUCTURE,
  disasterProtection: TwinUseCasePb.DISASTER_PROTECTION,
  participation: TwinUseCasePb.PARTICIPATION,
  buildingPermits: TwinUseCasePb.BUILDING_PERMITS,
  dayCareCapacity: TwinUseCasePb.DAY_CARE_CAPACITY,
  other: TwinUseCasePb.OTHER,
});

export const twinDataBasisCodec = enumCodec<TwinDataBasis, TwinDataBasisPb>('TwinDataBasis', {
  lod1: TwinDataBasisPb.LOD1,
  lod2: TwinDataBasisPb.LOD2,
  lod3: TwinDataBasisPb.LOD3,
  terrainModel: TwinDataBasisPb.TERRAIN_MODEL,
  surfaceModel: TwinDataBasisPb.SURFACE_MODEL,
  pointCloud: TwinDataBasisPb.POINT_CLOUD,
  orthophoto: TwinDataBasisPb.ORTHOPHOTO,
  bim: TwinDataBasisPb.BIM,
  realtimeIot: TwinDataBasisPb.REALTIME_IOT,
  statistics: TwinDataBasisPb.STATISTICS,
});

export const threeDFormatCodec = enumCodec<ThreeDFormat, ThreeDFormatPb>('ThreeDFormat', {
  cityGml2: ThreeDFormatPb.THREE_D_FORMAT_CITYGML_2,
  cityGml3: ThreeDFormatPb.THREE_D_FORMAT_CITYGML_3,
  cityJson: ThreeDFormatPb.THREE_D_FORMAT_CITYJSON,
  '3dTiles': ThreeDFormatPb.THREE_D_FORMAT_3D_TILES,
  i3s: ThreeDFormatPb.THREE_D_FORMAT_I3S,
  gltf: ThreeDFormatPb.THREE_D_FORMAT_GLTF,
});

export const digizDeRelationCodec = enumCodec<DigizDeRelation, DigizDeRelationPb>(
  'DigizDeRelation',
  {
    none: DigizDeRelationPb.NONE,
    pilot: DigizDeRelationPb.PILOT,
    dataSupplier: DigizDeRelationPb.DATA_SUPPLIER,
    planned: DigizDeRelationPb.PLANNED,
  },
);
