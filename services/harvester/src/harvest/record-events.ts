import { create } from '@bufbuild/protobuf';
import { HarvestRecordChangedSchema, TOPICS, type HarvestedRecord } from '@dpi/contracts';
import type { OutboxEvent } from '@dpi/db';
import { encodeMessage, envelopeToHeaders, newEnvelope, prefixedTopic } from '@dpi/kafka';

export interface RecordEventContext {
  topicPrefix: string;
  jobId: string;
  correlationId: string;
}

/** Key of a harvested record on dpi.harvest.record.v1. */
export const recordKey = (sourceId: string, fileIdentifier: string) =>
  `${sourceId}/${fileIdentifier}`;

function headers(version: number, context: RecordEventContext): Record<string, string> {
  return envelopeToHeaders(
    newEnvelope({
      correlationId: context.correlationId,
      causationId: context.jobId,
      producer: 'harvester',
      schema: HarvestRecordChangedSchema.typeName,
      entityVersion: version,
    }),
  );
}

/** A created or changed record; `version` grows with every publication of its key. */
export function recordChangedEvent(
  record: HarvestedRecord,
  version: number,
  context: RecordEventContext,
): OutboxEvent {
  return {
    topic: prefixedTopic(TOPICS.harvestRecord, context.topicPrefix),
    key: recordKey(record.sourceId, record.fileIdentifier),
    value: encodeMessage(
      HarvestRecordChangedSchema,
      create(HarvestRecordChangedSchema, { record }),
    ),
    headers: headers(version, context),
  };
}

/** A record withdrawn from its source: the key, no value. */
export function recordWithdrawnEvent(
  sourceId: string,
  fileIdentifier: string,
  version: number,
  context: RecordEventContext,
): OutboxEvent {
  return {
    topic: prefixedTopic(TOPICS.harvestRecord, context.topicPrefix),
    key: recordKey(sourceId, fileIdentifier),
    value: null,
    headers: headers(version, context),
  };
}
