import { DatasetFields } from './dataset-event';
import { EndpointFields } from './endpoint-event';
import { HarvestJobFields } from './harvest-job-event';
import { OrganisationFields } from './organisation-event';
import { PlatformFields } from './platform-event';
import { TwinFields } from './twin-event';
import { ReadModelColumn } from './versioned-upsert';

/** GeoJSON text → PostGIS geometry (the decoders have checked the text). */
const GEOMETRY = (name: string) =>
  `CASE WHEN r.${name} IS NULL THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(r.${name}), 4326) END`;

export const PLATFORM_COLUMNS: readonly ReadModelColumn<PlatformFields>[] = [
  { name: 'land_code', type: 'text', value: (p) => p.landCode, whenDeleted: '' },
  { name: 'name', type: 'text', value: (p) => p.name, whenDeleted: '' },
  { name: 'description', type: 'text', value: (p) => p.description, whenDeleted: '' },
  { name: 'homepage', type: 'text', value: (p) => p.homepage, whenDeleted: null },
  { name: 'type', type: 'text', value: (p) => p.type, whenDeleted: '' },
  { name: 'status', type: 'text', value: (p) => p.status, whenDeleted: '' },
  { name: 'source', type: 'text', value: (p) => p.source, whenDeleted: 'manual' },
  {
    name: 'operator_organisation_id',
    type: 'uuid',
    value: (p) => p.operatorOrganisationId,
    whenDeleted: null,
  },
  {
    name: 'administrative_level',
    type: 'text',
    value: (p) => p.administrativeLevel,
    whenDeleted: null,
  },
  { name: 'themes', type: 'text[]', value: (p) => p.themes, whenDeleted: [] },
  { name: 'standards', type: 'text[]', value: (p) => p.standards, whenDeleted: [] },
  { name: 'open_source', type: 'boolean', value: (p) => p.openSource, whenDeleted: false },
  { name: 'components', type: 'text[]', value: (p) => p.components, whenDeleted: [] },
  { name: 'reusability', type: 'text', value: (p) => p.reusability, whenDeleted: null },
  { name: 'access_rights', type: 'text', value: (p) => p.accessRights, whenDeleted: null },
  {
    name: 'geometry',
    type: 'text',
    value: (p) => p.geometry,
    whenDeleted: null,
    select: GEOMETRY('geometry'),
  },
  { name: 'endpoint_ids', type: 'uuid[]', value: (p) => p.endpointIds, whenDeleted: [] },
  { name: 'dataset_ids', type: 'uuid[]', value: (p) => p.datasetIds, whenDeleted: [] },
];

export const TWIN_COLUMNS: readonly ReadModelColumn<TwinFields>[] = [
  { name: 'land_code', type: 'text', value: (t) => t.landCode, whenDeleted: null },
  { name: 'name', type: 'text', value: (t) => t.name, whenDeleted: '' },
  { name: 'description', type: 'text', value: (t) => t.description, whenDeleted: '' },
  { name: 'kind', type: 'text', value: (t) => t.twinKind, whenDeleted: '' },
  { name: 'scope', type: 'text', value: (t) => t.scope, whenDeleted: '' },
  { name: 'maturity_level', type: 'int', value: (t) => t.maturityLevel, whenDeleted: 1 },
  { name: 'capabilities', type: 'text[]', value: (t) => t.capabilities, whenDeleted: [] },
  { name: 'use_cases', type: 'text[]', value: (t) => t.useCases, whenDeleted: [] },
  { name: 'data_basis', type: 'text[]', value: (t) => t.dataBasis, whenDeleted: [] },
  { name: 'formats', type: 'text[]', value: (t) => t.formats, whenDeleted: [] },
  { name: 'real_time', type: 'boolean', value: (t) => t.realTime, whenDeleted: false },
  { name: 'simulation', type: 'boolean', value: (t) => t.simulation, whenDeleted: false },
  { name: 'digiz_de', type: 'text', value: (t) => t.digizDe, whenDeleted: null },
  { name: 'homepage', type: 'text', value: (t) => t.homepage, whenDeleted: null },
  { name: 'source', type: 'text', value: (t) => t.source, whenDeleted: 'manual' },
  {
    name: 'geometry',
    type: 'text',
    value: (t) => t.geometry,
    whenDeleted: null,
    select: GEOMETRY('geometry'),
  },
  { name: 'platform_ids', type: 'uuid[]', value: (t) => t.platformIds, whenDeleted: [] },
  { name: 'dataset_ids', type: 'uuid[]', value: (t) => t.datasetIds, whenDeleted: [] },
];

export const ORGANISATION_COLUMNS: readonly ReadModelColumn<OrganisationFields>[] = [
  { name: 'land_code', type: 'text', value: (o) => o.landCode, whenDeleted: null },
  { name: 'name', type: 'text', value: (o) => o.name, whenDeleted: '' },
  { name: 'short_name', type: 'text', value: (o) => o.shortName, whenDeleted: null },
  { name: 'level', type: 'text', value: (o) => o.level, whenDeleted: null },
  {
    name: 'organisation_type',
    type: 'text',
    value: (o) => o.organisationType,
    whenDeleted: null,
  },
  { name: 'homepage', type: 'text', value: (o) => o.homepage, whenDeleted: null },
  { name: 'contact_name', type: 'text', value: (o) => o.contactName, whenDeleted: null },
  { name: 'contact_email', type: 'text', value: (o) => o.contactEmail, whenDeleted: null },
  { name: 'networks', type: 'text[]', value: (o) => o.networks, whenDeleted: [] },
  { name: 'source', type: 'text', value: (o) => o.source, whenDeleted: 'manual' },
];

export const ENDPOINT_COLUMNS: readonly ReadModelColumn<EndpointFields>[] = [
  { name: 'land_code', type: 'text', value: (e) => e.landCode, whenDeleted: null },
  { name: 'name', type: 'text', value: (e) => e.name, whenDeleted: '' },
  { name: 'service_type', type: 'text', value: (e) => e.serviceType, whenDeleted: '' },
  { name: 'service_version', type: 'text', value: (e) => e.serviceVersion, whenDeleted: null },
  { name: 'url', type: 'text', value: (e) => e.url, whenDeleted: '' },
  { name: 'url_key', type: 'text', value: (e) => e.urlKey, whenDeleted: '' },
  { name: 'capabilities_url', type: 'text', value: (e) => e.capabilitiesUrl, whenDeleted: null },
  { name: 'authentication', type: 'text', value: (e) => e.authentication, whenDeleted: null },
  { name: 'crs', type: 'text[]', value: (e) => e.crs, whenDeleted: [] },
  { name: 'source', type: 'text', value: (e) => e.source, whenDeleted: 'manual' },
];

const BBOX = `CASE WHEN r.bbox IS NULL THEN NULL ELSE ST_MakeEnvelope((r.bbox->>0)::float8,
  (r.bbox->>1)::float8, (r.bbox->>2)::float8, (r.bbox->>3)::float8, 4326) END`;

export const DATASET_COLUMNS: readonly ReadModelColumn<DatasetFields>[] = [
  { name: 'land_code', type: 'text', value: (d) => d.landCode, whenDeleted: null },
  { name: 'title', type: 'text', value: (d) => d.title, whenDeleted: '' },
  { name: 'description', type: 'text', value: (d) => d.description, whenDeleted: '' },
  { name: 'publisher', type: 'text', value: (d) => d.publisher, whenDeleted: null },
  { name: 'contact_name', type: 'text', value: (d) => d.contactName, whenDeleted: null },
  { name: 'contact_email', type: 'text', value: (d) => d.contactEmail, whenDeleted: null },
  { name: 'contact_url', type: 'text', value: (d) => d.contactUrl, whenDeleted: null },
  { name: 'themes', type: 'text[]', value: (d) => d.themes, whenDeleted: [] },
  { name: 'keywords', type: 'text[]', value: (d) => d.keywords, whenDeleted: [] },
  { name: 'licence', type: 'text', value: (d) => d.licence, whenDeleted: null },
  { name: 'access_rights', type: 'text', value: (d) => d.accessRights, whenDeleted: null },
  {
    name: 'accrual_periodicity',
    type: 'text',
    value: (d) => d.accrualPeriodicity,
    whenDeleted: null,
  },
  { name: 'issued', type: 'text', value: (d) => d.issued, whenDeleted: null },
  { name: 'modified', type: 'text', value: (d) => d.modified, whenDeleted: null },
  { name: 'temporal_start', type: 'text', value: (d) => d.temporalStart, whenDeleted: null },
  { name: 'temporal_end', type: 'text', value: (d) => d.temporalEnd, whenDeleted: null },
  { name: 'bbox', type: 'jsonb', value: (d) => d.bbox, whenDeleted: null, select: BBOX },
  {
    name: 'political_geocoding_uri',
    type: 'text',
    value: (d) => d.politicalGeocodingUri,
    whenDeleted: null,
  },
  {
    name: 'political_geocoding_level',
    type: 'text',
    value: (d) => d.politicalGeocodingLevel,
    whenDeleted: null,
  },
  { name: 'conforms_to', type: 'text[]', value: (d) => d.conformsTo, whenDeleted: [] },
  { name: 'distributions', type: 'jsonb', value: (d) => d.distributions, whenDeleted: [] },
  { name: 'open_data', type: 'boolean', value: (d) => d.openData, whenDeleted: false },
  { name: 'inspire', type: 'boolean', value: (d) => d.inspire, whenDeleted: false },
  { name: 'hierarchy_level', type: 'text', value: (d) => d.hierarchyLevel, whenDeleted: 'dataset' },
  { name: 'endpoint_ids', type: 'uuid[]', value: (d) => d.endpointIds, whenDeleted: [] },
  {
    name: 'harvest_source_id',
    type: 'text',
    value: (d) => d.harvestSourceId,
    whenDeleted: null,
  },
  {
    name: 'harvest_source_name',
    type: 'text',
    value: (d) => d.harvestSourceName,
    whenDeleted: null,
  },
  { name: 'file_identifier', type: 'text', value: (d) => d.fileIdentifier, whenDeleted: null },
  {
    name: 'resource_identifier',
    type: 'text',
    value: (d) => d.resourceIdentifier,
    whenDeleted: null,
  },
  { name: 'source', type: 'text', value: (d) => d.source, whenDeleted: 'manual' },
  { name: 'harvested_at', type: 'timestamptz', value: (d) => d.harvestedAt, whenDeleted: null },
  { name: 'iso_document', type: 'text', value: (d) => d.isoDocument, whenDeleted: null },
  {
    name: 'iso_document_bytes',
    type: 'int',
    value: (d) => d.isoDocumentBytes,
    whenDeleted: 0,
  },
];

const int = (
  name: string,
  value: (j: HarvestJobFields) => number,
): ReadModelColumn<HarvestJobFields> => ({
  name,
  type: 'int',
  value,
  whenDeleted: 0,
});

export const HARVEST_JOB_COLUMNS: readonly ReadModelColumn<HarvestJobFields>[] = [
  {
    name: 'source_id',
    type: 'uuid',
    value: (j) => j.sourceId,
    whenDeleted: '00000000-0000-0000-0000-000000000000',
  },
  { name: 'source_name', type: 'text', value: (j) => j.sourceName, whenDeleted: '' },
  { name: 'land_code', type: 'text', value: (j) => j.landCode, whenDeleted: null },
  { name: 'mode', type: 'text', value: (j) => j.mode, whenDeleted: 'full' },
  { name: 'state', type: 'text', value: (j) => j.state, whenDeleted: 'cancelled' },
  int('matched', (j) => j.matched),
  int('received', (j) => j.received),
  int('created', (j) => j.created),
  int('updated', (j) => j.updated),
  int('unchanged', (j) => j.unchanged),
  int('deleted_records', (j) => j.deleted),
  int('failed', (j) => j.failed),
  int('warnings', (j) => j.warnings),
  { name: 'queued_at', type: 'timestamptz', value: (j) => j.queuedAt, whenDeleted: null },
  { name: 'started_at', type: 'timestamptz', value: (j) => j.startedAt, whenDeleted: null },
  { name: 'finished_at', type: 'timestamptz', value: (j) => j.finishedAt, whenDeleted: null },
  { name: 'message', type: 'text', value: (j) => j.message, whenDeleted: null },
  {
    name: 'deletes_held_back',
    type: 'boolean',
    value: (j) => j.deletesHeldBack,
    whenDeleted: false,
  },
  { name: 'schedule', type: 'text', value: (j) => j.schedule, whenDeleted: null },
  { name: 'next_due_at', type: 'timestamptz', value: (j) => j.nextDueAt, whenDeleted: null },
];
