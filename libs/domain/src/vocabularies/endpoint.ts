/** Vocabularies of endpoints (protobuf-free). */
export const SERVICE_TYPES = [
  'csw',
  'wms',
  'wmts',
  'wfs',
  'wcs',
  'atomFeed',
  'ogcApiFeatures',
  'ogcApiRecords',
  'ogcApiProcesses',
  'ogcApiTiles',
  'sensorThings',
  '3dTiles',
  'i3s',
  'dcatRdf',
  'ckanApi',
  'mqtt',
  'otherRest',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Interfaces a machine can query for data (the gap rule "platform without machine-readable interface"). */
export const MACHINE_READABLE_SERVICE_TYPES: readonly ServiceType[] = [
  'ogcApiFeatures',
  'wfs',
  'sensorThings',
  'csw',
];

export const ENDPOINT_AUTHENTICATIONS = ['none', 'apiKey', 'oauth2', 'closed'] as const;
export type EndpointAuthentication = (typeof ENDPOINT_AUTHENTICATIONS)[number];
