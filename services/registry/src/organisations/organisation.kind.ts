import { create } from '@bufbuild/protobuf';
import {
  ContactSchema,
  OrganisationChangedSchema,
  OrganisationSchema,
  TOPICS,
} from '@dpi/contracts';
import { administrativeLevelToPb, networkToPb, organisationTypeToPb } from '@dpi/domain';
import { JsonValue } from '../history/field-diff';
import { recordMetadataPb } from '../records/record-events';
import { ListSpec } from '../records/list-spec';
import { RecordKind } from '../records/record-kind';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { OrganisationEntity } from './entities/organisation.entity';

const WRITABLE = [
  'landCode',
  'name',
  'shortName',
  'level',
  'type',
  'homepage',
  'contact',
  'networks',
] as const;

/** Organisations for the generic record machinery; events go to dpi.registry.organisation.v1. */
export const ORGANISATION_KIND: RecordKind<OrganisationEntity, CreateOrganisationDto> = {
  name: 'organisation',
  table: 'organisation',
  entity: OrganisationEntity,
  dto: CreateOrganisationDto,
  writable: WRITABLE,
  writableOf: (o) => ({
    landCode: o.landCode,
    name: o.name,
    shortName: o.shortName,
    level: o.level,
    type: o.type,
    homepage: o.homepage,
    contact: (o.contact as { [key: string]: JsonValue } | null) ?? null,
    networks: [...o.networks],
  }),
  fieldsFrom: (dto) => ({
    landCode: dto.level === 'federal' ? null : (dto.landCode ?? null),
    name: dto.name,
    shortName: dto.shortName ?? '',
    level: dto.level,
    type: dto.type,
    homepage: dto.homepage ?? null,
    // Stored without empty members, so an unchanged contact never shows up as a change.
    contact: dto.contact && Object.values(dto.contact).some((v) => v) ? { ...dto.contact } : null,
    networks: [...(dto.networks ?? [])].sort(),
    source: 'manual',
  }),
  topic: TOPICS.registryOrganisation,
  schema: OrganisationChangedSchema,
  changedMessage: (o, kind) =>
    create(OrganisationChangedSchema, {
      kind,
      organisation: create(OrganisationSchema, {
        id: o.id,
        landCode: o.landCode ?? '',
        name: o.name,
        shortName: o.shortName,
        level: administrativeLevelToPb(o.level),
        type: organisationTypeToPb(o.type),
        homepage: o.homepage ?? '',
        contact: o.contact ? create(ContactSchema, o.contact) : undefined,
        networks: o.networks.map(networkToPb),
        ...recordMetadataPb(o),
      }),
    }),
};

/** Filters, facets and sorts of GET /api/v1/organisations. */
export const ORGANISATION_LIST: ListSpec = {
  table: 'organisation',
  filters: {
    landCode: { column: 'land_code', match: 'equals' },
    level: { column: 'level', match: 'equals' },
    type: { column: 'type', match: 'equals' },
    source: { column: 'source', match: 'equals' },
    updatedSince: { column: 'updated_at', match: 'since' },
  },
  facets: {
    landCode: { column: 'land_code' },
    level: { column: 'level' },
    type: { column: 'type' },
  },
  sorts: { name: 'name' },
  fullText: false,
  spatial: false,
};
