import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Metrics, secondsSince } from '@dpi/service-kit';
import { PinoLogger } from 'nestjs-pino';
import { Subscription } from 'rxjs';
import { ReportingEnv } from '../config';
import { FindingsRepository } from '../handlungsbedarfe/findings.repository';
import { ReadModelsChange, ReadModelsChanged } from '../changes/read-models-changed';
import { isReadModel } from '../projection/read-models';
import {
  AGGREGATE_PARTS,
  AggregatePart,
  AggregateSnapshot,
  PartAggregates,
} from './aggregate-snapshot';
import { AggregatesRepository } from './aggregates.repository';
import { RefreshingSnapshot } from './refreshing-snapshot';

/** The `model` of the live event announcing new aggregates (the dashboard reloads on it). */
export const AGGREGATES_MODEL = 'aggregates';

/** A failed refresh is retried after this long (about the pool's connection timeout). */
const RETRY_MS = 5000;

/**
 * The aggregates behind summary, Länder, coverage and quality, precomputed: at start-up, after
 * applied batches and changed findings (only the parts they touched; at most one refresh per
 * AGGREGATES_DEBOUNCE_MS while changes arrive), and completely every AGGREGATES_INTERVAL_MS.
 * Requests read the snapshot in memory, so their cost does not grow with the inventory.
 */
@Injectable()
export class AggregatesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly snapshot: RefreshingSnapshot<AggregateSnapshot>;
  /** Parts changed since the refresh that is running or last ran. */
  private readonly stale = new Set<AggregatePart>();
  private subscription: Subscription | null = null;
  private interval: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: AggregatesRepository,
    private readonly findings: FindingsRepository,
    private readonly changes: ReadModelsChanged,
    @Inject(ConfigService) private readonly config: ConfigService<ReportingEnv, true>,
    private readonly logger: PinoLogger,
    metrics: Metrics,
  ) {
    logger.setContext('AggregatesService');
    const refreshes = metrics.histogram({
      name: 'dpi_aggregates_refresh_duration_seconds',
      help: 'Time to recompute the stale parts of the aggregates snapshot',
    });
    const failures = metrics.counter({
      name: 'dpi_aggregates_refresh_failures_total',
      help: 'Aggregate refreshes that failed (the previous snapshot stays)',
    });
    this.snapshot = new RefreshingSnapshot({
      compute: async (current) => {
        const started = process.hrtime.bigint();
        try {
          return await this.compute(current);
        } catch (error) {
          failures.inc();
          throw error;
        } finally {
          refreshes.observe(secondsSince(started));
        }
      },
      gapMs: config.get('AGGREGATES_DEBOUNCE_MS', { infer: true }),
      // Under a stream of changes refreshes take at most a quarter of the time (as the rules):
      // the projector and the registry beside it keep the database and the cores.
      gapPerRunTime: 3,
      retryMs: RETRY_MS,
      onError: (error) =>
        this.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'refreshing the aggregates failed; the previous snapshot stays',
        ),
    });
  }

  onApplicationBootstrap(): void {
    this.subscription = this.changes.changes.subscribe((change) => this.onChange(change));
    this.snapshot.request();
    this.interval = setInterval(
      () => {
        for (const part of AGGREGATE_PARTS) this.stale.add(part);
        this.snapshot.request();
      },
      this.config.get('AGGREGATES_INTERVAL_MS', { infer: true }),
    );
    this.interval.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.subscription?.unsubscribe();
    if (this.interval) clearInterval(this.interval);
    await this.snapshot.close();
  }

  /** The current aggregates; right after start-up, the first ones are waited for. */
  current(): Promise<AggregateSnapshot> {
    return this.snapshot.current();
  }

  /**
   * Changes of every replica, heard once committed, so the refresh they ask for sees them.
   * (Its own announcements, `aggregates`, are no read model.)
   */
  private onChange(change: ReadModelsChange): void {
    const part =
      change.type === 'findings' ? 'findings' : isReadModel(change.model) && change.model;
    if (!part) return;
    this.stale.add(part);
    this.snapshot.request();
  }

  private async compute(current: AggregateSnapshot | null): Promise<AggregateSnapshot> {
    const parts = current ? [...this.stale] : [...AGGREGATE_PARTS];
    this.stale.clear();
    if (current && parts.length === 0) return current;
    const asOf = new Date().toISOString();
    const started = Date.now();
    let computed: Map<AggregatePart, PartAggregates>;
    try {
      computed = new Map(
        await Promise.all(parts.map(async (part) => [part, await this.load(part)] as const)),
      );
    } catch (error) {
      for (const part of parts) this.stale.add(part);
      throw error;
    }
    const next = AggregateSnapshot.from(asOf, current, computed);
    const changed =
      current !== null &&
      parts.some(
        (part) => JSON.stringify(current.parts.get(part)) !== JSON.stringify(next.parts.get(part)),
      );
    this.logger.debug({ ms: Date.now() - started, parts, changed }, 'aggregates refreshed');
    // This replica's own snapshot: its followers (its SSE clients) only.
    if (changed)
      this.changes.publish({ type: 'changed', model: AGGREGATES_MODEL, ids: [], at: asOf });
    return next;
  }

  private async load(part: AggregatePart): Promise<PartAggregates> {
    if (part !== 'findings') return this.repository.readModel(part);
    const rows = await this.findings.countsByLandAndSeverity();
    return {
      facets: rows.map((r) => ({
        land_code: r.land_code,
        facet: 'findings',
        value: r.severity,
        n: r.n,
      })),
    };
  }
}
