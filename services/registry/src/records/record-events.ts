import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { ChangeKind, RecordSource } from '@dpi/contracts';
import { OutboxEvent } from '@dpi/db';
import { domainEvent } from '@dpi/kafka';
import { EventContext, RecordKind, VersionedRecord } from './record-kind';

/** An event of a record's topic: key = record id, occurred at its update; null = tombstone. */
function recordEvent<E extends VersionedRecord, D extends object>(
  kind: RecordKind<E, D>,
  record: E,
  message: MessageShape<DescMessage> | null,
  context: EventContext,
): OutboxEvent {
  return domainEvent({
    topic: kind.topic,
    key: record.id,
    schema: kind.schema,
    message,
    producer: 'registry',
    entityVersion: record.version,
    correlationId: context.correlationId,
    causationId: context.causationId,
    occurredAt: record.updatedAt.toISOString(),
  });
}

/** The metadata fields every registry message carries for its record, in contract form. */
export function recordMetadataPb(record: VersionedRecord & { source: 'manual' | 'harvested' }) {
  return {
    source: record.source === 'harvested' ? RecordSource.HARVESTED : RecordSource.MANUAL,
    createdBy: record.createdBy,
    createdAt: timestampFromDate(record.createdAt),
    updatedAt: timestampFromDate(record.updatedAt),
    version: BigInt(record.version),
  };
}

/** The kind's `*Changed` event with the record's full state after a create or update. */
export function changedEvent<E extends VersionedRecord, D extends object>(
  kind: RecordKind<E, D>,
  record: E,
  change: ChangeKind,
  context: EventContext,
): OutboxEvent {
  return recordEvent(kind, record, kind.changedMessage(record, change), context);
}

/** The kind's tombstone for a deleted record: its key, no value, the deleting version in the headers. */
export function deletedEvent<E extends VersionedRecord, D extends object>(
  kind: RecordKind<E, D>,
  record: E,
  context: EventContext,
): OutboxEvent {
  return recordEvent(kind, record, null, context);
}
