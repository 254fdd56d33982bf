import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  HarvestJobChangedSchema,
  HarvestMode as HarvestModePb,
  JobState as JobStatePb,
  TOPICS,
} from '@dpi/contracts';
import type { OutboxEvent } from '@dpi/db';
import { domainEvent } from '@dpi/kafka';
import { nextRunAfter } from '../sources/cron';
import type { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import type { HarvestJobEntity, JobState } from './entities/harvest-job.entity';

export type JobSourceInfo = Pick<
  HarvestSourceEntity,
  'name' | 'landCode' | 'incrementalSchedule' | 'fullSchedule'
>;

const STATES: Record<JobState, JobStatePb> = {
  queued: JobStatePb.QUEUED,
  running: JobStatePb.RUNNING,
  succeeded: JobStatePb.SUCCEEDED,
  partiallySucceeded: JobStatePb.PARTIALLY_SUCCEEDED,
  failed: JobStatePb.FAILED,
  cancelled: JobStatePb.CANCELLED,
};

const timestamp = (date: Date | null) => (date ? timestampFromDate(date) : undefined);

/**
 * HarvestJobChanged with the job's state and counts, keyed by job id; its entity version is the
 * job's event version, which the caller has just raised. `timeZone` (HARVEST_CRON_TIMEZONE) is
 * the schedules' zone: a finished job carries when its mode's schedule fires next.
 */
export function jobChangedEvent(
  job: HarvestJobEntity,
  source: JobSourceInfo,
  timeZone: string,
): OutboxEvent {
  const schedule = (job.mode === 'full' ? source.fullSchedule : source.incrementalSchedule) ?? '';
  const message = create(HarvestJobChangedSchema, {
    job: {
      id: job.id,
      sourceId: job.sourceId,
      sourceName: source.name,
      landCode: source.landCode ?? '',
      mode: job.mode === 'full' ? HarvestModePb.FULL : HarvestModePb.INCREMENTAL,
      state: STATES[job.state],
      counts: {
        matched: BigInt(job.matched ?? 0),
        received: BigInt(job.received),
        created: BigInt(job.created),
        updated: BigInt(job.updated),
        unchanged: BigInt(job.unchanged),
        deleted: BigInt(job.deleted),
        failed: BigInt(job.failed),
      },
      warnings: BigInt(job.warnings),
      queuedAt: timestamp(job.queuedAt),
      startedAt: timestamp(job.startedAt),
      finishedAt: timestamp(job.finishedAt),
      message: job.message,
      deletesHeldBack: job.deletesHeldBack,
      schedule,
      nextRunAt: timestamp(nextRunAfter(schedule, job.finishedAt, timeZone)),
    },
  });
  return domainEvent({
    topic: TOPICS.harvestJob,
    key: job.id,
    schema: HarvestJobChangedSchema,
    message,
    producer: 'harvester',
    entityVersion: job.eventVersion,
    correlationId: job.correlationId,
    causationId: job.id,
  });
}
