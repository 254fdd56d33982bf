import { DigitalTwinChangedSchema } from '@dpi/contracts';
import { LAND_CODES, twinKindCodec, twinScopeCodec } from '@dpi/domain';
import { decodeMessage, envelopeFromHeaders, RawEvent } from '@dpi/kafka';

/** A validated change from dpi.registry.digital-twin.v1. */
export type TwinChange =
  | {
      kind: 'upsert';
      id: string;
      version: number;
      eventId: string;
      /** null for federal twins. */
      landCode: string | null;
      name: string;
      twinKind: string;
      scope: string;
      maturityLevel: number;
      updatedAt: Date;
    }
  | { kind: 'delete'; id: string; version: number; eventId: string; updatedAt: Date };

/** Decodes and checks a record; throws (→ DLQ) on anything the read model must not apply. */
export function toTwinChange(raw: RawEvent): TwinChange {
  const envelope = envelopeFromHeaders(raw.headers);
  if (!raw.key) throw new Error('record without key');
  const updatedAt = new Date(envelope.occurredAt);
  if (raw.value === null) {
    return {
      kind: 'delete',
      id: raw.key,
      version: envelope.entityVersion,
      eventId: envelope.eventId,
      updatedAt,
    };
  }
  const { twin } = decodeMessage(DigitalTwinChangedSchema, raw.value, envelope.schema);
  if (!twin) throw new Error('DigitalTwinChanged without twin');
  if (twin.id !== raw.key) throw new Error(`key ${raw.key} does not match twin id ${twin.id}`);
  if (Number(twin.version) !== envelope.entityVersion) {
    throw new Error(
      `version ${twin.version} differs from header version ${envelope.entityVersion}`,
    );
  }
  if (twin.landCode !== '' && !LAND_CODES.includes(twin.landCode))
    throw new Error(`unknown Land code ${twin.landCode}`);
  if (twin.maturityLevel < 1 || twin.maturityLevel > 4)
    throw new Error(`maturity level ${twin.maturityLevel} outside 1–4`);
  return {
    kind: 'upsert',
    id: twin.id,
    version: envelope.entityVersion,
    eventId: envelope.eventId,
    landCode: twin.landCode || null,
    name: twin.name,
    twinKind: twinKindCodec.fromPb(twin.kind),
    scope: twinScopeCodec.fromPb(twin.scope),
    maturityLevel: twin.maturityLevel,
    updatedAt,
  };
}
