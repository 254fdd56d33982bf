import {
  createTestNamespace,
  ensureSchemathesis,
  eventually,
  expectCleanRun,
  freePort,
  fuzzMaxExamples,
  openApiOperations,
  runSchemathesis,
  ServiceProcess,
  WORKSPACE_ROOT,
  migrateService,
} from '@dpi/testing';
import { join } from 'node:path';

const ADMIN_TOKEN = 'openapi-fuzz-harvester-admin-0123456789';
/** Fixed, so a failure reproduces with the same command (printed in the log). */
const SEED = 20261207;
/**
 * Test cases per operation and phase: about 1,900 requests for the harvester's 11 operations
 * (`npm run fuzz` sets FUZZ_MAX_EXAMPLES for a deep run).
 */
const MAX_EXAMPLES = fuzzMaxExamples(100);
const MIN_REQUESTS = 10 * Math.min(MAX_EXAMPLES, 100);
const RUN_TIMEOUT_MS = Math.max(6, MAX_EXAMPLES / 10) * 60_000;

/**
 * The harvester's OpenAPI document, checked by schemathesis against the REAL harvester process on
 * the real PostgreSQL and Kafka, in a throwaway namespace: generated valid and invalid requests,
 * boundary values and stateful sequences (create → read → change → run → cancel → delete) must
 * never cause a 5xx or a response outside the document. The by-design exceptions, each narrowed to
 * its operations, are in schemathesis.toml.
 *
 * Every operation is tested, the destructive ones included (deleting a source withdraws its records,
 * a run harvests): nothing here is shared, and nothing a run could harvest is reachable. Sources
 * point at a closed loopback port, and the process can open TCP connections to loopback addresses
 * only (libs/testing's loopback-only preload): a generated source naming a public catalogue fails
 * its run with "connection refused" instead of harvesting it.
 */
describe('harvester OpenAPI document vs. the running harvester (schemathesis)', () => {
  let harvester: ServiceProcess;
  let closedUrl: string;

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${harvester.url}/api/v1${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    });

  // Builds the Python venv if it is missing (minutes; npm test builds it before jest starts).
  beforeAll(ensureSchemathesis, 11 * 60_000);

  beforeAll(async () => {
    const ns = await createTestNamespace('fuzz-harvester');
    const env = ns.env('harvester', {
      DPI_ADMIN_TOKEN: ADMIN_TOKEN,
      // Scheduling is no operation of the API; generated schedules must not fire during the run.
      HARVEST_SCHEDULER_ENABLED: 'false',
      NODE_OPTIONS: `--require ${join(WORKSPACE_ROOT, 'libs/testing/src/loopback-only.js')}`,
    });
    migrateService('harvester', env);
    harvester = new ServiceProcess('harvester', env, await freePort());
    await harvester.start();
    // A port that was free a moment ago and that nothing listens on: connections are refused.
    closedUrl = `http://127.0.0.1:${await freePort()}/csw`;
    // The migrations seed the Länder's real catalogues: point them at the closed port too.
    const { items } = (await (await api('/sources')).json()) as {
      items: { id: string; version: number }[];
    };
    expect(items.length).toBeGreaterThan(0);
    for (const source of items) {
      const response = await api(`/sources/${source.id}`, {
        method: 'PATCH',
        headers: { 'if-match': `"${source.version}"` },
        body: JSON.stringify({ url: closedUrl }),
      });
      expect(response.status).toBe(200);
    }
  });

  afterAll(async () => {
    await harvester?.stop();
  });

  it('cannot harvest anything but this machine: a run of a public catalogue fails, refused', async () => {
    const created = await api('/sources', {
      method: 'POST',
      body: JSON.stringify({
        name: 'Fuzz: ein öffentlicher Katalog',
        url: 'https://gdk.gdi-de.org/gdi-de/srv/ger/csw',
        retry: { maxAttempts: 1 },
        enabled: false,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const run = await api(`/sources/${id}/run`, { method: 'POST', body: '{}' });
    expect(run.status).toBe(202);
    const job = (await run.json()) as { id: string };
    const finished = await eventually(
      async () => {
        const state = (await (await api(`/jobs/${job.id}`)).json()) as {
          state: string;
          message: string;
        };
        expect(state.state).toBe('failed');
        return state;
      },
      { timeoutMs: 60_000 },
    );
    expect(finished.message).toMatch(/ECONNREFUSED|refused/i);
  });

  it(
    `sends ≥ ${MIN_REQUESTS} requests to every operation: no 5xx, no response outside the document`,
    async () => {
      const schemaUrl = `${harvester.url}/api/docs-json`;
      const operations = await openApiOperations(schemaUrl);
      const outcome = await runSchemathesis({
        schemaUrl,
        config: join(WORKSPACE_ROOT, 'services/harvester/schemathesis.toml'),
        seed: SEED,
        maxExamples: MAX_EXAMPLES,
        timeoutMs: RUN_TIMEOUT_MS,
        env: { DPI_ADMIN_TOKEN: ADMIN_TOKEN, DPI_FUZZ_SOURCE_URL: closedUrl },
      });
      expect(operations).toHaveLength(11);
      expectCleanRun(outcome, { operations, excluded: [], minRequests: MIN_REQUESTS });
    },
    RUN_TIMEOUT_MS + 60_000,
  );
});
