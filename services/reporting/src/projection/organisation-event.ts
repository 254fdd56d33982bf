import { OrganisationChangedSchema } from '@dpi/contracts';
import { administrativeLevelFromPb, networkFromPb, organisationTypeFromPb } from '@dpi/domain';
import { RawEvent } from '@dpi/kafka';
import { landCodeOf, nullIfEmpty } from './event-checks';
import { sourceOf } from './platform-event';
import { decodeRecordChange, RecordChange } from './record-change';

/** Fields of the organisation read model. */
export interface OrganisationFields {
  landCode: string | null;
  name: string;
  shortName: string | null;
  level: string | null;
  organisationType: string | null;
  homepage: string | null;
  contactName: string | null;
  contactEmail: string | null;
  networks: string[];
  source: 'manual' | 'harvested';
}

export type OrganisationChange = RecordChange<OrganisationFields>;

/** Decodes and checks a record of dpi.registry.organisation.v1; throws (→ DLQ) when unusable. */
export function toOrganisationChange(raw: RawEvent): OrganisationChange {
  return decodeRecordChange(
    raw,
    OrganisationChangedSchema,
    (m) => m.organisation,
    (o) => ({
      landCode: landCodeOf(o.landCode, true),
      name: o.name,
      shortName: nullIfEmpty(o.shortName),
      level: o.level === 0 ? null : administrativeLevelFromPb(o.level),
      organisationType: o.type === 0 ? null : organisationTypeFromPb(o.type),
      homepage: nullIfEmpty(o.homepage),
      contactName: o.contact ? nullIfEmpty(o.contact.name) : null,
      contactEmail: o.contact ? nullIfEmpty(o.contact.email) : null,
      networks: o.networks.map(networkFromPb),
      source: sourceOf(o.source),
    }),
  );
}
