import { PlatformChangedSchema, RecordSource } from '@dpi/contracts';
import { LAND_CODES, platformStatusFromPb, platformTypeFromPb } from '@dpi/domain';
import { RawEvent } from '@dpi/kafka';
import { decodeRecordChange, RecordChange } from './record-change';

/** Fields of the platform read model. */
export interface PlatformFields {
  landCode: string;
  name: string;
  type: string;
  status: string;
  source: 'manual' | 'harvested';
}

/** A validated change from dpi.registry.platform.v1, ready for the read model. */
export type PlatformChange = RecordChange<PlatformFields>;

/** Decodes and checks a record; throws (→ DLQ) on anything the read model must not apply. */
export function toPlatformChange(raw: RawEvent): PlatformChange {
  return decodeRecordChange(
    raw,
    PlatformChangedSchema,
    (m) => m.platform,
    (platform) => {
      if (!LAND_CODES.includes(platform.landCode))
        throw new Error(`unknown Land code ${platform.landCode}`);
      return {
        landCode: platform.landCode,
        name: platform.name,
        type: platformTypeFromPb(platform.type),
        status: platformStatusFromPb(platform.status),
        source:
          platform.source === RecordSource.HARVESTED ? ('harvested' as const) : ('manual' as const),
      };
    },
  );
}
