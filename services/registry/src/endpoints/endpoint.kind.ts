import { create } from '@bufbuild/protobuf';
import { EndpointChangedSchema, EndpointSchema, TOPICS } from '@dpi/contracts';
import { endpointAuthenticationCodec, serviceTypeCodec } from '@dpi/domain';
import { recordMetadataPb } from '../records/record-events';
import { ListSpec } from '../records/list-spec';
import { RecordKind } from '../records/record-kind';
import { CreateEndpointDto } from './dto/create-endpoint.dto';
import { EndpointEntity } from './entities/endpoint.entity';

const WRITABLE = [
  'landCode',
  'name',
  'serviceType',
  'serviceVersion',
  'url',
  'capabilitiesUrl',
  'authentication',
  'crs',
] as const;

/** Endpoints for the generic record machinery; events go to dpi.registry.endpoint.v1. */
export const ENDPOINT_KIND: RecordKind<EndpointEntity, CreateEndpointDto> = {
  name: 'endpoint',
  table: 'endpoint',
  entity: EndpointEntity,
  dto: CreateEndpointDto,
  writable: WRITABLE,
  writableOf: (e) => ({
    landCode: e.landCode,
    name: e.name,
    serviceType: e.serviceType,
    serviceVersion: e.serviceVersion,
    url: e.url,
    capabilitiesUrl: e.capabilitiesUrl,
    authentication: e.authentication,
    crs: [...e.crs],
  }),
  fieldsFrom: (dto) => ({
    landCode: dto.landCode ?? null,
    name: dto.name,
    serviceType: dto.serviceType,
    serviceVersion: dto.serviceVersion ?? '',
    url: dto.url,
    capabilitiesUrl: dto.capabilitiesUrl ?? null,
    authentication: dto.authentication ?? 'none',
    // Order matters here (a service's preferred CRS comes first), so it is kept as given.
    crs: [...(dto.crs ?? [])],
    source: 'manual',
  }),
  topic: TOPICS.registryEndpoint,
  schema: EndpointChangedSchema,
  changedMessage: (e, kind) =>
    create(EndpointChangedSchema, {
      kind,
      endpoint: create(EndpointSchema, {
        id: e.id,
        landCode: e.landCode ?? '',
        name: e.name,
        serviceType: serviceTypeCodec.toPb(e.serviceType),
        serviceVersion: e.serviceVersion,
        url: e.url,
        capabilitiesUrl: e.capabilitiesUrl ?? '',
        authentication: endpointAuthenticationCodec.toPb(e.authentication),
        crs: e.crs,
        ...recordMetadataPb(e),
      }),
    }),
};

/** Filters, facets and sorts of GET /api/v1/endpoints. */
export const ENDPOINT_LIST: ListSpec = {
  table: 'endpoint',
  filters: {
    landCode: { column: 'land_code', match: 'equals' },
    serviceType: { column: 'service_type', match: 'equals' },
    authentication: { column: 'authentication', match: 'equals' },
    source: { column: 'source', match: 'equals' },
    updatedSince: { column: 'updated_at', match: 'since' },
  },
  facets: {
    landCode: { column: 'land_code' },
    serviceType: { column: 'service_type' },
    authentication: { column: 'authentication' },
  },
  sorts: { name: 'name' },
  fullText: false,
  spatial: false,
};
