import { ProblemException } from '@dpi/service-kit';
import {
  HttpStatus,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SchedulerRegistry } from '@nestjs/schedule';
import { CronJob, CronTime } from 'cron';
import { PinoLogger } from 'nestjs-pino';
import { HarvesterEnv } from '../config';
import { JobSupervisor } from '../jobs/job-supervisor.service';
import type { HarvestMode } from '../jobs/entities/harvest-job.entity';
import { cronProblem } from '../sources/cron';
import type { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import { SourcesRepository } from '../sources/sources.repository';

const MODES: HarvestMode[] = ['incremental', 'full'];
/** Other replicas' schedule changes reach this one within this time. */
const RESYNC_INTERVAL_MS = 60_000;

const cronName = (sourceId: string, mode: HarvestMode) => `harvest:${sourceId}:${mode}`;

/** What one firing of a schedule did, in this replica. */
export interface ScheduleFiring {
  sourceId: string;
  mode: HarvestMode;
  tick: Date;
  /**
   * started: this replica started the tick's job; taken: another replica already had;
   * busy: a job of the source was active; skipped: the source is disabled or gone;
   * failed: the job could not start (logged).
   */
  outcome: 'started' | 'taken' | 'busy' | 'skipped' | 'failed';
}

/**
 * The tick a firing belongs to: the latest time ≤ now (with a second of tolerance) the expression
 * matches. Every replica computes the same tick, and the job table admits one job per tick.
 */
export function tickOf(expression: string, timeZone: string, now = new Date()): Date {
  const candidate = new CronTime(expression, timeZone)
    .getNextDateFrom(new Date(now.getTime() - 1500), timeZone)
    .toJSDate();
  return candidate.getTime() <= now.getTime() + 1000
    ? candidate
    : new Date(Math.floor(now.getTime() / 1000) * 1000);
}

/**
 * Registers each enabled source's cron schedules (incremental and full) with @nestjs/schedule.
 * A write through this replica re-registers at once; changes made through other replicas are
 * picked up by a resync every minute. Every tick re-reads the source, and the source lock makes
 * a tick that fires in several replicas run once.
 */
@Injectable()
export class ScheduleService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly registered = new Map<string, number>();
  private readonly firingListeners = new Set<(firing: ScheduleFiring) => void>();
  private resyncTimer: NodeJS.Timeout | null = null;
  private readonly enabled: boolean;
  private readonly timeZone: string;

  constructor(
    private readonly registry: SchedulerRegistry,
    private readonly sources: SourcesRepository,
    private readonly supervisor: JobSupervisor,
    @Inject(ConfigService) config: ConfigService<HarvesterEnv, true>,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('ScheduleService');
    this.enabled = config.get('HARVEST_SCHEDULER_ENABLED', { infer: true });
    this.timeZone = config.get('HARVEST_CRON_TIMEZONE', { infer: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) {
      this.logger.info('scheduler disabled (HARVEST_SCHEDULER_ENABLED=false): manual runs only');
      return;
    }
    await this.resync();
    this.resyncTimer = setInterval(() => void this.resync(), RESYNC_INTERVAL_MS);
    this.resyncTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.resyncTimer) clearInterval(this.resyncTimer);
    for (const sourceId of [...this.registered.keys()]) this.remove(sourceId);
  }

  /** (Re-)registers the schedules of one source as it is now. */
  sync(source: HarvestSourceEntity): void {
    this.remove(source.id);
    if (!this.enabled || source.deletedAt) return;
    this.registered.set(source.id, source.version);
    if (!source.enabled) return;
    for (const mode of MODES) {
      const expression = mode === 'full' ? source.fullSchedule : source.incrementalSchedule;
      if (!expression || cronProblem(expression, this.timeZone) !== null) continue;
      const job = CronJob.from({
        cronTime: expression,
        timeZone: this.timeZone,
        onTick: () => this.fire(source.id, mode, expression),
        start: true,
        unrefTimeout: true,
      });
      this.registry.addCronJob(cronName(source.id, mode), job as CronJob);
    }
  }

  remove(sourceId: string): void {
    for (const mode of MODES) {
      const name = cronName(sourceId, mode);
      if (this.registry.doesExist('cron', name)) {
        this.registry.getCronJob(name).stop();
        this.registry.deleteCronJob(name);
      }
    }
    this.registered.delete(sourceId);
  }

  /** Names of the registered cron jobs (for tests and diagnostics). */
  registeredJobs(): string[] {
    return [...this.registry.getCronJobs().keys()].filter((name) => name.startsWith('harvest:'));
  }

  /**
   * Calls `listener` after each firing has done its work (for tests and diagnostics: a firing
   * another replica won leaves no trace in the database). Returns the unsubscribe function.
   */
  onFiring(listener: (firing: ScheduleFiring) => void): () => void {
    this.firingListeners.add(listener);
    return () => this.firingListeners.delete(listener);
  }

  private async resync(): Promise<void> {
    try {
      const live = await this.sources.list({});
      const seen = new Set<string>();
      for (const source of live) {
        seen.add(source.id);
        if (this.registered.get(source.id) !== source.version) this.sync(source);
      }
      for (const sourceId of [...this.registered.keys()]) {
        if (!seen.has(sourceId)) this.remove(sourceId);
      }
    } catch (error) {
      this.logger.warn(
        { error: (error as Error).message },
        'schedule resync failed; retrying later',
      );
    }
  }

  private async fire(sourceId: string, mode: HarvestMode, expression: string): Promise<void> {
    const tick = tickOf(expression, this.timeZone);
    const outcome = await this.startTick(sourceId, mode, tick);
    for (const listener of this.firingListeners) listener({ sourceId, mode, tick, outcome });
  }

  private async startTick(
    sourceId: string,
    mode: HarvestMode,
    tick: Date,
  ): Promise<ScheduleFiring['outcome']> {
    try {
      const source = await this.sources.findLive(sourceId);
      if (!source || !source.enabled) return 'skipped';
      const job = await this.supervisor.start(source, mode, { kind: 'schedule', tick });
      if (job) {
        this.logger.info({ sourceId, mode, jobId: job.id, tick }, 'scheduled harvest started');
        return 'started';
      }
      this.logger.debug({ sourceId, mode, tick }, 'tick already started by another replica');
      return 'taken';
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === HttpStatus.CONFLICT) {
        this.logger.info({ sourceId, mode, tick }, 'scheduled harvest skipped: a job is active');
        return 'busy';
      }
      this.logger.error({ err: error, sourceId, mode }, 'scheduled harvest could not start');
      return 'failed';
    }
  }
}
