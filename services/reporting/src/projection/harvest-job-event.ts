import { timestampDate } from '@bufbuild/protobuf/wkt';
import type { Timestamp } from '@bufbuild/protobuf/wkt';
import { HarvestJobChangedSchema, HarvestMode, JobState } from '@dpi/contracts';
import { decodeMessage, envelopeFromHeaders, RawEvent } from '@dpi/kafka';
import { landCodeOf, nullIfEmpty, recordIds } from './event-checks';
import { RecordChange } from './record-change';

export const JOB_STATES = [
  'queued',
  'running',
  'succeeded',
  'partiallySucceeded',
  'failed',
  'cancelled',
] as const;
export type JobStateWord = (typeof JOB_STATES)[number];

const STATE_WORDS: Record<number, JobStateWord> = {
  [JobState.QUEUED]: 'queued',
  [JobState.RUNNING]: 'running',
  [JobState.SUCCEEDED]: 'succeeded',
  [JobState.PARTIALLY_SUCCEEDED]: 'partiallySucceeded',
  [JobState.FAILED]: 'failed',
  [JobState.CANCELLED]: 'cancelled',
};

/** Fields of the harvest job read model. */
export interface HarvestJobFields {
  sourceId: string;
  sourceName: string;
  landCode: string | null;
  mode: 'full' | 'incremental';
  state: JobStateWord;
  matched: number;
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: number;
  warnings: number;
  queuedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  message: string | null;
  deletesHeldBack: boolean;
  schedule: string | null;
  /**
   * When the schedule runs next after this job finished, as the harvester computed it (its
   * next_run_at): a source is stale once that has passed. null = not known: the job runs, has no
   * schedule, or came from a harvester that did not send it yet. Reporting reads no cron.
   */
  nextDueAt: string | null;
}

export type HarvestJobChange = RecordChange<HarvestJobFields>;

const iso = (t: Timestamp | undefined): string | null =>
  t ? timestampDate(t).toISOString() : null;

/**
 * Decodes a record of dpi.harvest.job.v1 (keyed by job id, version in the headers, tombstones
 * when a job is purged); throws (→ DLQ) on anything the read model must not apply.
 *
 * `_timeZone` is not read any more (the harvester sends next_run_at): it stays until the callers
 * (read-models.ts DecodeContext.cronTimeZone, and with it reporting's HARVEST_CRON_TIMEZONE) drop it.
 */
export function toHarvestJobChange(raw: RawEvent, _timeZone?: string): HarvestJobChange {
  const envelope = envelopeFromHeaders(raw.headers);
  if (!raw.key) throw new Error('record without key');
  const base = {
    id: recordIds([raw.key], 'job key')[0],
    version: envelope.entityVersion,
    eventId: envelope.eventId,
    updatedAt: new Date(envelope.occurredAt),
  };
  if (raw.value === null) return { ...base, kind: 'delete' };
  const job = decodeMessage(HarvestJobChangedSchema, raw.value, envelope.schema).job;
  if (!job) throw new Error('HarvestJobChanged without job');
  if (job.id.toLowerCase() !== base.id)
    throw new Error(`key ${raw.key} does not match id ${job.id}`);
  const state = STATE_WORDS[job.state];
  if (!state) throw new Error(`unknown JobState ${job.state}`);
  if (job.mode !== HarvestMode.FULL && job.mode !== HarvestMode.INCREMENTAL)
    throw new Error(`unknown HarvestMode ${job.mode}`);
  const counts = job.counts;
  return {
    ...base,
    kind: 'upsert',
    sourceId: recordIds([job.sourceId], 'sourceId')[0],
    sourceName: job.sourceName,
    landCode: landCodeOf(job.landCode, true),
    mode: job.mode === HarvestMode.FULL ? 'full' : 'incremental',
    state,
    matched: Number(counts?.matched ?? 0n),
    received: Number(counts?.received ?? 0n),
    created: Number(counts?.created ?? 0n),
    updated: Number(counts?.updated ?? 0n),
    unchanged: Number(counts?.unchanged ?? 0n),
    deleted: Number(counts?.deleted ?? 0n),
    failed: Number(counts?.failed ?? 0n),
    warnings: Number(job.warnings),
    queuedAt: iso(job.queuedAt),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    message: nullIfEmpty(job.message),
    deletesHeldBack: job.deletesHeldBack,
    schedule: nullIfEmpty(job.schedule),
    nextDueAt: iso(job.nextRunAt),
  };
}
