import { PlatformStatus as PlatformStatusPb, PlatformType as PlatformTypePb } from '@dpi/contracts';

/** Platform types as they appear in the REST API (camelCase, like DCAT-AP.de's level names). */
export const PLATFORM_TYPES = [
  'geoportal',
  'sdiCatalogue',
  'openDataPortal',
  'urbanDataPlatform',
  'iotSensorPlatform',
  'mobilityDataPlatform',
  'modelSimulationPlatform',
  'dataSpace',
  'twinViewer',
] as const;
export type PlatformType = (typeof PLATFORM_TYPES)[number];

export const PLATFORM_STATUSES = ['planned', 'pilot', 'production', 'retired'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

export const RECORD_SOURCES = ['manual', 'harvested'] as const;
export type RecordSource = (typeof RECORD_SOURCES)[number];

const TYPE_TO_PB: Record<PlatformType, PlatformTypePb> = {
  geoportal: PlatformTypePb.GEOPORTAL,
  sdiCatalogue: PlatformTypePb.SDI_CATALOGUE,
  openDataPortal: PlatformTypePb.OPEN_DATA_PORTAL,
  urbanDataPlatform: PlatformTypePb.URBAN_DATA_PLATFORM,
  iotSensorPlatform: PlatformTypePb.IOT_SENSOR_PLATFORM,
  mobilityDataPlatform: PlatformTypePb.MOBILITY_DATA_PLATFORM,
  modelSimulationPlatform: PlatformTypePb.MODEL_SIMULATION_PLATFORM,
  dataSpace: PlatformTypePb.DATA_SPACE,
  twinViewer: PlatformTypePb.TWIN_VIEWER,
};

const STATUS_TO_PB: Record<PlatformStatus, PlatformStatusPb> = {
  planned: PlatformStatusPb.PLANNED,
  pilot: PlatformStatusPb.PILOT,
  production: PlatformStatusPb.PRODUCTION,
  retired: PlatformStatusPb.RETIRED,
};

function invert<K extends string, V extends number>(map: Record<K, V>): Map<V, K> {
  return new Map(Object.entries(map).map(([k, v]) => [v as V, k as K]));
}

const TYPE_FROM_PB = invert(TYPE_TO_PB);
const STATUS_FROM_PB = invert(STATUS_TO_PB);

export const platformTypeToPb = (type: PlatformType): PlatformTypePb => TYPE_TO_PB[type];
export const platformStatusToPb = (status: PlatformStatus): PlatformStatusPb =>
  STATUS_TO_PB[status];

/** Maps a contract enum back to the API word; throws on values this build does not know. */
export function platformTypeFromPb(value: PlatformTypePb): PlatformType {
  const type = TYPE_FROM_PB.get(value);
  if (!type) throw new Error(`unknown PlatformType ${value}`);
  return type;
}

export function platformStatusFromPb(value: PlatformStatusPb): PlatformStatus {
  const status = STATUS_FROM_PB.get(value);
  if (!status) throw new Error(`unknown PlatformStatus ${value}`);
  return status;
}
