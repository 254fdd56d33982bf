import { appendToOutbox } from '@dpi/db';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { HarvesterEnv } from '../config';
import type { IssueDraft } from '../harvest/page-screening';
import { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import { ACTIVE_JOB_STATES, HarvestJobEntity, type JobState } from './entities/harvest-job.entity';
import { JobIssueEntity, type IssueSeverity } from './entities/job-issue.entity';
import { jobChangedEvent, type JobSourceInfo } from './job-events';

/** Counter increments of one stored page. */
export interface ProgressDelta {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  warnings: number;
  pages: number;
  deleted: number;
}

export type JobFields = Partial<
  Pick<
    HarvestJobEntity,
    | 'state'
    | 'matched'
    | 'message'
    | 'deletesHeldBack'
    | 'modifiedSince'
    | 'stopReason'
    | 'startedAt'
    | 'finishedAt'
    | 'progressAt'
    | 'received'
    | 'warnings'
  >
>;

/** Issues stored per job; beyond, only the counters grow (a broken catalogue must not fill the disk). */
export const MAX_STORED_ISSUES = 10_000;

/**
 * Jobs and their issues. Every state change raises the job's event version and appends its
 * HarvestJobChanged to the outbox in the same transaction.
 */
@Injectable()
export class JobsRepository {
  /** Zone of the sources' cron schedules, for the next run a finished job's event carries. */
  private readonly timeZone: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ConfigService) config: ConfigService<HarvesterEnv, true>,
  ) {
    this.timeZone = config.get('HARVEST_CRON_TIMEZONE', { infer: true });
  }

  async insert(job: HarvestJobEntity, source: JobSourceInfo): Promise<HarvestJobEntity> {
    return this.dataSource.transaction(async (manager) => {
      job.eventVersion = 1;
      await manager.insert(HarvestJobEntity, job);
      await appendToOutbox(manager, [jobChangedEvent(job, source, this.timeZone)]);
      return job;
    });
  }

  /** Sets fields, publishes the new state; returns the job as stored. */
  update(jobId: string, fields: JobFields, source: JobSourceInfo): Promise<HarvestJobEntity> {
    return this.dataSource.transaction((manager) =>
      this.updateIn(manager, jobId, fields, source, null, true),
    );
  }

  /**
   * Within the caller's transaction: adds `delta` to the counters, sets `fields`, and publishes
   * the job when `publish` (progress events are throttled by the caller).
   */
  async updateIn(
    manager: EntityManager,
    jobId: string,
    fields: JobFields,
    source: JobSourceInfo,
    delta: ProgressDelta | null,
    publish: boolean,
  ): Promise<HarvestJobEntity> {
    const set: Record<string, unknown> = { ...fields };
    if (delta) {
      for (const [column, value] of Object.entries(delta)) {
        if (value !== 0) set[column] = () => `${column} + ${Math.trunc(value)}`;
      }
      set.progressAt = () => 'now()';
    }
    if (publish) set.eventVersion = () => 'event_version + 1';
    if (Object.keys(set).length > 0) {
      await manager
        .createQueryBuilder()
        .update(HarvestJobEntity)
        .set(set)
        .where('id = :jobId', { jobId })
        .execute();
    }
    const job = await manager.findOneByOrFail(HarvestJobEntity, { id: jobId });
    if (publish) await appendToOutbox(manager, [jobChangedEvent(job, source, this.timeZone)]);
    return job;
  }

  async insertIssues(
    manager: EntityManager,
    jobId: string,
    issues: IssueDraft[],
    alreadyStored: number,
  ): Promise<number> {
    const room = Math.max(0, MAX_STORED_ISSUES - alreadyStored);
    const kept = issues.slice(0, room);
    if (kept.length > 0) {
      await manager.insert(
        JobIssueEntity,
        kept.map((issue) => ({ ...issue, jobId, createdAt: new Date() })),
      );
    }
    return kept.length;
  }

  /**
   * Fails every unfinished job of a source. Only called while holding the source's lock: then no
   * live process runs them, so they were left behind by a crash.
   */
  async failUnfinished(
    sourceId: string,
    source: JobSourceInfo,
    message: string,
  ): Promise<HarvestJobEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const jobs = await manager
        .createQueryBuilder(HarvestJobEntity, 'j')
        .setLock('pessimistic_write')
        .where('j.source_id = :sourceId AND j.state IN (:...states)', {
          sourceId,
          states: ACTIVE_JOB_STATES,
        })
        .getMany();
      const failed: HarvestJobEntity[] = [];
      for (const job of jobs) {
        failed.push(
          await this.updateIn(
            manager,
            job.id,
            { state: 'failed', message, finishedAt: new Date() },
            source,
            null,
            true,
          ),
        );
      }
      return failed;
    });
  }

  /** The source of a job, also when it was deleted since. */
  sourceOf(sourceId: string): Promise<HarvestSourceEntity | null> {
    return this.dataSource.getRepository(HarvestSourceEntity).findOneBy({ id: sourceId });
  }

  findById(id: string): Promise<HarvestJobEntity | null> {
    return this.dataSource.getRepository(HarvestJobEntity).findOneBy({ id });
  }

  findActive(sourceId: string): Promise<HarvestJobEntity | null> {
    return this.dataSource
      .getRepository(HarvestJobEntity)
      .createQueryBuilder('j')
      .where('j.source_id = :sourceId AND j.state IN (:...states)', {
        sourceId,
        states: ACTIVE_JOB_STATES,
      })
      .getOne();
  }

  /** Unfinished jobs of every source (for the orphan sweep). */
  /**
   * Jobs per state, and of the running ones the seconds since the slowest last made progress (a
   * page stored): what the operators' metrics report.
   */
  async stateCounts(): Promise<{ counts: Map<JobState, number>; stalestRunningSeconds: number }> {
    const rows: { state: JobState; jobs: number; stalest: number | null }[] =
      await this.dataSource.query(
        `SELECT state, count(*)::int AS jobs,
                max(EXTRACT(EPOCH FROM clock_timestamp() - COALESCE(progress_at, started_at)))
                  FILTER (WHERE state = 'running')::float8 AS stalest
         FROM harvest_job GROUP BY state`,
      );
    return {
      counts: new Map(rows.map((row) => [row.state, row.jobs])),
      stalestRunningSeconds: rows.find((row) => row.state === 'running')?.stalest ?? 0,
    };
  }

  findUnfinished(): Promise<HarvestJobEntity[]> {
    return this.dataSource
      .getRepository(HarvestJobEntity)
      .createQueryBuilder('j')
      .where('j.state IN (:...states)', { states: ACTIVE_JOB_STATES })
      .getMany();
  }

  /** Start of the source's last succeeded job (full or incremental), before `excludeJobId`. */
  async lastSuccessfulStart(sourceId: string, excludeJobId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT max(started_at) AS started FROM harvest_job
        WHERE source_id = $1 AND state = 'succeeded' AND id <> $2`,
      [sourceId, excludeJobId],
    );
    return row?.started ? new Date(row.started) : null;
  }

  /** Marks the cancel request (idempotent); null when the job is not active any more. */
  async requestCancel(jobId: string): Promise<HarvestJobEntity | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(HarvestJobEntity)
      .set({ cancelRequestedAt: () => 'COALESCE(cancel_requested_at, now())' })
      .where('id = :jobId AND state IN (:...states)', { jobId, states: ACTIVE_JOB_STATES })
      .execute();
    return result.affected ? this.findById(jobId) : null;
  }

  /** Jobs newest first, keyset-paged by (queued_at, id). */
  page(
    filters: { sourceId?: string; state?: JobState },
    limit: number,
    before?: { at: Date; id: string },
  ): Promise<HarvestJobEntity[]> {
    const qb = this.dataSource
      .getRepository(HarvestJobEntity)
      .createQueryBuilder('j')
      .orderBy('j.queued_at', 'DESC')
      .addOrderBy('j.id', 'DESC')
      .limit(limit);
    if (filters.sourceId) qb.andWhere('j.source_id = :sourceId', { sourceId: filters.sourceId });
    if (filters.state) qb.andWhere('j.state = :state', { state: filters.state });
    if (before) qb.andWhere('(j.queued_at, j.id) < (:at, :id)', before);
    return qb.getMany();
  }

  /** Issues of a job in the order they arose, keyset-paged by id. */
  issues(
    jobId: string,
    severity: IssueSeverity | undefined,
    limit: number,
    afterId?: string,
  ): Promise<JobIssueEntity[]> {
    const qb = this.dataSource
      .getRepository(JobIssueEntity)
      .createQueryBuilder('i')
      .where('i.job_id = :jobId', { jobId })
      .orderBy('i.id', 'ASC')
      .limit(limit);
    if (severity) qb.andWhere('i.severity = :severity', { severity });
    if (afterId) qb.andWhere('i.id > :afterId', { afterId });
    return qb.getMany();
  }
}
