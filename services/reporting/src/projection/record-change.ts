import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { timestampDate, type Timestamp } from '@bufbuild/protobuf/wkt';
import { decodeMessage, envelopeFromHeaders, RawEvent } from '@dpi/kafka';

/** What every registry change carries, whatever the entity. */
interface ChangeBase {
  id: string;
  version: number;
  eventId: string;
  updatedAt: Date;
}

/** A validated change of one registry record: its new state's fields, or its deletion. */
export type RecordChange<F> =
  | (ChangeBase & { kind: 'upsert'; registeredAt?: Date | null } & F)
  | (ChangeBase & { kind: 'delete' });

/**
 * Decodes a record of a registry topic and checks what all of them promise: an envelope, a key,
 * a tombstone or a `*Changed` message whose state has that key as id and the header's version.
 * Throws (→ DLQ) on anything a read model must not apply; `fieldsOf` adds the entity's checks.
 */
export function decodeRecordChange<
  Desc extends DescMessage,
  S extends { id: string; version: bigint; createdAt?: Timestamp },
  F,
>(
  raw: RawEvent,
  schema: Desc,
  stateOf: (message: MessageShape<Desc>) => S | undefined,
  fieldsOf: (state: S) => F,
): RecordChange<F> {
  const envelope = envelopeFromHeaders(raw.headers);
  if (!raw.key) throw new Error('record without key');
  const base: ChangeBase = {
    id: raw.key,
    version: envelope.entityVersion,
    eventId: envelope.eventId,
    updatedAt: new Date(envelope.occurredAt),
  };
  if (raw.value === null) return { ...base, kind: 'delete' };
  const state = stateOf(decodeMessage(schema, raw.value, envelope.schema));
  if (!state) throw new Error(`${schema.name} without state`);
  if (state.id !== raw.key) throw new Error(`key ${raw.key} does not match id ${state.id}`);
  if (Number(state.version) !== envelope.entityVersion) {
    throw new Error(
      `version ${state.version} differs from header version ${envelope.entityVersion}`,
    );
  }
  // When the record was registered (the registry's created_at): the trends' registrations.
  const registeredAt = state.createdAt ? timestampDate(state.createdAt) : null;
  return { ...base, kind: 'upsert', registeredAt, ...fieldsOf(state) };
}
