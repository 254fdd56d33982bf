import { Metrics } from '@dpi/service-kit';
import { Injectable } from '@nestjs/common';
import { JOB_STATES, type JobState } from '../jobs/entities/harvest-job.entity';
import { JobsRepository } from '../jobs/jobs.repository';

/** Job durations run from seconds to hours. */
const JOB_BUCKETS = [1, 5, 15, 60, 300, 900, 1800, 3600, 7200, 14400];

export type RecordOutcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'withdrawn';

/**
 * The harvester's metrics beside the shared ones (HTTP, outbox, process): jobs per state and how
 * long the slowest running job has made no progress (read from the database at scrape time, so
 * every replica reports the same truth), finished jobs by state and duration, records per outcome,
 * pages with their latency and bytes.
 */
@Injectable()
export class HarvestMetrics {
  private readonly records;
  private readonly pages;
  private readonly pageSeconds;
  private readonly bytes;
  private readonly finished;
  private readonly jobSeconds;

  constructor(metrics: Metrics, jobs: JobsRepository) {
    this.records = metrics.counter({
      name: 'dpi_harvest_records_total',
      help: 'Harvested records by outcome (created, updated, unchanged, failed, withdrawn)',
      labelNames: ['outcome'],
    });
    this.pages = metrics.counter({
      name: 'dpi_harvest_pages_total',
      help: 'CSW GetRecords pages stored',
    });
    this.pageSeconds = metrics.histogram({
      name: 'dpi_harvest_page_duration_seconds',
      help: 'Time to fetch and parse one CSW page (from the request to the last record)',
    });
    this.bytes = metrics.counter({
      name: 'dpi_harvest_response_bytes_total',
      help: 'Bytes of CSW responses read',
    });
    this.finished = metrics.counter({
      name: 'dpi_harvest_jobs_finished_total',
      help: 'Harvest jobs finished, by final state',
      labelNames: ['state'],
    });
    this.jobSeconds = metrics.histogram({
      name: 'dpi_harvest_job_duration_seconds',
      help: 'Duration of finished harvest jobs, from start to finish',
      labelNames: ['state'],
      buckets: JOB_BUCKETS,
    });
    // Both gauges of one scrape share one query.
    let reading: ReturnType<JobsRepository['stateCounts']> | null = null;
    const read = () =>
      (reading ??= jobs.stateCounts().finally(() => setImmediate(() => (reading = null))));
    metrics.gauge({
      name: 'dpi_harvest_jobs',
      help: 'Harvest jobs stored, by state',
      labelNames: ['state'],
      async collect() {
        const { counts } = await read();
        for (const state of JOB_STATES) this.set({ state }, counts.get(state) ?? 0);
      },
    });
    metrics.gauge({
      name: 'dpi_harvest_running_job_idle_seconds',
      help: 'Seconds since the slowest running job last stored a page (0 when none runs)',
      async collect() {
        this.set((await read()).stalestRunningSeconds);
      },
    });
  }

  pageStored(
    page: { bytes: number; durationMs: number },
    outcomes: Partial<Record<RecordOutcome, number>>,
  ): void {
    this.pages.inc();
    this.pageSeconds.observe(page.durationMs / 1000);
    this.bytes.inc(page.bytes);
    this.recordsDone(outcomes);
  }

  recordsDone(outcomes: Partial<Record<RecordOutcome, number>>): void {
    for (const [outcome, count] of Object.entries(outcomes)) {
      if (count) this.records.inc({ outcome }, count);
    }
  }

  jobFinished(state: JobState, seconds: number): void {
    this.finished.inc({ state });
    this.jobSeconds.observe({ state }, seconds);
  }
}
