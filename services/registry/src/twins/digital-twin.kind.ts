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
import { RecordKind } from '../records/record-kind';
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
] as const;

/** Sets are stored sorted, so the same set never shows up as a change. */
const sorted = <T extends string>(values: readonly T[] | undefined): T[] =>
  [...(values ?? [])].sort();

/** Digital twins for the generic record machinery; events go to dpi.registry.digital-twin.v1. */
export const DIGITAL_TWIN_KIND: RecordKind<DigitalTwinEntity, CreateDigitalTwinDto> = {
  name: 'digital-twin',
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
  }),
  fieldsFrom: (dto) => ({
    landCode: dto.landCode ?? null,
    name: dto.name,
    description: dto.description ?? '',
    scope: dto.scope,
    kind: dto.kind,
    maturityLevel: dto.maturityLevel,
    capabilities: sorted(dto.capabilities),
    useCases: sorted(dto.useCases),
    dataBasis: sorted(dto.dataBasis),
    formats: sorted(dto.formats),
    realTime: dto.realTime ?? false,
    simulation: dto.simulation ?? false,
    digizDe: dto.digizDe ?? 'none',
    homepage: dto.homepage ?? null,
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
        ...recordMetadataPb(t),
      }),
    }),
};
