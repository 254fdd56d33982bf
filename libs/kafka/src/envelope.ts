import { randomUUID } from 'node:crypto';
import { IHeaders } from 'kafkajs';

/** Kafka header names of the event envelope (see proto/dpi/common/v1/envelope.proto). */
export const HEADERS = {
  eventId: 'dpi-event-id',
  occurredAt: 'dpi-occurred-at',
  correlationId: 'dpi-correlation-id',
  causationId: 'dpi-causation-id',
  producer: 'dpi-producer',
  schema: 'dpi-schema',
  entityVersion: 'dpi-entity-version',
  /** Only on dead letters: why the consumer gave up, and where the message came from. */
  error: 'dpi-dlq-error',
  originalTopic: 'dpi-dlq-original-topic',
  originalPartition: 'dpi-dlq-original-partition',
  originalOffset: 'dpi-dlq-original-offset',
  consumerGroup: 'dpi-dlq-consumer-group',
} as const;

/** Plain-object twin of the EventEnvelope contract, as carried in headers. */
export interface Envelope {
  eventId: string;
  occurredAt: string;
  correlationId: string;
  causationId: string;
  producer: string;
  schema: string;
  entityVersion: number;
}

export function newEnvelope(
  fields: Omit<Envelope, 'eventId' | 'occurredAt'> & Partial<Envelope>,
): Envelope {
  return { eventId: randomUUID(), occurredAt: new Date().toISOString(), ...fields };
}

export function envelopeToHeaders(envelope: Envelope): Record<string, string> {
  return {
    [HEADERS.eventId]: envelope.eventId,
    [HEADERS.occurredAt]: envelope.occurredAt,
    [HEADERS.correlationId]: envelope.correlationId,
    [HEADERS.causationId]: envelope.causationId,
    [HEADERS.producer]: envelope.producer,
    [HEADERS.schema]: envelope.schema,
    [HEADERS.entityVersion]: String(envelope.entityVersion),
  };
}

export function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    out[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return out;
}

/** Reads the envelope from headers; throws naming the first missing or malformed header. */
export function envelopeFromHeaders(headers: Record<string, string>): Envelope {
  const required = (name: string): string => {
    const value = headers[name];
    if (!value) throw new Error(`missing header ${name}`);
    return value;
  };
  const entityVersion = Number(required(HEADERS.entityVersion));
  if (!Number.isSafeInteger(entityVersion) || entityVersion < 1) {
    throw new Error(`header ${HEADERS.entityVersion} is not a positive integer`);
  }
  return {
    eventId: required(HEADERS.eventId),
    occurredAt: required(HEADERS.occurredAt),
    correlationId: required(HEADERS.correlationId),
    causationId: headers[HEADERS.causationId] ?? '',
    producer: required(HEADERS.producer),
    schema: required(HEADERS.schema),
    entityVersion,
  };
}
