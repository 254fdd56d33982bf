import { PlatformChangedSchema, RecordSource } from '@dpi/contracts';
import { platformStatusFromPb, platformTypeFromPb } from '@dpi/domain';
import { RawEvent } from '@dpi/kafka';
import { geometryText, landCodeOf, nullIfEmpty, recordIds } from './event-checks';
import { decodeRecordChange, RecordChange } from './record-change';

/** Fields of the platform read model. */
export interface PlatformFields {
  landCode: string;
  name: string;
  description: string;
  homepage: string | null;
  type: string;
  status: string;
  source: 'manual' | 'harvested';
  operatorOrganisationId: string | null;
  administrativeLevel: string | null;
  themes: string[];
  standards: string[];
  openSource: boolean;
  components: string[];
  reusability: string | null;
  accessRights: string | null;
  /** GeoJSON text, stored as a PostGIS geometry. */
  geometry: string | null;
  endpointIds: string[];
  datasetIds: string[];
}

/** A validated change from dpi.registry.platform.v1, ready for the read model. */
export type PlatformChange = RecordChange<PlatformFields>;

export const sourceOf = (source: RecordSource): 'manual' | 'harvested' =>
  source === RecordSource.HARVESTED ? 'harvested' : 'manual';

/** Decodes and checks a record; throws (→ DLQ) on anything the read model must not apply. */
export function toPlatformChange(raw: RawEvent): PlatformChange {
  return decodeRecordChange(
    raw,
    PlatformChangedSchema,
    (m) => m.platform,
    (platform) => ({
      landCode: landCodeOf(platform.landCode, false) as string,
      name: platform.name,
      description: platform.description,
      homepage: nullIfEmpty(platform.homepage),
      type: platformTypeFromPb(platform.type),
      status: platformStatusFromPb(platform.status),
      source: sourceOf(platform.source),
      operatorOrganisationId:
        platform.operatorOrganisationId === ''
          ? null
          : recordIds([platform.operatorOrganisationId], 'operatorOrganisationId')[0],
      administrativeLevel: nullIfEmpty(platform.administrativeLevel),
      themes: [...new Set(platform.themes)],
      standards: [...new Set(platform.standards)],
      openSource: platform.openSource,
      components: platform.components,
      reusability: nullIfEmpty(platform.reusability),
      accessRights: nullIfEmpty(platform.accessRights),
      geometry: geometryText(platform.geometryGeojson),
      endpointIds: recordIds(platform.endpointIds, 'endpointIds'),
      datasetIds: recordIds(platform.datasetIds, 'datasetIds'),
    }),
  );
}
