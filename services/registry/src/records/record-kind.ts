import type { DescMessage, Message } from '@bufbuild/protobuf';
import { ChangeKind, TopicName } from '@dpi/contracts';
import type { Principal } from '../auth/principal';
import { JsonValue } from '../history/field-diff';

/** Columns every registered record has (platforms, organisations, twins, datasets, endpoints). */
export interface VersionedRecord {
  id: string;
  /** Owning Land; null for federal records, which only admins may write. */
  landCode: string | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface EventContext {
  correlationId: string;
  causationId: string;
}

/**
 * What the generic record machinery needs to know about one kind of record. Everything else
 * (authorisation, If-Match, history, outbox, tombstones) is the same for all of them.
 */
export interface RecordKind<E extends VersionedRecord, D extends object> {
  /** `platform`, `organisation`, …: history key and error wording. */
  name: string;
  /** Table of the records (links and list queries refer to it). */
  table: string;
  entity: new () => E;
  /** Body of POST and PUT; a merged PATCH document is validated against it too. */
  dto: new () => D;
  /** Fields clients write, in history order. */
  writable: readonly string[];
  writableOf(record: E): Record<string, JsonValue>;
  /** Entity fields from a validated body. */
  fieldsFrom(dto: D): Partial<E>;
  /** Extra rule on changing or deleting an existing record (e.g. harvested ones are read-only). */
  assertMayChange?(current: E, principal: Principal): void;
  /** The kind's topic, e.g. `dpi.registry.platform.v1` (the deployment prefix is added later). */
  topic: TopicName;
  /** Schema of the `*Changed` message the topic carries. */
  schema: DescMessage;
  /** The `*Changed` message: the record's full state after the change. Deletes are tombstones. */
  changedMessage(record: E, kind: ChangeKind): Message;
}

/** The merge-patch document of a record: absent optional fields (null, '', []) are simply not there. */
export function patchDocumentOf(writable: Record<string, JsonValue>): Record<string, JsonValue> {
  return Object.fromEntries(
    Object.entries(writable).filter(
      ([, v]) => !(v === null || v === '' || (Array.isArray(v) && v.length === 0)),
    ),
  );
}

/** Sets are stored sorted, so the same set in another order never shows up as a change. */
export const sortedSet = <T extends string>(values: readonly T[] | undefined): T[] =>
  [...(values ?? [])].sort();
