import {
  createTestNamespace,
  eventually,
  freePort,
  migrateService,
  runHarvest,
  SHARED_DIR,
  ServiceProcess,
  TestNamespace,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { join } from 'node:path';

const ADMIN_TOKEN = 'tracing-e2e-admin-token-0123456789';

/** The harvester's demo CSW catalogue (built), serving ../shared/fixtures/csw. */
const harvesterDemo = require(
  join(WORKSPACE_ROOT, 'services/harvester/dist/demo/fixture-catalogue.js'),
) as {
  FixtureCatalogue: new () => {
    url: string;
    put(id: string, xml: string, dateStamp: string): void;
    start(port?: number): Promise<unknown>;
    stop(): Promise<void>;
  };
  fixtureRecords(dir: string): Map<string, { xml: string; dateStamp: string }>;
};

interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

/** SpanKind in OTLP: 2 server, 4 producer, 5 consumer. */
const SERVER = 2;
const PRODUCER = 4;
const CONSUMER = 5;

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean };
const valueOf = (v: AnyValue) => v.stringValue ?? v.intValue ?? v.boolValue;

/**
 * An OTLP/HTTP (JSON) trace receiver in the test process: what a collector would get from the
 * services. Collects every span with its service name.
 */
function otlpReceiver(spans: ReceivedSpan[]): Server {
  return createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const payload = JSON.parse(body) as {
        resourceSpans: {
          resource: { attributes: { key: string; value: AnyValue }[] };
          scopeSpans: {
            spans: {
              traceId: string;
              spanId: string;
              parentSpanId?: string;
              name: string;
              kind: number;
              attributes?: { key: string; value: AnyValue }[];
            }[];
          }[];
        }[];
      };
      for (const resource of payload.resourceSpans) {
        const service = String(
          valueOf(resource.resource.attributes.find((a) => a.key === 'service.name')?.value ?? {}),
        );
        for (const scope of resource.scopeSpans)
          for (const span of scope.spans)
            spans.push({
              service,
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ?? '',
              name: span.name,
              kind: span.kind,
              attributes: Object.fromEntries(
                (span.attributes ?? []).map((a) => [a.key, valueOf(a.value)]),
              ),
            });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
}

/**
 * Issue 19: one registration is one trace, from the registry's HTTP request through the outbox and
 * Kafka to reporting's projection, exported by OTLP to a collector (here: a receiver in the test).
 */
describe('tracing: one registration, one trace across registry, Kafka and reporting (issue 19)', () => {
  let ns: TestNamespace;
  let registry: ServiceProcess;
  let reporting: ServiceProcess;
  let receiver: Server;
  let tracingEndpoint = '';
  const spans: ReceivedSpan[] = [];

  const register = async (name: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${registry.url}/api/v1/platforms`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...headers,
      },
      body: JSON.stringify({ name, landCode: 'DE-TH', type: 'geoportal', status: 'production' }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };

  /** The registration's spans: its HTTP request, the outbox publish, reporting's processing. */
  const chainOf = (traceId: string) => {
    const inTrace = spans.filter((s) => s.traceId === traceId);
    const server = inTrace.find((s) => s.service === 'registry' && s.kind === SERVER);
    const publish = inTrace.find(
      (s) => s.service === 'registry' && s.kind === PRODUCER && s.name.endsWith('platform.v1'),
    );
    const process = inTrace.find(
      (s) => s.service === 'reporting' && s.kind === CONSUMER && s.name.endsWith('platform.v1'),
    );
    if (!server || !publish || !process) {
      throw new Error(
        `trace ${traceId} incomplete: ${inTrace.map((s) => `${s.service}:${s.name}`).join(', ')}`,
      );
    }
    return { server, publish, process };
  };

  beforeAll(async () => {
    receiver = otlpReceiver(spans);
    const port = await freePort();
    await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
    tracingEndpoint = `http://127.0.0.1:${port}/v1/traces`;
    const tracing = {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: tracingEndpoint,
      // Export within 100 ms rather than 5 s.
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    ns = await createTestNamespace('tracing');
    migrateService('registry', ns.env('registry'));
    migrateService('reporting', ns.env('reporting'));
    registry = new ServiceProcess(
      'registry',
      ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, ...tracing }),
      await freePort(),
    );
    await registry.start();
    reporting = new ServiceProcess(
      'reporting',
      ns.env('reporting', { REGISTRY_URL: registry.url, ...tracing }),
      await freePort(),
    );
    await reporting.start();
  });

  afterAll(async () => {
    await Promise.all([registry?.stop(), reporting?.stop()]);
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('links the POST, the outbox publish and the projection by parent ids in one trace', async () => {
    await register('Geoportal Thüringen');
    const { server, publish, process } = await eventually(
      () => {
        const request = spans.find(
          (s) =>
            s.service === 'registry' &&
            s.kind === SERVER &&
            Object.values(s.attributes).includes('/api/v1/platforms'),
        );
        if (!request) throw new Error('no server span of the POST yet');
        return chainOf(request.traceId);
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    // publish is a descendant of the request (directly, or through the handler's spans) …
    const ancestors = new Set<string>();
    for (let at = publish; at.parentSpanId;) {
      ancestors.add(at.parentSpanId);
      const parent = spans.find((s) => s.spanId === at.parentSpanId);
      if (!parent) break;
      at = parent;
    }
    expect(ancestors).toContain(server.spanId);
    // … and reporting's processing of that event is the child of its publish span.
    expect(process.parentSpanId).toBe(publish.spanId);
  });

  it("follows a harvest: job span, page spans, and the registry applying each page's records", async () => {
    const catalogue = new harvesterDemo.FixtureCatalogue();
    for (const [id, record] of harvesterDemo.fixtureRecords(join(SHARED_DIR, 'fixtures/csw')))
      catalogue.put(id, record.xml, record.dateStamp);
    await catalogue.start(0);
    migrateService('harvester', ns.env('harvester'));
    const harvester = new ServiceProcess(
      'harvester',
      ns.env('harvester', {
        DPI_ADMIN_TOKEN: ADMIN_TOKEN,
        HARVEST_SCHEDULER_ENABLED: 'false',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: tracingEndpoint,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      }),
      await freePort(),
    );
    try {
      await harvester.start();
      await runHarvest(
        harvester.url,
        ADMIN_TOKEN,
        { name: 'Fixture-Katalog', url: catalogue.url, landCode: 'DE-TH', pageSize: 3 },
        { mode: 'full' },
      );
      const { job, pages, applied } = await eventually(
        () => {
          const job = spans.find((s) => s.service === 'harvester' && s.name === 'harvest full');
          if (!job) throw new Error('no job span yet');
          const pages = spans.filter(
            (s) =>
              s.service === 'harvester' &&
              s.name === 'harvest page' &&
              s.parentSpanId === job.spanId,
          );
          const publishes = spans.filter(
            (s) =>
              s.service === 'harvester' &&
              s.kind === PRODUCER &&
              s.name.endsWith('harvest.record.v1') &&
              s.traceId === job.traceId,
          );
          const applied = spans.filter(
            (s) =>
              s.service === 'registry' &&
              s.kind === CONSUMER &&
              publishes.some((p) => p.spanId === s.parentSpanId),
          );
          if (pages.length < 2 || applied.length === 0)
            throw new Error(`${pages.length} page spans, ${applied.length} applied records so far`);
          return { job, pages, applied };
        },
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      expect(pages.every((p) => p.traceId === job.traceId)).toBe(true);
      expect(applied.every((s) => s.traceId === job.traceId)).toBe(true);
    } finally {
      await harvester.stop();
      await catalogue.stop();
    }
  });

  it('continues a trace the caller started (W3C traceparent), and keeps others apart', async () => {
    const traceId = randomBytes(16).toString('hex');
    const parent = randomBytes(8).toString('hex');
    await register('Urbane Datenplattform Erfurt', {
      traceparent: `00-${traceId}-${parent}-01`,
    });
    const chain = await eventually(() => chainOf(traceId), { timeoutMs: 30_000, intervalMs: 100 });
    expect(chain.server.parentSpanId).toBe(parent);
    // Negative control: no span of this registration landed in another trace.
    const first = spans.find(
      (s) => s.service === 'registry' && s.kind === SERVER && s.traceId !== traceId,
    );
    if (!first) throw new Error('the first registration left no server span');
    expect(chainOf(first.traceId).process.spanId).not.toBe(chain.process.spanId);
  });
});
