import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { ChangeKind, RecordSource } from '@dpi/contracts';
import { OutboxEvent } from '@dpi/db';
import { encodeMessage, envelopeToHeaders, newEnvelope, prefixedTopic } from '@dpi/kafka';
import { EventContext, RecordKind, VersionedRecord } from './record-kind';

/** An event of a record's topic: key = record id, envelope in headers; value null = tombstone. */
function recordEvent(
  topic: string,
  schema: string,
  record: VersionedRecord,
  value: Buffer | null,
  context: EventContext,
): OutboxEvent {
  const envelope = newEnvelope({
    correlationId: context.correlationId,
    causationId: context.causationId,
    producer: 'registry',
    schema,
    entityVersion: record.version,
    occurredAt: record.updatedAt.toISOString(),
  });
  return {
    topic: prefixedTopic(topic, context.topicPrefix),
    key: record.id,
    value,
    headers: envelopeToHeaders(envelope),
  };
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
  const value = encodeMessage(kind.schema, kind.changedMessage(record, change));
  return recordEvent(kind.topic, kind.schema.typeName, record, value, context);
}

/** The kind's tombstone for a deleted record: its key, no value, the deleting version in the headers. */
export function deletedEvent<E extends VersionedRecord, D extends object>(
  kind: RecordKind<E, D>,
  record: E,
  context: EventContext,
): OutboxEvent {
  return recordEvent(kind.topic, kind.schema.typeName, record, null, context);
}
