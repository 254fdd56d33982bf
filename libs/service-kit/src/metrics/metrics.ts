import {
  collectDefaultMetrics,
  Counter,
  CounterConfiguration,
  Gauge,
  GaugeConfiguration,
  Histogram,
  HistogramConfiguration,
  Metric,
  Registry,
} from 'prom-client';

/** Seconds buckets for work from a millisecond to a minute (HTTP, batches, pages, rule runs). */
export const DURATION_BUCKETS = [
  0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];

/**
 * A service's Prometheus metrics (prom-client), served at GET /metrics in the text format. One
 * registry per application, not prom-client's global one: tests run several apps in one process.
 * Every series carries `service`; names follow Prometheus conventions (`dpi_` prefix, base units,
 * `_total` for counters). Asking twice for one name returns the same metric, so two providers that
 * need one series do not collide.
 */
export class Metrics {
  readonly registry = new Registry();

  /** METRICS_ENABLED: false = no /metrics, no per-request measuring, no process collectors. */
  readonly enabled: boolean;

  constructor(service: string, options: { enabled?: boolean; defaultMetrics?: boolean } = {}) {
    this.enabled = options.enabled ?? true;
    this.registry.setDefaultLabels({ service });
    if (this.enabled && (options.defaultMetrics ?? true)) {
      collectDefaultMetrics({ register: this.registry });
    }
  }

  counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
    return this.reuse(config.name, () => new Counter({ ...config, registers: [this.registry] }));
  }

  gauge<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
    return this.reuse(config.name, () => new Gauge({ ...config, registers: [this.registry] }));
  }

  histogram<L extends string>(config: HistogramConfiguration<L>): Histogram<L> {
    return this.reuse(
      config.name,
      () => new Histogram({ buckets: DURATION_BUCKETS, ...config, registers: [this.registry] }),
    );
  }

  /** The Prometheus text exposition of every metric (gauges with `collect` are read now). */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private reuse<M extends Metric>(name: string, create: () => M): M {
    return (this.registry.getSingleMetric(name) as M | undefined) ?? create();
  }
}

/** Seconds since `start` (a `process.hrtime.bigint()` reading). */
export const secondsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
