import { create } from '@bufbuild/protobuf';
import { HarvestRecordChangedSchema, TOPICS, type HarvestedRecord } from '@dpi/contracts';
import type { OutboxEvent } from '@dpi/db';
import { domainEvent } from '@dpi/kafka';

export interface RecordEventContext {
  jobId: string;
  correlationId: string;
}

/** Key of a harvested record on dpi.harvest.record.v1. */
export const recordKey = (sourceId: string, fileIdentifier: string) =>
  `${sourceId}/${fileIdentifier}`;

/** An event of dpi.harvest.record.v1, caused by the job; a null record is a withdrawal. */
function recordEvent(
  key: string,
  record: HarvestedRecord | null,
  version: number,
  context: RecordEventContext,
): OutboxEvent {
  return domainEvent({
    topic: TOPICS.harvestRecord,
    key,
    schema: HarvestRecordChangedSchema,
    message: record && create(HarvestRecordChangedSchema, { record }),
    producer: 'harvester',
    entityVersion: version,
    correlationId: context.correlationId,
    causationId: context.jobId,
  });
}

/** A created or changed record; `version` grows with every publication of its key. */
export function recordChangedEvent(
  record: HarvestedRecord,
  version: number,
  context: RecordEventContext,
): OutboxEvent {
  return recordEvent(recordKey(record.sourceId, record.fileIdentifier), record, version, context);
}

/** A record withdrawn from its source: the key, no value. */
export function recordWithdrawnEvent(
  sourceId: string,
  fileIdentifier: string,
  version: number,
  context: RecordEventContext,
): OutboxEvent {
  return recordEvent(recordKey(sourceId, fileIdentifier), null, version, context);
}
