import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { RecordSource } from '@dpi/contracts';
import { OutboxEvent } from '@dpi/db';
import { envelopeToHeaders, newEnvelope, prefixedTopic } from '@dpi/kafka';
import { EventContext, VersionedRecord } from './record-kind';

/** An event of a record's topic: key = record id, envelope in headers; value null = tombstone. */
export function recordEvent(
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
