import {
  createTestNamespace,
  freePort,
  migrateService,
  ServiceProcess,
  TestNamespace,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

/** The harvester's demo catalogue (the real fixture records as CSW pages), from its build. */
export interface DemoCatalogue {
  url: string;
  put(id: string, xml: string, dateStamp: string): void;
  start(port?: number): Promise<unknown>;
  stop(): Promise<void>;
  answer(request: { resultType: string; start: number }, res: ServerResponse): Promise<void>;
}
export const harvesterDemo = require(
  join(WORKSPACE_ROOT, 'services/harvester/dist/demo/fixture-catalogue.js'),
) as {
  FixtureCatalogue: new () => DemoCatalogue;
  fixtureRecords(dir: string): Map<string, { xml: string; dateStamp: string }>;
};

export interface DashboardStack {
  ns: TestNamespace;
  registry: ServiceProcess;
  reporting: ServiceProcess;
  dashboard: ServiceProcess;
  /** Registers a platform through the registry API (status production unless given). */
  register(body: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/** Registry, reporting and the dashboard server from their builds, in a namespace of their own. */
export async function startDashboardStack(): Promise<DashboardStack> {
  const ns = await createTestNamespace('dash');
  for (const service of ['registry', 'reporting']) migrateService(service, ns.env(service));
  const registry = new ServiceProcess(
    'registry',
    ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, OUTBOX_POLL_INTERVAL_MS: '200' }),
    await freePort(),
  );
  const reporting = new ServiceProcess(
    'reporting',
    ns.env('reporting', { FINDINGS_DEBOUNCE_MS: '100', REGISTRY_URL: registry.url }),
    await freePort(),
  );
  const dashboard = new ServiceProcess(
    'dashboard',
    { REPORTING_URL: reporting.url, LOG_LEVEL: 'warn' },
    await freePort(),
    join(WORKSPACE_ROOT, 'services/dashboard/dist/server/main.js'),
  );
  const stop = () => Promise.all([registry, reporting, dashboard].map((s) => s.stop()));
  try {
    // A loaded machine (2 shared cores) may take a while: a deadline, not an expectation.
    await Promise.all([
      registry.start({ timeoutMs: 120_000 }),
      reporting.start({ timeoutMs: 120_000 }),
    ]);
    await dashboard.start({ timeoutMs: 60_000 });
  } catch (error) {
    // afterAll never sees a stack that did not start: what did start stops here.
    await stop();
    throw error;
  }
  return {
    ns,
    registry,
    reporting,
    dashboard,
    async register(body) {
      const response = await fetch(`${registry.url}/api/v1/platforms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ status: 'production', ...body }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    },
    async stop() {
      await stop();
    },
  };
}
