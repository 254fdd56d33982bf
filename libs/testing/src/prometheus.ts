import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './eventually';
import { freePort } from './free-port';
import { currentTestLog, WORKSPACE_ROOT } from './infra';

export const PROMETHEUS_PATH = process.env.PROMETHEUS_PATH || '/usr/bin/prometheus';

export interface ScrapeTarget {
  service: string;
  /** host:port */
  address: string;
}

export interface Sample {
  metric: Record<string, string>;
  value: number;
}

/**
 * A real Prometheus server (Debian's package, installed by `npm test` through
 * deploy/local/prometheus.mjs) scraping services under test every `scrapeIntervalMs`, with its
 * data in a temporary directory. Queries go through its HTTP API, as an operator's would.
 */
export class PrometheusProcess {
  private child: ChildProcess | null = null;
  private dir = '';
  port = 0;

  constructor(
    private readonly targets: ScrapeTarget[],
    private readonly scrapeIntervalMs = 500,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!existsSync(PROMETHEUS_PATH)) {
      throw new Error(
        `${PROMETHEUS_PATH} is missing: run \`node deploy/local/prometheus.mjs\` (npm test does)`,
      );
    }
    this.port = await freePort();
    this.dir = mkdtempSync(join(tmpdir(), 'dpi-prometheus-'));
    const interval = `${this.scrapeIntervalMs}ms`;
    // The scrape config of deploy/monitoring/prometheus.yml, with the test's targets.
    const config = {
      global: {
        scrape_interval: interval,
        scrape_timeout: interval,
        evaluation_interval: interval,
      },
      scrape_configs: [
        {
          job_name: 'dpi',
          metrics_path: '/metrics',
          honor_labels: true,
          static_configs: this.targets.map((t) => ({
            targets: [t.address],
            labels: { service: t.service },
          })),
        },
      ],
    };
    // JSON is YAML.
    writeFileSync(join(this.dir, 'prometheus.yml'), JSON.stringify(config, null, 2));
    const log = currentTestLog() ?? join(WORKSPACE_ROOT, '.infra/test-logs/prometheus.log');
    const fd = openSync(log, 'a');
    try {
      this.child = spawn(
        PROMETHEUS_PATH,
        [
          `--config.file=${join(this.dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(this.dir, 'data')}`,
          `--web.listen-address=127.0.0.1:${this.port}`,
          '--log.level=warn',
        ],
        { stdio: ['ignore', fd, fd] },
      );
    } finally {
      closeSync(fd);
    }
    await eventually(
      async () => {
        if (this.child?.exitCode !== null) throw new Error(`prometheus exited; see ${log}`);
        const response = await fetch(`${this.url}/-/ready`);
        if (response.status !== 200) throw new Error(`prometheus not ready: ${response.status}`);
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }

  /** An instant query; the result as samples (throws on a query error, with Prometheus' reason). */
  async query(expr: string): Promise<Sample[]> {
    const response = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data?: {
        resultType: string;
        result: { metric: Record<string, string>; value: [number, string] }[];
      };
    };
    if (body.status !== 'success' || !body.data) {
      throw new Error(`query ${expr} failed: ${body.error ?? response.status}`);
    }
    if (body.data.resultType !== 'vector') return [];
    return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
  }

  /** The metric names the scraped targets declared (# HELP/# TYPE), from the metadata API. */
  async metricNames(): Promise<Set<string>> {
    const response = await fetch(`${this.url}/api/v1/metadata`);
    const body = (await response.json()) as { data: Record<string, unknown> };
    return new Set(Object.keys(body.data));
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    this.child = null;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}
