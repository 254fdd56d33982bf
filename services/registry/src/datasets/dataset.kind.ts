import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  DatasetChangedSchema,
  DatasetDistributionSchema,
  DatasetSchema,
  ProvenanceSchema,
  TOPICS,
} from '@dpi/contracts';
import { ForbiddenException } from '@nestjs/common';
import { JsonValue } from '../history/field-diff';
import { bboxPolygon } from '../records/geometry';
import { ListSpec } from '../records/list-spec';
import { recordMetadataPb } from '../records/record-events';
import { RecordKind, sortedSet } from '../records/record-kind';
import { CreateDatasetDto, DistributionDto } from './dto/create-dataset.dto';
import { DatasetEntity, Distribution } from './entities/dataset.entity';

const WRITABLE = [
  'landCode',
  'title',
  'description',
  'publisher',
  'contactName',
  'contactEmail',
  'contactUrl',
  'themes',
  'keywords',
  'licence',
  'licenceText',
  'accessRights',
  'accrualPeriodicity',
  'issued',
  'modified',
  'temporalStart',
  'temporalEnd',
  'bbox',
  'politicalGeocodingUri',
  'politicalGeocodingLevel',
  'conformsTo',
  'distributions',
  'openData',
  'inspire',
  'resourceIdentifier',
  'hierarchyLevel',
  'endpointIds',
] as const;

const distributionOf = (d: DistributionDto): Distribution => ({
  format: d.format,
  mediaType: d.mediaType ?? null,
  accessUrl: d.accessUrl,
  downloadUrl: d.downloadUrl ?? null,
  title: d.title ?? null,
  accessServiceId: d.accessServiceId ?? null,
});

/** A distribution as a merge-patch document: absent optional members are simply not there. */
const distributionDocument = (d: Distribution): Record<string, JsonValue> =>
  Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null)) as Record<string, JsonValue>;

/** Datasets for the generic record machinery; events go to dpi.registry.dataset.v1. */
export const DATASET_KIND: RecordKind<DatasetEntity, CreateDatasetDto> = {
  name: 'dataset',
  table: 'dataset',
  entity: DatasetEntity,
  dto: CreateDatasetDto,
  writable: WRITABLE,
  writableOf: (d) => ({
    landCode: d.landCode,
    title: d.title,
    description: d.description,
    publisher: d.publisher,
    contactName: d.contactName,
    contactEmail: d.contactEmail,
    contactUrl: d.contactUrl,
    themes: [...d.themes],
    keywords: [...d.keywords],
    licence: d.licence,
    licenceText: d.licenceText,
    accessRights: d.accessRights,
    accrualPeriodicity: d.accrualPeriodicity,
    issued: d.issued,
    modified: d.modified,
    temporalStart: d.temporalStart,
    temporalEnd: d.temporalEnd,
    bbox: d.bbox ? [...d.bbox] : null,
    politicalGeocodingUri: d.politicalGeocodingUri,
    politicalGeocodingLevel: d.politicalGeocodingLevel,
    conformsTo: [...d.conformsTo],
    distributions: d.distributions.map(distributionDocument),
    openData: d.openData,
    inspire: d.inspire,
    resourceIdentifier: d.resourceIdentifier,
    hierarchyLevel: d.hierarchyLevel,
    endpointIds: [...d.endpointIds],
  }),
  fieldsFrom: (dto) => ({
    landCode: dto.landCode ?? null,
    title: dto.title,
    description: dto.description ?? '',
    publisher: dto.publisher ?? null,
    contactName: dto.contactName ?? null,
    contactEmail: dto.contactEmail ?? null,
    contactUrl: dto.contactUrl ?? null,
    themes: sortedSet(dto.themes),
    keywords: dto.keywords ?? [],
    licence: dto.licence ?? null,
    licenceText: dto.licenceText ?? null,
    accessRights: dto.accessRights ?? 'PUBLIC',
    accrualPeriodicity: dto.accrualPeriodicity ?? null,
    issued: dto.issued ?? null,
    modified: dto.modified ?? null,
    temporalStart: dto.temporalStart ?? null,
    temporalEnd: dto.temporalEnd ?? null,
    bbox: dto.bbox ?? null,
    geometry: dto.bbox ? bboxPolygon(dto.bbox) : null,
    politicalGeocodingUri: dto.politicalGeocodingUri ?? null,
    politicalGeocodingLevel: dto.politicalGeocodingLevel ?? null,
    conformsTo: dto.conformsTo ?? [],
    distributions: (dto.distributions ?? []).map(distributionOf),
    openData: dto.openData ?? false,
    inspire: dto.inspire ?? false,
    resourceIdentifier: dto.resourceIdentifier ?? null,
    hierarchyLevel: dto.hierarchyLevel ?? 'dataset',
    endpointIds: sortedSet(dto.endpointIds),
    source: 'manual',
  }),
  assertMayChange: (current, principal) => {
    if (current.source === 'harvested' && principal.role !== 'admin')
      throw new ForbiddenException(
        `dataset ${current.id} is harvested from ${current.harvestSourceName ?? 'a catalogue'}: ` +
          'it is read-only here; change it at its source',
      );
  },
  topic: TOPICS.registryDataset,
  schema: DatasetChangedSchema,
  changedMessage: (d, kind) => create(DatasetChangedSchema, { kind, dataset: datasetPb(d) }),
};

/** The dataset's full state in contract form (also used for harvested datasets). */
export function datasetPb(d: DatasetEntity) {
  return create(DatasetSchema, {
    id: d.id,
    landCode: d.landCode ?? '',
    title: d.title,
    description: d.description,
    publisher: d.publisher ?? '',
    contactName: d.contactName ?? '',
    contactEmail: d.contactEmail ?? '',
    contactUrl: d.contactUrl ?? '',
    themes: d.themes,
    keywords: d.keywords,
    licence: d.licence ?? '',
    licenceText: d.licenceText ?? '',
    accessRights: d.accessRights,
    accrualPeriodicity: d.accrualPeriodicity ?? '',
    issued: d.issued ?? '',
    modified: d.modified ?? '',
    temporalStart: d.temporalStart ?? '',
    temporalEnd: d.temporalEnd ?? '',
    bbox: d.bbox ?? [],
    politicalGeocodingUri: d.politicalGeocodingUri ?? '',
    politicalGeocodingLevel: d.politicalGeocodingLevel ?? '',
    conformsTo: d.conformsTo,
    distributions: d.distributions.map((x) =>
      create(DatasetDistributionSchema, {
        format: x.format,
        mediaType: x.mediaType ?? '',
        accessUrl: x.accessUrl,
        downloadUrl: x.downloadUrl ?? '',
        title: x.title ?? '',
        accessServiceId: x.accessServiceId ?? '',
      }),
    ),
    openData: d.openData,
    inspire: d.inspire,
    resourceIdentifier: d.resourceIdentifier ?? '',
    hierarchyLevel: d.hierarchyLevel,
    endpointIds: d.endpointIds,
    provenance: d.harvestSourceId
      ? create(ProvenanceSchema, {
          harvestSourceId: d.harvestSourceId,
          harvestSourceName: d.harvestSourceName ?? '',
          fileIdentifier: d.harvestFileIdentifier ?? '',
          jobId: d.harvestJobId ?? '',
          checksum: d.harvestChecksum ?? '',
          harvestedAt: d.harvestedAt ? timestampFromDate(d.harvestedAt) : undefined,
        })
      : undefined,
    ...recordMetadataPb(d),
  });
}

/** Filters, facets and sorts of GET /api/v1/datasets. */
export const DATASET_LIST: ListSpec = {
  table: 'dataset',
  filters: {
    landCode: { column: 'land_code', match: 'equals' },
    theme: { column: 'themes', match: 'contains' },
    hierarchyLevel: { column: 'hierarchy_level', match: 'equals' },
    licence: { column: 'licence', match: 'equals' },
    openData: { column: 'open_data', match: 'equals' },
    harvestSourceId: { column: 'harvest_source_id', match: 'equals' },
    source: { column: 'source', match: 'equals' },
    updatedSince: { column: 'updated_at', match: 'since' },
  },
  facets: {
    landCode: { column: 'land_code' },
    theme: { column: 'themes', array: true },
    hierarchyLevel: { column: 'hierarchy_level' },
    licence: { column: 'licence' },
    openData: { column: 'open_data' },
    source: { column: 'source' },
  },
  sorts: { title: 'title' },
  fullText: true,
  identifiers: ['harvest_file_identifier', 'resource_identifier'],
  spatial: true,
};
