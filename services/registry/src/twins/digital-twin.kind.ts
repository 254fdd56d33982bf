import { create } from '@bufbuild/protobuf';
import { DigitalTwinChangedSchema, DigitalTwinSchema, TOPICS } from '@dpi/contracts';
import {
  digizDeRelationCodec,
  threeDFormatCodec,
  twinCapabilityCodec,
  twinDataBasisCodec,
  twinKindCodec,
  twinScopeCodec,
  twinUseCaseCodec,
} from '@dpi/domain';
import { recordMetadataPb } from '../records/record-events';
import { normaliseGeometry } from '../records/geometry';
import { ListSpec } from '../records/list-spec';
import { RecordKind, sortedSet } from '../records/record-kind';
import { CreateDigitalTwinDto } from './dto/create-digital-twin.dto';
import { DigitalTwinEntity } from './entities/digital-twin.entity';

const WRITABLE = [
  'landCode',
  'name',
  'description',
  'scope',
  'kind',
  'maturityLevel',
  'capabilities',
  'useCases',
  'dataBasis',
  'formats',
  'realTime',
  'simulation',
  'digizDe',
  'homepage',
  'geometry',
  'platformIds',
  'datasetIds',
] as const;

/** Digital twins for the generic record machinery; events go to dpi.registry.digital-twin.v1. */
export const DIGITAL_TWIN_KIND: RecordKind<DigitalTwinEntity, CreateDigitalTwinDto> = {
  name: 'digital-twin',
  table: 'digital_twin',
  entity: DigitalTwinEntity,
  dto: CreateDigitalTwinDto,
  writable: WRITABLE,
  writableOf: (t) => ({
    landCode: t.landCode,
    name: t.name,
    description: t.description,
    scope: t.scope,
    kind: t.kind,
    maturityLevel: t.maturityLevel,
    capabilities: [...t.capabilities],
    useCases: [...t.useCases],
    dataBasis: [...t.dataBasis],
    formats: [...t.formats],
    realTime: t.realTime,
    simulation: t.simulation,
    digizDe: t.digizDe,
    homepage: t.homepage,
    geometry: t.geometry,
    platformIds: [...t.platformIds],
    datasetIds: [...t.datasetIds],
  }),
  fieldsFrom: (dto) => ({
    landCode: dto.landCode ?? null,
    name: dto.name,
    description: dto.description ?? '',
    scope: dto.scope,
    kind: dto.kind,
    maturityLevel: dto.maturityLevel,
    capabilities: sortedSet(dto.capabilities),
    useCases: sortedSet(dto.useCases),
    dataBasis: sortedSet(dto.dataBasis),
    formats: sortedSet(dto.formats),
    realTime: dto.realTime ?? false,
    simulation: dto.simulation ?? false,
    digizDe: dto.digizDe ?? 'none',
    homepage: dto.homepage ?? null,
    geometry: normaliseGeometry(dto.geometry),
    platformIds: sortedSet(dto.platformIds),
    datasetIds: sortedSet(dto.datasetIds),
    source: 'manual',
  }),
  topic: TOPICS.registryDigitalTwin,
  schema: DigitalTwinChangedSchema,
  changedMessage: (t, kind) =>
    create(DigitalTwinChangedSchema, {
      kind,
      twin: create(DigitalTwinSchema, {
        id: t.id,
        landCode: t.landCode ?? '',
        name: t.name,
        description: t.description,
        scope: twinScopeCodec.toPb(t.scope),
        kind: twinKindCodec.toPb(t.kind),
        maturityLevel: t.maturityLevel,
        capabilities: t.capabilities.map(twinCapabilityCodec.toPb),
        useCases: t.useCases.map(twinUseCaseCodec.toPb),
        dataBasis: t.dataBasis.map(twinDataBasisCodec.toPb),
        formats: t.formats.map(threeDFormatCodec.toPb),
        realTime: t.realTime,
        simulation: t.simulation,
        digizDe: digizDeRelationCodec.toPb(t.digizDe),
        homepage: t.homepage ?? '',
        geometryGeojson: t.geometry ? JSON.stringify(t.geometry) : '',
        platformIds: t.platformIds,
        datasetIds: t.datasetIds,
        ...recordMetadataPb(t),
      }),
    }),
};

/** Filters, facets and sorts of GET /api/v1/twins. */
export const DIGITAL_TWIN_LIST: ListSpec = {
  table: 'digital_twin',
  filters: {
    landCode: { column: 'land_code', match: 'equals' },
    kind: { column: 'kind', match: 'equals' },
    scope: { column: 'scope', match: 'equals' },
    maturityLevel: { column: 'maturity_level', match: 'equals' },
    useCase: { column: 'use_cases', match: 'contains' },
    format: { column: 'formats', match: 'contains' },
    source: { column: 'source', match: 'equals' },
    updatedSince: { column: 'updated_at', match: 'since' },
  },
  facets: {
    landCode: { column: 'land_code' },
    kind: { column: 'kind' },
    scope: { column: 'scope' },
    maturityLevel: { column: 'maturity_level' },
    useCase: { column: 'use_cases', array: true },
    format: { column: 'formats', array: true },
  },
  sorts: { name: 'name', maturityLevel: 'maturity_level' },
  fullText: true,
  spatial: true,
};
