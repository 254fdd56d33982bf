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

/**
 * The standard (a code of STANDARDS) each service type implements, null where the list has none:
 * a service type names the kind of interface, the standard what it follows, so a chart or a rule
 * that counts standards counts a platform's WFS endpoint as "OGC WFS" once (issue 21, part 8).
 */
export const SERVICE_TYPE_STANDARD: Readonly<Record<ServiceType, string | null>> = {
  csw: 'ogc-csw',
  wms: 'ogc-wms',
  wmts: 'ogc-wmts',
  wfs: 'ogc-wfs',
  wcs: null,
  atomFeed: null,
  ogcApiFeatures: 'ogcapi-features',
  ogcApiRecords: 'ogcapi-records',
  ogcApiProcesses: null,
  ogcApiTiles: null,
  sensorThings: 'ogc-sensorthings',
  '3dTiles': '3d-tiles',
  i3s: 'i3s',
  dcatRdf: null,
  ckanApi: null,
  mqtt: null,
  otherRest: null,
};

/**
 * The service type of a protocol as @dpi/csw normalises the protocols of ISO online resources
 * (`NormalisedProtocol`: 'WMS', 'OGC API Features', 'ATOM' …); undefined for downloads, websites
 * and what it does not know. The harvester's one mapping of protocols onto our vocabulary.
 */
export function serviceTypeOfProtocol(protocol: string): ServiceType | undefined {
  return Object.hasOwn(SERVICE_TYPE_OF_PROTOCOL, protocol)
    ? SERVICE_TYPE_OF_PROTOCOL[protocol]
    : undefined;
}

const SERVICE_TYPE_OF_PROTOCOL: Readonly<Record<string, ServiceType>> = {
  WMS: 'wms',
  WFS: 'wfs',
  WMTS: 'wmts',
  WCS: 'wcs',
  ATOM: 'atomFeed',
  'OGC API Features': 'ogcApiFeatures',
  'OGC API Records': 'ogcApiRecords',
  CSW: 'csw',
};
