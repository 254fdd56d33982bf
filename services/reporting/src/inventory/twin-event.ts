import { DigitalTwinChangedSchema } from '@dpi/contracts';
import { LAND_CODES, twinKindCodec, twinScopeCodec } from '@dpi/domain';
import { RawEvent } from '@dpi/kafka';
import { decodeRecordChange, RecordChange } from './record-change';

/** Fields of the twin read model. */
export interface TwinFields {
  /** null for federal twins. */
  landCode: string | null;
  name: string;
  twinKind: string;
  scope: string;
  maturityLevel: number;
}

/** A validated change from dpi.registry.digital-twin.v1. */
export type TwinChange = RecordChange<TwinFields>;

/** Decodes and checks a record; throws (→ DLQ) on anything the read model must not apply. */
export function toTwinChange(raw: RawEvent): TwinChange {
  return decodeRecordChange(
    raw,
    DigitalTwinChangedSchema,
    (m) => m.twin,
    (twin) => {
      if (twin.landCode !== '' && !LAND_CODES.includes(twin.landCode))
        throw new Error(`unknown Land code ${twin.landCode}`);
      if (twin.maturityLevel < 1 || twin.maturityLevel > 4)
        throw new Error(`maturity level ${twin.maturityLevel} outside 1–4`);
      return {
        landCode: twin.landCode || null,
        name: twin.name,
        twinKind: twinKindCodec.fromPb(twin.kind),
        scope: twinScopeCodec.fromPb(twin.scope),
        maturityLevel: twin.maturityLevel,
      };
    },
  );
}
