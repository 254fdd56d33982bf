import { PlatformStatus as PlatformStatusPb, PlatformType as PlatformTypePb } from '@dpi/contracts';
import { enumCodec } from './enum-codec';
import { PlatformStatus, PlatformType } from './vocabularies/platform';

export * from './vocabularies/platform';

const platformType = enumCodec<PlatformType, PlatformTypePb>('PlatformType', {
  geoportal: PlatformTypePb.GEOPORTAL,
  sdiCatalogue: PlatformTypePb.SDI_CATALOGUE,
  openDataPortal: PlatformTypePb.OPEN_DATA_PORTAL,
  urbanDataPlatform: PlatformTypePb.URBAN_DATA_PLATFORM,
  iotSensorPlatform: PlatformTypePb.IOT_SENSOR_PLATFORM,
  mobilityDataPlatform: PlatformTypePb.MOBILITY_DATA_PLATFORM,
  modelSimulationPlatform: PlatformTypePb.MODEL_SIMULATION_PLATFORM,
  dataSpace: PlatformTypePb.DATA_SPACE,
  twinViewer: PlatformTypePb.TWIN_VIEWER,
});

const platformStatus = enumCodec<PlatformStatus, PlatformStatusPb>('PlatformStatus', {
  planned: PlatformStatusPb.PLANNED,
  pilot: PlatformStatusPb.PILOT,
  production: PlatformStatusPb.PRODUCTION,
  retired: PlatformStatusPb.RETIRED,
});

export const platformTypeToPb = platformType.toPb;
export const platformTypeFromPb = platformType.fromPb;
export const platformStatusToPb = platformStatus.toPb;
export const platformStatusFromPb = platformStatus.fromPb;
