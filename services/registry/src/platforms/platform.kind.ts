import { create } from '@bufbuild/protobuf';
import { PlatformChangedSchema, PlatformSchema, TOPICS } from '@dpi/contracts';
import { platformStatusToPb, platformTypeToPb } from '@dpi/domain';
import { normaliseGeometry } from '../records/geometry';
import { ListSpec } from '../records/list-spec';
import { recordMetadataPb } from '../records/record-events';
import { RecordKind, sortedSet } from '../records/record-kind';
import { CreatePlatformDto } from './dto/create-platform.dto';
import { PlatformEntity } from './entities/platform.entity';

const WRITABLE = [
  'landCode',
  'name',
  'description',
  'homepage',
  'type',
  'status',
  'operatorOrganisationId',
  'administrativeLevel',
  'themes',
  'standards',
  'openSource',
  'repositoryUrl',
  'components',
  'reusability',
  'funding',
  'accessRights',
  'geometry',
  'endpointIds',
  'datasetIds',
] as const;

/** Platforms for the generic record machinery; events go to dpi.registry.platform.v1. */
export const PLATFORM_KIND: RecordKind<PlatformEntity, CreatePlatformDto> = {
  name: 'platform',
  table: 'platform',
  entity: PlatformEntity,
  dto: CreatePlatformDto,
  writable: WRITABLE,
  writableOf: (p) => ({
    landCode: p.landCode,
    name: p.name,
    description: p.description,
    homepage: p.homepage,
    type: p.type,
    status: p.status,
    operatorOrganisationId: p.operatorOrganisationId,
    administrativeLevel: p.administrativeLevel,
    themes: [...p.themes],
    standards: [...p.standards],
    openSource: p.openSource,
    repositoryUrl: p.repositoryUrl,
    components: [...p.components],
    reusability: p.reusability,
    funding: [...p.funding],
    accessRights: p.accessRights,
    geometry: p.geometry,
    endpointIds: [...p.endpointIds],
    datasetIds: [...p.datasetIds],
  }),
  fieldsFrom: (dto) => ({
    landCode: dto.landCode,
    name: dto.name,
    description: dto.description ?? '',
    homepage: dto.homepage ?? null,
    type: dto.type,
    status: dto.status,
    operatorOrganisationId: dto.operatorOrganisationId ?? null,
    administrativeLevel: dto.administrativeLevel ?? null,
    themes: sortedSet(dto.themes),
    standards: sortedSet(dto.standards),
    openSource: dto.openSource ?? false,
    repositoryUrl: dto.repositoryUrl ?? null,
    components: dto.components ?? [],
    reusability: dto.reusability ?? 'none',
    funding: sortedSet(dto.funding),
    accessRights: dto.accessRights ?? 'PUBLIC',
    geometry: normaliseGeometry(dto.geometry),
    endpointIds: sortedSet(dto.endpointIds),
    datasetIds: sortedSet(dto.datasetIds),
    source: 'manual',
  }),
  topic: TOPICS.registryPlatform,
  schema: PlatformChangedSchema,
  changedMessage: (p, kind) =>
    create(PlatformChangedSchema, {
      kind,
      platform: create(PlatformSchema, {
        id: p.id,
        landCode: p.landCode,
        name: p.name,
        description: p.description,
        homepage: p.homepage ?? '',
        type: platformTypeToPb(p.type),
        status: platformStatusToPb(p.status),
        operatorOrganisationId: p.operatorOrganisationId ?? '',
        administrativeLevel: p.administrativeLevel ?? '',
        themes: p.themes,
        standards: p.standards,
        openSource: p.openSource,
        repositoryUrl: p.repositoryUrl ?? '',
        components: p.components,
        reusability: p.reusability,
        funding: p.funding,
        accessRights: p.accessRights,
        geometryGeojson: p.geometry ? JSON.stringify(p.geometry) : '',
        endpointIds: p.endpointIds,
        datasetIds: p.datasetIds,
        ...recordMetadataPb(p),
      }),
    }),
};

/** Filters, facets and sorts of GET /api/v1/platforms. */
export const PLATFORM_LIST: ListSpec = {
  table: 'platform',
  filters: {
    landCode: { column: 'land_code', match: 'equals' },
    type: { column: 'type', match: 'equals' },
    status: { column: 'status', match: 'equals' },
    theme: { column: 'themes', match: 'contains' },
    standard: { column: 'standards', match: 'contains' },
    reusability: { column: 'reusability', match: 'equals' },
    source: { column: 'source', match: 'equals' },
    updatedSince: { column: 'updated_at', match: 'since' },
  },
  facets: {
    landCode: { column: 'land_code' },
    type: { column: 'type' },
    status: { column: 'status' },
    theme: { column: 'themes', array: true },
    standard: { column: 'standards', array: true },
  },
  sorts: { name: 'name' },
  fullText: true,
  spatial: true,
};
