import { CswError, type HarvestResult, type PageResult } from '@dpi/csw';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import { HarvesterEnv } from '../config';
import type { HarvestJobEntity, JobState } from '../jobs/entities/harvest-job.entity';
import type { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import { JobsRepository, type JobFields, type ProgressDelta } from '../jobs/jobs.repository';
import { decideDeletes } from './delete-policy';
import { modifiedSince, withModifiedSince } from './incremental';
import { publishedChecksum, toHarvestedRecord } from './mapping/record-mapping';
import { screenPage, type IssueDraft } from './page-screening';
import { harvestPartitioned } from './paging';
import type { RecordEventContext } from './record-events';
import { RecordStore } from './record-store.repository';
import { HarvestMetrics } from './harvest-metrics';
import { ParseWorkerProvider } from './parse-worker.provider';
import { isBufferedPage, ResilientCswClient } from './resilient-client';
import {
  errorMessageOf,
  noDelta,
  PAGE_WARNING_CODES,
  RunTotals,
  snippetOfError,
  sourceConstraint,
  warning,
  WITHDRAW_BATCH,
} from './run-state';

/** Why a job was stopped from outside (the abort reason of its signal). */
export type StopRequest =
  | { kind: 'cancelled' }
  | { kind: 'stalled'; idleMs: number }
  | { kind: 'shutdown' }
  | { kind: 'lockLost'; error: string };

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
    private readonly parseWorker: ParseWorkerProvider,
    private readonly metrics: HarvestMetrics,
    @Inject(ConfigService) private readonly config: ConfigService<HarvesterEnv, true>,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('HarvestRunner');
  }

  async run(context: RunContext): Promise<HarvestJobEntity> {
    const started = Date.now();
    const finished = await this.execute(context);
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
      const client = new ResilientCswClient(
        {
          url: source.url,
          timeoutMs: source.timeoutMs,
          maxResponseBytes: this.config.get('HARVEST_MAX_RESPONSE_BYTES', { infer: true }),
          parser: this.parseWorker.parser,
        },
        {
          maxAttempts: source.retryMaxAttempts,
          backoffMs: source.retryBackoffMs,
          maxBackoffMs: source.retryMaxBackoffMs,
          maxRequestsPerSecond: source.maxRequestsPerSecond,
          onRetry: ({ attempt, delayMs, error }) => {
            this.logger.warn(
              { ...log, attempt, delayMs, error: error.message },
              'retrying request',
            );
            totals.pending.push(
              warning(
                'RETRY',
                `attempt ${attempt} failed (${error.message}); retrying in ${delayMs} ms`,
              ),
            );
          },
        },
      );
      result = await harvestPartitioned(client, {
        concurrency: source.concurrency,
        pageSize: source.pageSize,
        typeNames: source.typeNames,
        outputSchema: source.outputSchema,
        constraint,
        signal,
        detectDuplicates: false,
        onRecord: () => undefined,
        onPage: (page) => this.storePage(context, totals, page),
      });
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
      topicPrefix: this.config.get('KAFKA_TOPIC_PREFIX', { infer: true }),
      jobId: job.id,
      correlationId: job.correlationId,
    };
  }

  /** One page: screen, compare, store with events and progress, all in one transaction. */
  private async storePage(context: RunContext, totals: RunTotals, page: PageResult) {
    if (!isBufferedPage(page)) throw new Error('internal: a page arrived without its records');
    const { job, source } = context;
    const screened = screenPage(page.records, page.foreign);
    const harvestedAt = new Date();
    const mapping = {
      sourceId: source.id,
      sourceName: source.name,
      landCode: source.landCode,
      jobId: job.id,
      harvestedAt,
    };
    const candidates = screened.candidates.map(({ fileIdentifier, record }) => ({
      fileIdentifier,
      checksum: publishedChecksum(record, mapping),
      build: () => toHarvestedRecord(record, mapping),
    }));
    const pageWarnings = page.warnings.map((message) =>
      warning(
        message.includes('announced') ? 'FEWER_RECORDS_THAN_ANNOUNCED' : 'PAGE_WARNING',
        message,
      ),
    );
    const interval = this.config.get('HARVEST_PROGRESS_INTERVAL_MS', { infer: true });
    const publish = Date.now() - totals.lastEventAt >= interval;
    const pending = totals.pending.splice(0);

    const { delta, stored } = await this.store.transaction(async (manager) => {
      const outcome = await this.store.applyPage(
        manager,
        source.id,
        candidates,
        this.eventContext(job),
      );
      const issues = [
        ...pending,
        ...pageWarnings,
        ...screened.issues,
        ...outcome.repeated.map((id) =>
          warning(
            'DUPLICATE_IDENTIFIER',
            `fileIdentifier ${id} delivered again on a later page`,
            id,
          ),
        ),
      ];
      const delta: ProgressDelta = {
        ...noDelta(),
        received: page.received,
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        failed: screened.failed,
        warnings: issues.filter((i) => i.severity === 'warning').length,
        pages: 1,
      };
      const issuesStored = await this.jobs.insertIssues(
        manager,
        job.id,
        issues,
        totals.issuesStored,
      );
      const stored = await this.jobs.updateIn(
        manager,
        job.id,
        page.numberOfRecordsMatched !== null ? { matched: page.numberOfRecordsMatched } : {},
        source,
        delta,
        publish,
      );
      return { delta: { ...delta, issuesStored }, stored };
    });
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
    const issues = [
      ...totals.pending.splice(0),
      ...result.warnings
        .filter((w) => !PAGE_WARNING_CODES.has(w.code))
        .map((w) => warning(w.code, w.message)),
    ];
    const problems: string[] = [];
    if (!result.complete) {
      problems.push(
        `received ${result.received} of ${result.numberOfRecordsMatched ?? 'an unknown number of'} matched records (paging stopped: ${result.stopReason})`,
      );
    }
    if (totals.failed > 0) {
      problems.push(`${totals.failed} record(s) could not be harvested (see the job's errors)`);
    }
    const state: JobState = problems.length === 0 ? 'succeeded' : 'partiallySucceeded';
    const fields: JobFields = {
      state,
      matched: result.numberOfRecordsMatched,
      stopReason: result.stopReason,
      message: problems.length > 0 ? `${problems.join('; ')}; no records were withdrawn` : '',
    };

    if (state === 'succeeded' && job.mode === 'full') {
      const { live, missing } = await this.store.liveAndMissing(source.id, job.id);
      const decision = decideDeletes({
        live,
        missing,
        threshold: this.config.get('HARVEST_DELETE_THRESHOLD', { infer: true }),
      });
      if (decision.kind === 'holdBack') {
        fields.deletesHeldBack = true;
        fields.message = decision.message;
        issues.push(warning('DELETES_HELD_BACK', decision.message));
        this.logger.warn({ jobId: job.id, sourceId: source.id, live, missing }, decision.message);
      } else if (decision.kind === 'delete') {
        await this.withdrawUnseen(context);
      }
    }
    return this.finish(context, totals, fields, issues);
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
    const kind = request?.kind ?? 'cancelled';
    const messages: Record<StopRequest['kind'], string> = {
      cancelled: 'cancelled by an operator; no records were withdrawn',
      stalled: `no progress for ${Math.round(((request as { idleMs?: number })?.idleMs ?? 0) / 1000)} s: stopped by the watchdog; no records were withdrawn`,
      shutdown: 'the harvester shut down during the job; the next run repeats it',
      lockLost: `lost the database session holding the source lock (${(request as { error?: string })?.error ?? 'unknown'}); stopped to let another run take over`,
    };
    this.logger.warn(
      {
        jobId: context.job.id,
        sourceId: context.source.id,
        stop: kind,
        error: errorMessageOf(error),
      },
      'harvest stopped',
    );
    const state: JobState = kind === 'cancelled' ? 'cancelled' : 'failed';
    return this.finish(context, totals, { state, message: messages[kind] }, []);
  }

  private finishFailed(
    context: RunContext,
    totals: RunTotals,
    error: unknown,
  ): Promise<HarvestJobEntity> {
    const remote = error instanceof CswError;
    const message = errorMessageOf(error);
    const log = { jobId: context.job.id, sourceId: context.source.id, url: context.source.url };
    if (remote) this.logger.warn({ ...log, code: error.code, error: message }, 'harvest failed');
    else this.logger.error({ ...log, err: error }, 'harvest failed with an internal error');
    const issue: IssueDraft = {
      severity: 'error',
      code: remote ? error.code : 'INTERNAL',
      identifier: null,
      message,
      snippet: snippetOfError(error),
    };
    return this.finish(
      context,
      totals,
      { state: 'failed', message: `${message}; no records were withdrawn` },
      [issue],
    );
  }

  private async finish(
    context: RunContext,
    totals: RunTotals,
    fields: JobFields,
    issues: IssueDraft[],
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
