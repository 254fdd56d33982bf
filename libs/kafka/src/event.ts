import type { DescMessage, MessageShape } from '@bufbuild/protobuf';
import type { TopicName } from '@dpi/contracts';
import { Envelope, envelopeToHeaders, newEnvelope } from './envelope';
import { OutgoingEvent } from './producer';
import { encodeMessage } from './serde';
import { injectTraceContext } from './trace-context';

/** What a service says about one event; {@link domainEvent} makes the rest the same everywhere. */
export interface DomainEventSpec<Desc extends DescMessage> {
  /**
   * The logical topic, `dpi.<domain>.<entity>.v<N>`, without the deployment's prefix: the outbox
   * relay adds it when it publishes (libs/db OutboxRelay), the consumer host when it subscribes.
   */
  topic: TopicName;
  /** The entity's identity, so that each entity's changes stay in order (never empty). */
  key: string;
  /** The message type; its name goes into the schema header, also of a tombstone. */
  schema: Desc;
  /** null = tombstone: the entity is gone, the headers still carry its last version. */
  message: MessageShape<Desc> | null;
  producer: Envelope['producer'];
  entityVersion: number;
  correlationId: string;
  causationId: string;
  /** ISO 8601; default now. */
  occurredAt?: string;
}

/**
 * The one builder of domain events (for the outbox, see libs/db appendToOutbox): protobuf value,
 * key = entity identity, the envelope (event id, occurred-at, correlation and causation ids,
 * producer, schema, entity version) in headers. Services only map their entity to the message.
 */
export function domainEvent<Desc extends DescMessage>(spec: DomainEventSpec<Desc>): OutgoingEvent {
  if (!spec.key) throw new Error(`refusing to build an event without key for ${spec.topic}`);
  const envelope = newEnvelope({
    correlationId: spec.correlationId,
    causationId: spec.causationId,
    producer: spec.producer,
    schema: spec.schema.typeName,
    entityVersion: spec.entityVersion,
    ...(spec.occurredAt === undefined ? {} : { occurredAt: spec.occurredAt }),
  });
  const headers = envelopeToHeaders(envelope);
  // The trace of the request (or job) that caused the event, when tracing is on.
  injectTraceContext(headers);
  return {
    topic: spec.topic,
    key: spec.key,
    value: spec.message === null ? null : encodeMessage(spec.schema, spec.message),
    headers,
  };
}
