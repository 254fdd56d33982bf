/**
 * The dashboard behind the real stack (registry → Kafka → reporting → dashboard server) and a
 * headless Chromium, for the smaller browser specs. Debian's Chromium; playwright never downloads.
 */
import {
  createTestNamespace,
  freePort,
  migrateService,
  ServiceProcess,
  TestNamespace,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const START = { timeoutMs: 120_000 };
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface DashboardStack {
  registry: ServiceProcess;
  reporting: ServiceProcess;
  dashboard: ServiceProcess;
  browser: Browser;
  /** Registers a platform through the registry API; returns its id. */
  registerPlatform(body: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

/** Registry, reporting and the dashboard server with both upstreams, from their builds. */
export interface StackServices {
  /** The schemas and topics of this stack (for a harvester started beside it). */
  ns: TestNamespace;
  registry: ServiceProcess;
  reporting: ServiceProcess;
  dashboard: ServiceProcess;
  stop(): Promise<void>;
}

/**
 * Starts registry, reporting and the dashboard server (REPORTING_URL, and REGISTRY_URL for the
 * entry UI's /registry-api) in a namespace of their own; nothing outlives a failed start.
 */
export async function startStackServices(
  prefix: string,
  adminToken: string,
): Promise<StackServices> {
  const ns = await createTestNamespace(prefix);
  for (const service of ['registry', 'reporting']) migrateService(service, ns.env(service));
  const registry = new ServiceProcess(
    'registry',
    ns.env('registry', { DPI_ADMIN_TOKEN: adminToken, OUTBOX_POLL_INTERVAL_MS: '200' }),
    await freePort(),
  );
  const reporting = new ServiceProcess(
    'reporting',
    ns.env('reporting', { FINDINGS_DEBOUNCE_MS: '100', REGISTRY_URL: registry.url }),
    await freePort(),
  );
  const dashboard = new ServiceProcess(
    'dashboard',
    { REPORTING_URL: reporting.url, REGISTRY_URL: registry.url, LOG_LEVEL: 'warn' },
    await freePort(),
    join(WORKSPACE_ROOT, 'services/dashboard/dist/server/main.js'),
  );
  const stop = async () => {
    await Promise.all([registry, reporting, dashboard].map((s) => s.stop()));
  };
  try {
    // A machine shared with other jobs can take well over 30 s to start a service.
    await Promise.all([registry.start(START), reporting.start(START)]);
    await dashboard.start(START);
  } catch (error) {
    // Nothing started may outlive the test (its schema is dropped at the end of the run).
    await stop();
    throw error;
  }
  return { ns, registry, reporting, dashboard, stop };
}

export async function startDashboardStack(prefix: string): Promise<DashboardStack> {
  const adminToken = `e2e-${prefix}-admin-token-0123456789abcdef`;
  const services = await startStackServices(prefix, adminToken);
  const { registry, reporting, dashboard } = services;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // Root in a container has no user namespaces for Chromium's sandbox.
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
  } catch (error) {
    await services.stop();
    throw error;
  }
  return {
    registry,
    reporting,
    dashboard,
    browser,
    async registerPlatform(body) {
      const response = await fetch(`${registry.url}/api/v1/platforms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ status: 'production', ...body }),
      });
      if (response.status !== 201)
        throw new Error(`registration failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    },
    async stop() {
      await browser.close();
      await services.stop();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core with the WCAG 2.1 A/AA rules (and target-size), serious and critical violations only. */
export async function seriousViolations(page: Page, include = 'body'): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(
      { include: [selector] },
      {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
        },
      },
    )) as { violations: AxeViolation[] };
    return result.violations;
  }, include);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
}
