import {
  createTestNamespace,
  databaseUrl,
  eventually,
  freePort,
  PrometheusProcess,
  ServiceProcess,
  TestNamespace,
  WORKSPACE_ROOT,
  migrateService,
} from '@dpi/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

const ADMIN_TOKEN = 'metrics-e2e-admin-token-0123456789';
const PLATFORMS = 40;
const MONITORING = join(WORKSPACE_ROOT, 'deploy/monitoring');

/** Every dpi_* metric name an expression mentions, without the histogram suffixes. */
const metricNamesIn = (text: string) =>
  new Set(
    [...text.matchAll(/\b(dpi_[a-z_]+)\b/g)].map((m) => m[1].replace(/_(bucket|count|sum)$/, '')),
  );

/**
 * Issue 19: the services' /metrics, scraped by a REAL Prometheus as an operator would, over the
 * whole chain registry → outbox → Kafka → reporting. Reporting's projection is held by a table
 * lock while the registry takes a burst of registrations, so the consumer lag must rise (it cannot
 * be consumed away before a scrape), and must fall back to 0 once the lock is released.
 */
describe('metrics: Prometheus scrapes every service (issue 19)', () => {
  let ns: TestNamespace;
  let registry: ServiceProcess;
  let reporting: ServiceProcess;
  let harvester: ServiceProcess;
  let prometheus: PrometheusProcess;
  let deadPort: number;

  const migrate = (service: string) => migrateService(service, ns.env(service));
  /** The single value of an expression that yields one series (NaN when it yields none). */
  const value = async (expr: string) => {
    const samples = await prometheus.query(expr);
    if (samples.length > 1) throw new Error(`${expr} yields ${samples.length} series`);
    return samples[0]?.value ?? NaN;
  };

  beforeAll(async () => {
    ns = await createTestNamespace('metrics');
    for (const service of ['registry', 'reporting', 'harvester']) migrate(service);
    registry = new ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN }),
      await freePort(),
    );
    reporting = new ServiceProcess(
      'reporting',
      ns.env('reporting', { REGISTRY_URL: registry.url }),
      await freePort(),
    );
    harvester = new ServiceProcess('harvester', ns.env('harvester'), await freePort());
    await Promise.all([registry.start(), reporting.start(), harvester.start()]);
    // Negative control: a target nothing listens on must be reported down.
    deadPort = await freePort();
    prometheus = new PrometheusProcess([
      { service: 'registry', address: `127.0.0.1:${registry.port}` },
      { service: 'reporting', address: `127.0.0.1:${reporting.port}` },
      { service: 'harvester', address: `127.0.0.1:${harvester.port}` },
      { service: 'nothing', address: `127.0.0.1:${deadPort}` },
    ]);
    await prometheus.start();
  });

  afterAll(async () => {
    await prometheus?.stop();
    await Promise.all([registry, reporting, harvester].map((s) => s?.stop()));
  });

  it('serves the Prometheus text format at /metrics, outside the OpenAPI document', async () => {
    const response = await fetch(`${registry.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^# TYPE dpi_http_request_duration_seconds histogram$/m);
    expect(text).toMatch(/^process_cpu_seconds_total\{service="registry"\} /m);
    const docs = (await (await fetch(`${registry.url}/api/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(docs.paths).filter((p) => p.includes('metrics'))).toEqual([]);
  });

  it('serves no /metrics when METRICS_ENABLED=false', async () => {
    const quiet = new ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, METRICS_ENABLED: 'false' }),
      await freePort(),
    );
    await quiet.start();
    try {
      expect((await fetch(`${quiet.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${quiet.url}/health/ready`)).status).toBe(200);
    } finally {
      await quiet.stop();
    }
  });

  it('sees all three services up and the missing one down', async () => {
    await eventually(
      async () => {
        const up = await prometheus.query('up{job="dpi"}');
        const byService = Object.fromEntries(up.map((s) => [s.metric.service, s.value]));
        expect(byService).toEqual({ registry: 1, reporting: 1, harvester: 1, nothing: 0 });
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });

  it('shows the consumer lag rise while the projection is held, and fall back to 0', async () => {
    const lag = 'sum(dpi_kafka_consumer_lag{service="reporting"})';
    // Reporting has joined its group and committed what there was: lag 0 before the burst.
    await eventually(async () => expect(await value(lag)).toBe(0), { timeoutMs: 60_000 });

    const hold = new Client({ connectionString: databaseUrl() });
    await hold.connect();
    try {
      await hold.query('BEGIN');
      // Writes to the platform read model wait; reads (and scrapes) go on.
      await hold.query(`LOCK TABLE "${ns.schema('reporting')}".platform_item IN EXCLUSIVE MODE`);
      for (let i = 0; i < PLATFORMS; i++) {
        const response = await fetch(`${registry.url}/api/v1/platforms`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
          body: JSON.stringify({
            name: `Metrik-Plattform ${i}`,
            landCode: 'DE-BB',
            type: 'geoportal',
            status: 'production',
          }),
        });
        expect(response.status).toBe(201);
      }
      // Prometheus has scraped the registry after the last of the burst (the sentinel: the
      // request count of the burst; a scrape from before it would show fewer) …
      const posts =
        'sum(dpi_http_request_duration_seconds_count{service="registry",method="POST",route="/api/v1/platforms",status_code="201"})';
      await eventually(async () => expect(await value(posts)).toBe(PLATFORMS), {
        timeoutMs: 60_000,
        intervalMs: 200,
      });
      // … everything the registry committed was published: the outbox drained, the relay counted
      // the burst …
      await eventually(
        async () => {
          expect(await value('dpi_outbox_backlog_events{service="registry"}')).toBe(0);
          expect(
            await value('sum(dpi_outbox_published_events_total{service="registry"})'),
          ).toBeGreaterThanOrEqual(PLATFORMS);
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      // … and waits in Kafka for reporting: the lag rises to the burst (a batch may be in flight).
      await eventually(async () => expect(await value(lag)).toBeGreaterThan(0), {
        timeoutMs: 60_000,
        intervalMs: 200,
      });
    } finally {
      await hold.query('COMMIT').catch(() => undefined);
      await hold.end();
    }

    await eventually(async () => expect(await value(lag)).toBe(0), {
      timeoutMs: 90_000,
      intervalMs: 200,
    });
    // Lag 0 means applied: the read model holds the burst.
    const summary = (await (await fetch(`${reporting.url}/api/v1/inventory/summary`)).json()) as {
      laender: { code: string; platforms: number }[];
    };
    expect(summary.laender.find((l) => l.code === 'DE-BB')?.platforms).toBe(PLATFORMS);
    expect(
      await value('sum(dpi_kafka_consumer_records_total{service="reporting"})'),
    ).toBeGreaterThanOrEqual(PLATFORMS);
  });

  it('names in the alert rules and the Grafana dashboard only metrics the services export', async () => {
    const exported = await prometheus.metricNames();
    const alerts = readFileSync(join(MONITORING, 'alerts.yml'), 'utf8');
    const dashboard = JSON.parse(readFileSync(join(MONITORING, 'grafana-dashboard.json'), 'utf8'));
    const expressions: string[] = dashboard.panels.flatMap((p: { targets: { expr: string }[] }) =>
      p.targets.map((t) => t.expr),
    );
    const named = metricNamesIn(`${alerts}\n${expressions.join('\n')}`);
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((name) => !exported.has(name))).toEqual([]);
    // Negative control: a misspelt name would be reported.
    expect(exported.has('dpi_kafka_consumer_lags')).toBe(false);
    // Every panel's query is valid PromQL for this Prometheus (Grafana's interval variable set).
    for (const expr of expressions) {
      await expect(prometheus.query(expr.replaceAll('$__rate_interval', '1m'))).resolves.toEqual(
        expect.any(Array),
      );
    }
  });
});
