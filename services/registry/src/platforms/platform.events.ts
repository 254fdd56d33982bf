import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  ChangeKind,
  PlatformChangedSchema,
  PlatformSchema,
  RecordSource as RecordSourcePb,
  TOPICS,
} from '@dpi/contracts';
import { OutboxEvent } from '@dpi/db';
import { platformStatusToPb, platformTypeToPb } from '@dpi/domain';
import { encodeMessage, envelopeToHeaders, newEnvelope, prefixedTopic } from '@dpi/kafka';
import type { PlatformEntity } from './entities/platform.entity';

export interface EventContext {
  topicPrefix: string;
  correlationId: string;
  causationId: string;
}

/** The PlatformChanged event (full state after the change) for the outbox, keyed by platform id. */
export function platformChangedEvent(
  platform: PlatformEntity,
  kind: ChangeKind,
  context: EventContext,
): OutboxEvent {
  const message = create(PlatformChangedSchema, {
    kind,
    platform: create(PlatformSchema, {
      id: platform.id,
      landCode: platform.landCode,
      name: platform.name,
      description: platform.description,
      homepage: platform.homepage ?? '',
      type: platformTypeToPb(platform.type),
      status: platformStatusToPb(platform.status),
      source: platform.source === 'harvested' ? RecordSourcePb.HARVESTED : RecordSourcePb.MANUAL,
      createdBy: platform.createdBy,
      createdAt: timestampFromDate(platform.createdAt),
      updatedAt: timestampFromDate(platform.updatedAt),
      version: BigInt(platform.version),
    }),
  });
  const envelope = newEnvelope({
    correlationId: context.correlationId,
    causationId: context.causationId,
    producer: 'registry',
    schema: PlatformChangedSchema.typeName,
    entityVersion: platform.version,
    occurredAt: platform.updatedAt.toISOString(),
  });
  return {
    topic: prefixedTopic(TOPICS.registryPlatform, context.topicPrefix),
    key: platform.id,
    value: encodeMessage(PlatformChangedSchema, message),
    headers: envelopeToHeaders(envelope),
  };
}

/** The tombstone of a deleted platform: its key, no value, the deleting version in the headers. */
export function platformDeletedEvent(platform: PlatformEntity, context: EventContext): OutboxEvent {
  const envelope = newEnvelope({
    correlationId: context.correlationId,
    causationId: context.causationId,
    producer: 'registry',
    schema: PlatformChangedSchema.typeName,
    entityVersion: platform.version,
    occurredAt: platform.updatedAt.toISOString(),
  });
  return {
    topic: prefixedTopic(TOPICS.registryPlatform, context.topicPrefix),
    key: platform.id,
    value: null,
    headers: envelopeToHeaders(envelope),
  };
}
