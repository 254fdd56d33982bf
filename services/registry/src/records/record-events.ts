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
