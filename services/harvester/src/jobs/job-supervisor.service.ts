import { isUniqueViolation } from '@dpi/db';
import { ProblemException } from '@dpi/service-kit';
import {
  BeforeApplicationShutdown,
  HttpStatus,
  Inject,
  Injectable,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { HarvesterEnv } from '../config';
import { HarvestRunner, type StopRequest } from '../harvest/harvest-runner';
import type { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import { HarvestJobEntity, type HarvestMode } from './entities/harvest-job.entity';
import { JobsRepository } from './jobs.repository';
import { SourceLock } from './source-lock';

export type RunTrigger =
  { kind: 'manual'; requestedBy: string; correlationId: string } | { kind: 'schedule'; tick: Date };

/** A job of this process: its lock, its stop switch and its heartbeat. */
interface LocalJob {
  job: HarvestJobEntity;
  lock: SourceLock;
  controller: AbortController;
  lastProgressAt: number;
  /** False while waiting for a slot (waiting is not stalling). */
  started: boolean;
  done: Promise<void>;
}

/** How long a busy source lock without an active job is retried before answering 409. */
const LOCK_RETRY_MS = 1500;

const ORPHAN_MESSAGE =
  'the harvester process running this job ended (crash or restart); the next run repeats it and publishes what was not confirmed';

/**
 * Starts, watches and stops this process's harvest jobs. A job holds its source's advisory lock
 * from the moment it is queued until it finished, so across all replicas at most one job per
 * source is active; jobs beyond HARVEST_MAX_PARALLEL_JOBS wait as `queued`. A watchdog fails jobs
 * without progress, and a periodic sweep fails jobs whose process died (their lock is free).
 */
@Injectable()
export class JobSupervisor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly local = new Map<string, LocalJob>();
  private readonly waiting: (() => void)[] = [];
  private runningCount = 0;
  private timer: NodeJS.Timeout | null = null;
  private sweeping = false;
  private shuttingDown = false;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly runner: HarvestRunner,
    @Inject(ConfigService) private readonly config: ConfigService<HarvesterEnv, true>,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('JobSupervisor');
  }

  onApplicationBootstrap(): void {
    void this.sweep();
    const every = this.config.get('HARVEST_WATCHDOG_INTERVAL_MS', { infer: true });
    this.timer = setInterval(() => {
      this.watchdog();
      void this.sweep();
    }, every);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    if (this.timer) clearInterval(this.timer);
    const jobs = [...this.local.values()];
    for (const job of jobs) job.controller.abort({ kind: 'shutdown' } satisfies StopRequest);
    await Promise.race([
      Promise.allSettled(jobs.map((j) => j.done)),
      new Promise((resolve) => setTimeout(resolve, 10_000).unref()),
    ]);
  }

  /**
   * Queues a job for the source and starts it in the background. 409 when the source already has
   * an active job (here or in another replica). A scheduled tick another replica already started
   * returns null.
   */
  async start(
    source: HarvestSourceEntity,
    mode: HarvestMode,
    trigger: RunTrigger,
  ): Promise<HarvestJobEntity | null> {
    if (this.shuttingDown) {
      throw new ProblemException({
        type: 'urn:dpi:problem:shutting-down',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: 'the harvester is shutting down; try again in a moment',
      });
    }
    const lock = await this.lockOrConflict(source);
    let job: HarvestJobEntity;
    try {
      // Holding the lock, any unfinished job of this source was left behind by a dead process.
      await this.failOrphans(source);
      job = await this.jobs.insert(newJob(source.id, mode, trigger), source);
    } catch (error) {
      await lock.release();
      if (trigger.kind === 'schedule' && isUniqueViolation(error)) return null;
      throw error;
    }
    const local: LocalJob = {
      job,
      lock,
      controller: new AbortController(),
      lastProgressAt: Date.now(),
      started: false,
      done: Promise.resolve(),
    };
    lock.onLost((error) =>
      local.controller.abort({ kind: 'lockLost', error: error.message } satisfies StopRequest),
    );
    this.local.set(job.id, local);
    local.done = this.execute(local, source);
    return job;
  }

  /** Stops a local job at once; a job of another replica stops at its next page. */
  cancelLocal(jobId: string): void {
    this.local.get(jobId)?.controller.abort({ kind: 'cancelled' } satisfies StopRequest);
  }

  isLocal(jobId: string): boolean {
    return this.local.has(jobId);
  }

  private async execute(local: LocalJob, source: HarvestSourceEntity): Promise<void> {
    const { job, controller } = local;
    try {
      await this.acquireSlot(controller.signal);
      try {
        local.lastProgressAt = Date.now();
        local.started = true;
        await this.runner.run({
          job,
          source,
          signal: controller.signal,
          stop: (request) => controller.abort(request),
          onProgress: () => (local.lastProgressAt = Date.now()),
        });
      } finally {
        this.releaseSlot();
      }
    } catch (error) {
      // Only reachable when the database failed while finishing; the sweep fails the job later.
      this.logger.error({ err: error, jobId: job.id }, 'job ended without a recorded state');
    } finally {
      this.local.delete(job.id);
      await local.lock.release();
    }
  }

  /** Waits for one of HARVEST_MAX_PARALLEL_JOBS slots; an aborted wait still returns (the runner then finishes the job as stopped). */
  private acquireSlot(signal: AbortSignal): Promise<void> {
    const max = this.config.get('HARVEST_MAX_PARALLEL_JOBS', { infer: true });
    if (this.runningCount < max) {
      this.runningCount++;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const take = () => {
        signal.removeEventListener('abort', onAbort);
        this.runningCount++;
        resolve();
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(take);
        if (at >= 0) this.waiting.splice(at, 1);
        this.runningCount++;
        resolve();
      };
      this.waiting.push(take);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private releaseSlot(): void {
    this.runningCount--;
    this.waiting.shift()?.();
  }

  /** Fails local running jobs that made no progress for HARVEST_STALL_TIMEOUT_MS. */
  watchdog(): void {
    const limit = this.config.get('HARVEST_STALL_TIMEOUT_MS', { infer: true });
    const now = Date.now();
    for (const local of this.local.values()) {
      const idleMs = now - local.lastProgressAt;
      if (local.started && idleMs > limit && !local.controller.signal.aborted) {
        this.logger.warn({ jobId: local.job.id, idleMs }, 'watchdog: job made no progress');
        local.controller.abort({ kind: 'stalled', idleMs } satisfies StopRequest);
      }
    }
  }

  /**
   * Fails unfinished jobs no live process holds the lock for (left behind by a crash), and stops
   * local jobs cancelled through another replica.
   */
  async sweep(): Promise<void> {
    if (this.sweeping || this.shuttingDown) return;
    this.sweeping = true;
    try {
      for (const job of await this.jobs.findUnfinished()) {
        const local = this.local.get(job.id);
        if (local) {
          if (job.cancelRequestedAt) this.cancelLocal(job.id);
          continue;
        }
        await this.recoverOrphan(job);
      }
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'orphan sweep failed; retrying later');
    } finally {
      this.sweeping = false;
    }
  }

  private async recoverOrphan(job: HarvestJobEntity): Promise<void> {
    const lock = await SourceLock.tryAcquire(
      this.config.get('DATABASE_URL', { infer: true }),
      this.config.get('DB_SCHEMA', { infer: true }),
      job.sourceId,
    );
    if (!lock) return; // a live process runs it
    try {
      const source = await this.jobs.sourceOf(job.sourceId);
      if (source) await this.failOrphans(source);
    } finally {
      await lock.release();
    }
  }

  private async failOrphans(source: HarvestSourceEntity): Promise<void> {
    const failed = await this.jobs.failUnfinished(source.id, source, ORPHAN_MESSAGE);
    for (const job of failed) {
      this.logger.warn(
        { jobId: job.id, sourceId: source.id },
        'failed a job left behind by a dead process',
      );
    }
  }

  /**
   * The source's lock, or a 409 naming the active job. The lock is also held for moments without
   * an active job row (a job being queued or just finished, a sweep, a source being deleted), so
   * a busy lock without such a row is tried again for up to a second.
   */
  private async lockOrConflict(source: HarvestSourceEntity): Promise<SourceLock> {
    const deadline = Date.now() + LOCK_RETRY_MS;
    for (;;) {
      const lock = await SourceLock.tryAcquire(
        this.config.get('DATABASE_URL', { infer: true }),
        this.config.get('DB_SCHEMA', { infer: true }),
        source.id,
      );
      if (lock) return lock;
      const active = await this.jobs.findActive(source.id);
      if (active || Date.now() > deadline) {
        throw new ProblemException({
          type: 'urn:dpi:problem:job-active',
          status: HttpStatus.CONFLICT,
          detail: active
            ? `source "${source.name}" already has an active job ${active.id} (${active.state} since ${(active.startedAt ?? active.queuedAt).toISOString()}); wait for it or cancel it`
            : `source "${source.name}" is being harvested or changed right now; try again shortly`,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function newJob(sourceId: string, mode: HarvestMode, trigger: RunTrigger): HarvestJobEntity {
  const id = randomUUID();
  return Object.assign(new HarvestJobEntity(), {
    id,
    sourceId,
    mode,
    trigger: trigger.kind,
    scheduledFor: trigger.kind === 'schedule' ? trigger.tick : null,
    state: 'queued',
    matched: null,
    received: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    failed: 0,
    warnings: 0,
    pages: 0,
    message: '',
    deletesHeldBack: false,
    modifiedSince: null,
    stopReason: null,
    requestedBy: trigger.kind === 'manual' ? trigger.requestedBy : 'scheduler',
    correlationId: trigger.kind === 'manual' ? trigger.correlationId : id,
    cancelRequestedAt: null,
    queuedAt: new Date(),
    startedAt: null,
    progressAt: null,
    finishedAt: null,
    eventVersion: 1,
  } satisfies HarvestJobEntity);
}
