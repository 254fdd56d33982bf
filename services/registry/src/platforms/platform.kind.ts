import { create } from '@bufbuild/protobuf';
import { PlatformChangedSchema, PlatformSchema, TOPICS } from '@dpi/contracts';
import { platformStatusToPb, platformTypeToPb } from '@dpi/domain';
import { recordMetadataPb } from '../records/record-events';
import { RecordKind } from '../records/record-kind';
import { CreatePlatformDto } from './dto/create-platform.dto';
import { PlatformEntity } from './entities/platform.entity';

const WRITABLE = ['landCode', 'name', 'description', 'homepage', 'type', 'status'] as const;

/** Platforms for the generic record machinery; events go to dpi.registry.platform.v1. */
export const PLATFORM_KIND: RecordKind<PlatformEntity, CreatePlatformDto> = {
  name: 'platform',
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
  }),
  fieldsFrom: (dto) => ({
    landCode: dto.landCode,
    name: dto.name,
    description: dto.description ?? '',
    homepage: dto.homepage ?? null,
    type: dto.type,
    status: dto.status,
    source: 'manual',
  }),
  topic: TOPICS.registryPlatform,
  schema: PlatformChangedSchema,
  changedMessage: (platform, kind) =>
    create(PlatformChangedSchema, {
      kind,
      platform: create(PlatformSchema, {
        id: platform.id,
        landCode: platform.landCode,
        name: platform.name,
        description: platform.description,
        homepage: platform.homepage ?? '',
        type: platformTypeToPb(platform.type),
        status: platformStatusToPb(platform.status),
        ...recordMetadataPb(platform),
      }),
    }),
};
