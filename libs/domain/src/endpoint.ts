import {
  EndpointAuthentication as EndpointAuthenticationPb,
  ServiceType as ServiceTypePb,
} from '@dpi/contracts';
import { enumCodec } from './enum-codec';

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

export const serviceTypeCodec = enumCodec<ServiceType, ServiceTypePb>('ServiceType', {
  csw: ServiceTypePb.CSW,
  wms: ServiceTypePb.WMS,
  wmts: ServiceTypePb.WMTS,
  wfs: ServiceTypePb.WFS,
  wcs: ServiceTypePb.WCS,
  atomFeed: ServiceTypePb.ATOM_FEED,
  ogcApiFeatures: ServiceTypePb.OGC_API_FEATURES,
  ogcApiRecords: ServiceTypePb.OGC_API_RECORDS,
  ogcApiProcesses: ServiceTypePb.OGC_API_PROCESSES,
  ogcApiTiles: ServiceTypePb.OGC_API_TILES,
  sensorThings: ServiceTypePb.SENSOR_THINGS,
  '3dTiles': ServiceTypePb.TILES_3D,
  i3s: ServiceTypePb.I3S,
  dcatRdf: ServiceTypePb.DCAT_RDF,
  ckanApi: ServiceTypePb.CKAN_API,
  mqtt: ServiceTypePb.MQTT,
  otherRest: ServiceTypePb.OTHER_REST,
});

export const endpointAuthenticationCodec = enumCodec<
  EndpointAuthentication,
  EndpointAuthenticationPb
>('EndpointAuthentication', {
  none: EndpointAuthenticationPb.NONE,
  apiKey: EndpointAuthenticationPb.API_KEY,
  oauth2: EndpointAuthenticationPb.OAUTH2,
  closed: EndpointAuthenticationPb.CLOSED,
});
