import { SpanStatusCode, trace } from '@opentelemetry/api';
import { CswError, type HarvestResult, type PageResult } from '@dpi/csw';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import { HarvesterEnv } from '../config';
import type { HarvestJobEntity } from '../jobs/entities/harvest-job.entity';
import type { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import { JobsRepository } from '../jobs/jobs.repository';
import { decideDeletes } from './delete-policy';
import { harvestClientFor, pagingOptionsFor } from './harvest-client';
import { modifiedSince, withModifiedSince } from './incremental';
import {
  failedOutcome,
  harvestedOutcome,
  stoppedOutcome,
  withDeletes,
  type JobOutcome,
  type StopRequest,
} from './job-outcome';
import { harvestPartitioned } from './paging';
import { PageWriter } from './page-writer';
import type { RecordEventContext } from './record-events';
import { RecordStore } from './record-store.repository';
import { HarvestMetrics } from './harvest-metrics';
import { ParseWorkerProvider } from './parse-worker.provider';
import { isBufferedPage } from './resilient-client';
import {
  errorMessageOf,
  noDelta,
  RunTotals,
  sourceConstraint,
  warning,
  WITHDRAW_BATCH,
} from './run-state';

const tracer = trace.getTracer('harvester');

export type { StopRequest } from './job-outcome';

export interface RunContext {
  job: HarvestJobEntity;
  /** The source as it was when the job started. */
  source: HarvestSourceEntity;
  /** Aborted with a StopRequest as reason. */
  signal: AbortSignal;
  /** Asks the job to stop (e.g. when the database says it was cancelled elsewhere). */
  stop: (request: StopRequest) => void;
  /** Called after every stored page (the watchdog's heartbeat). */
  onProgress: () => void;
}

/**
 * Runs one harvest job: pages through the catalogue, stores each page with its events in one
 * transaction, records errors and warnings, withdraws what a successful full run did not see
 * (within the delete threshold) and finishes the job with a state an operator can act on. Remote
 * failures of any kind end as a failed job with a readable message, never as an exception.
 */
@Injectable()
export class HarvestRunner {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly store: RecordStore,
    private readonly pages: PageWriter,
    private readonly parseWorker: ParseWorkerProvider,
    private readonly metrics: HarvestMetrics,
    @Inject(ConfigService) private readonly config: ConfigService<HarvesterEnv, true>,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('HarvestRunner');
  }

  async run(context: RunContext): Promise<HarvestJobEntity> {
    const started = Date.now();
    // Tracing on: the job is a span, each stored page a child, and the record events of a page
    // carry its context to the registry (a no-op while tracing is off).
    const finished = await tracer.startActiveSpan(
      `harvest ${context.job.mode}`,
      {
        attributes: {
          'dpi.harvest.job_id': context.job.id,
          'dpi.harvest.source_id': context.source.id,
          'dpi.harvest.source_name': context.source.name,
        },
      },
      async (span) => {
        try {
          const outcome = await this.execute(context);
          span.setAttribute('dpi.harvest.state', outcome.state);
          if (outcome.state === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
          return outcome;
        } finally {
          span.end();
        }
      },
    );
    this.metrics.jobFinished(finished.state, (Date.now() - started) / 1000);
    return finished;
  }

  private async execute(context: RunContext): Promise<HarvestJobEntity> {
    const { job, source, signal } = context;
    const log = { jobId: job.id, sourceId: source.id, mode: job.mode };
    const totals = new RunTotals();
    if (signal.aborted) return this.finishStopped(context, totals, null);

    let constraint = sourceConstraint(source);
    let since: string | null = null;
    if (job.mode === 'incremental') {
      const last = await this.jobs.lastSuccessfulStart(source.id, job.id);
      if (last) {
        since = modifiedSince(last);
        constraint = withModifiedSince(constraint, since);
      } else {
        totals.pending.push(
          warning(
            'NO_PREVIOUS_RUN',
            'no successful run yet: this incremental run asks for every record (and withdraws none)',
          ),
        );
      }
    }
    const started = Date.now();
    await this.jobs.update(
      job.id,
      { state: 'running', startedAt: new Date(), progressAt: new Date(), modifiedSince: since },
      source,
    );
    this.logger.info({ ...log, url: source.url, modifiedSince: since }, 'harvest started');

    let result: HarvestResult;
    try {
      const client = harvestClientFor(source, {
        maxResponseBytes: this.config.get('HARVEST_MAX_RESPONSE_BYTES', { infer: true }),
        parser: this.parseWorker.parser,
        onRetry: ({ attempt, delayMs, error }) => {
          this.logger.warn({ ...log, attempt, delayMs, error: error.message }, 'retrying request');
          totals.pending.push(
            warning(
              'RETRY',
              `attempt ${attempt} failed (${error.message}); retrying in ${delayMs} ms`,
            ),
          );
        },
      });
      result = await harvestPartitioned(
        client,
        pagingOptionsFor(source, constraint, signal, (page) =>
          this.storePage(context, totals, page),
        ),
      );
    } catch (error) {
      if (signal.aborted) return this.finishStopped(context, totals, error);
      return this.finishFailed(context, totals, error);
    }

    // A stop that arrived after the last page still wins: a cancelled run never withdraws.
    const finished = signal.aborted
      ? await this.finishStopped(context, totals, null)
      : await this.finishHarvested(context, totals, result);
    this.logger.info(
      {
        ...log,
        state: finished.state,
        matched: finished.matched,
        received: finished.received,
        created: finished.created,
        updated: finished.updated,
        unchanged: finished.unchanged,
        deleted: finished.deleted,
        failed: finished.failed,
        durationMs: Date.now() - started,
      },
      'harvest finished',
    );
    return finished;
  }

  private eventContext(job: HarvestJobEntity): RecordEventContext {
    return {
      jobId: job.id,
      correlationId: job.correlationId,
    };
  }

  /** One page in its transaction (see PageWriter), then the run's bookkeeping. */
  private async storePage(context: RunContext, totals: RunTotals, page: PageResult) {
    if (!isBufferedPage(page)) throw new Error('internal: a page arrived without its records');
    const { job, source } = context;
    const interval = this.config.get('HARVEST_PROGRESS_INTERVAL_MS', { infer: true });
    const publish = Date.now() - totals.lastEventAt >= interval;
    const { delta, stored } = await tracer.startActiveSpan(
      'harvest page',
      {
        attributes: {
          'dpi.harvest.page.start': page.start,
          'dpi.harvest.page.records': page.received,
          'dpi.harvest.page.bytes': page.bytes,
          'dpi.harvest.page.fetch_ms': page.durationMs,
        },
      },
      async (span) => {
        try {
          return await this.pages.write({
            job,
            source,
            page,
            pending: totals.pending.splice(0),
            issuesStored: totals.issuesStored,
            publish,
            events: this.eventContext(job),
          });
        } finally {
          span.end();
        }
      },
    );
    totals.add(delta);
    this.metrics.pageStored(page, {
      created: delta.created,
      updated: delta.updated,
      unchanged: delta.unchanged,
      failed: delta.failed,
    });
    totals.issuesStored += delta.issuesStored;
    if (publish) totals.lastEventAt = Date.now();
    context.onProgress();
    if (stored.cancelRequestedAt) context.stop({ kind: 'cancelled' });
  }

  /** The catalogue was paged to the end: decide the state, withdraw what vanished, finish. */
  private async finishHarvested(
    context: RunContext,
    totals: RunTotals,
    result: HarvestResult,
  ): Promise<HarvestJobEntity> {
    const { job, source } = context;
    const harvested = harvestedOutcome({ result, failed: totals.failed, mode: job.mode });
    let outcome: JobOutcome = harvested;
    if (harvested.considerDeletes) {
      const { live, missing } = await this.store.liveAndMissing(source.id, job.id);
      const decided = withDeletes(
        harvested,
        decideDeletes({
          live,
          missing,
          threshold: this.config.get('HARVEST_DELETE_THRESHOLD', { infer: true }),
        }),
      );
      if (decided.fields.deletesHeldBack) {
        this.logger.warn(
          { jobId: job.id, sourceId: source.id, live, missing },
          decided.fields.message,
        );
      }
      if (decided.withdraw) await this.withdrawUnseen(context);
      outcome = decided;
    }
    return this.finish(context, totals, outcome);
  }

  /** Tombstones in batches, each with its counter update in one transaction. */
  private async withdrawUnseen(context: RunContext): Promise<void> {
    const { job, source } = context;
    for (;;) {
      const withdrawn = await this.store.transaction(async (manager) => {
        const n = await this.store.withdrawUnseen(
          manager,
          source.id,
          WITHDRAW_BATCH,
          this.eventContext(job),
        );
        if (n > 0) {
          await this.jobs.updateIn(
            manager,
            job.id,
            {},
            source,
            { ...noDelta(), deleted: n },
            false,
          );
        }
        return n;
      });
      this.metrics.recordsDone({ withdrawn });
      if (withdrawn < WITHDRAW_BATCH) return;
    }
  }

  private finishStopped(
    context: RunContext,
    totals: RunTotals,
    error: unknown,
  ): Promise<HarvestJobEntity> {
    const request = context.signal.reason as StopRequest | undefined;
    this.logger.warn(
      {
        jobId: context.job.id,
        sourceId: context.source.id,
        stop: request?.kind ?? 'cancelled',
        error: errorMessageOf(error),
      },
      'harvest stopped',
    );
    return this.finish(context, totals, stoppedOutcome(request));
  }

  private finishFailed(
    context: RunContext,
    totals: RunTotals,
    error: unknown,
  ): Promise<HarvestJobEntity> {
    const log = { jobId: context.job.id, sourceId: context.source.id, url: context.source.url };
    if (error instanceof CswError) {
      this.logger.warn(
        { ...log, code: error.code, error: errorMessageOf(error) },
        'harvest failed',
      );
    } else {
      this.logger.error({ ...log, err: error }, 'harvest failed with an internal error');
    }
    return this.finish(context, totals, failedOutcome(error));
  }

  /** Sets the final fields and stores the outstanding issues, in one transaction. */
  private async finish(
    context: RunContext,
    totals: RunTotals,
    { fields, issues }: JobOutcome,
  ): Promise<HarvestJobEntity> {
    const { job, source } = context;
    const all = [...totals.pending.splice(0), ...issues];
    return this.store.transaction(async (manager) => {
      await this.jobs.insertIssues(manager, job.id, all, totals.issuesStored);
      const warnings = all.filter((i) => i.severity === 'warning').length;
      return this.jobs.updateIn(
        manager,
        job.id,
        { ...fields, finishedAt: new Date() },
        source,
        warnings > 0 ? { ...noDelta(), warnings } : null,
        true,
      );
    });
  }
}
