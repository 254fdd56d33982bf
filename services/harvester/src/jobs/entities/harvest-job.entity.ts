import { Column, Entity, PrimaryColumn, ValueTransformer } from 'typeorm';

export const JOB_STATES = [
  'queued',
  'running',
  'succeeded',
  'partiallySucceeded',
  'failed',
  'cancelled',
] as const;
export type JobState = (typeof JOB_STATES)[number];
export const ACTIVE_JOB_STATES: readonly JobState[] = ['queued', 'running'];

export const HARVEST_MODES = ['full', 'incremental'] as const;
export type HarvestMode = (typeof HARVEST_MODES)[number];
export type JobTrigger = 'manual' | 'schedule';

/** bigint counters come back from pg as strings; they stay far below 2^53. */
const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** One harvest run of one source: its state, counts and timings. */
@Entity({ name: 'harvest_job' })
export class HarvestJobEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'source_id', type: 'uuid' }) sourceId!: string;
  @Column({ type: 'text' }) mode!: HarvestMode;
  @Column({ type: 'text' }) trigger!: JobTrigger;
  @Column({ name: 'scheduled_for', type: 'timestamptz', nullable: true })
  scheduledFor!: Date | null;
  @Column({ type: 'text' }) state!: JobState;
  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber }) matched!: number | null;
  @Column({ type: 'bigint', transformer: bigintNumber }) received!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) created!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) updated!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) unchanged!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) deleted!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) failed!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) warnings!: number;
  @Column({ type: 'integer' }) pages!: number;
  @Column({ type: 'text' }) message!: string;
  @Column({ name: 'deletes_held_back', type: 'boolean' }) deletesHeldBack!: boolean;
  /** Incremental runs: the `Modified >=` literal sent to the catalogue. */
  @Column({ name: 'modified_since', type: 'text', nullable: true }) modifiedSince!: string | null;
  @Column({ name: 'stop_reason', type: 'text', nullable: true }) stopReason!: string | null;
  @Column({ name: 'requested_by', type: 'text' }) requestedBy!: string;
  @Column({ name: 'correlation_id', type: 'text' }) correlationId!: string;
  @Column({ name: 'cancel_requested_at', type: 'timestamptz', nullable: true })
  cancelRequestedAt!: Date | null;
  @Column({ name: 'queued_at', type: 'timestamptz' }) queuedAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'progress_at', type: 'timestamptz', nullable: true }) progressAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  /** Grows with every event of this job on dpi.harvest.job.v1 (the envelope's entity version). */
  @Column({ name: 'event_version', type: 'integer' }) eventVersion!: number;
}
