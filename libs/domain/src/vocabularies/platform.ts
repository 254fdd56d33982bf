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
