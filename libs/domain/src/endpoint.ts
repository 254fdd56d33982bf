import {
  EndpointAuthentication as EndpointAuthenticationPb,
  ServiceType as ServiceTypePb,
} from '@dpi/contracts';
import { enumCodec } from './enum-codec';
import { EndpointAuthentication, ServiceType } from './vocabularies/endpoint';

export * from './vocabularies/endpoint';

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
