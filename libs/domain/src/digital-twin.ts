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
import {
  DigizDeRelation,
  ThreeDFormat,
  TwinCapability,
  TwinDataBasis,
  TwinKind,
  TwinScope,
  TwinUseCase,
} from './vocabularies/twin';

export * from './vocabularies/twin';

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
  'citygml-2': ThreeDFormatPb.THREE_D_FORMAT_CITYGML_2,
  'citygml-3': ThreeDFormatPb.THREE_D_FORMAT_CITYGML_3,
  cityjson: ThreeDFormatPb.THREE_D_FORMAT_CITYJSON,
  '3d-tiles': ThreeDFormatPb.THREE_D_FORMAT_3D_TILES,
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
