/**
 * The entry UI's stack: registry, reporting and the dashboard server with both upstreams
 * (REPORTING_URL and REGISTRY_URL: the entry UI reaches the registry through /registry-api), from
 * their builds in a namespace of their own, plus Land tokens and a survey round.
 */
import {
  createTestNamespace,
  freePort,
  issueToken,
  migrateService,
  ServiceProcess,
  WORKSPACE_ROOT,
} from '@dpi/testing';
import { join } from 'node:path';

export const ADMIN_TOKEN = 'e2e-erfassung-admin-token-0123456789';

export interface ErfassungStack {
  registry: ServiceProcess;
  reporting: ServiceProcess;
  dashboard: ServiceProcess;
  /** Calls the registry directly (the test's "other person"), as admin unless a token is given. */
  api(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  token(name: string, landCode: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startErfassungStack(): Promise<ErfassungStack> {
  const ns = await createTestNamespace('erf');
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
    { REPORTING_URL: reporting.url, REGISTRY_URL: registry.url, LOG_LEVEL: 'warn' },
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
    await stop();
    throw error;
  }
  return {
    registry,
    reporting,
    dashboard,
    api: (method, path, body, headers = {}) =>
      fetch(`${registry.url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    token: (name, landCode) =>
      issueToken(registry.url, ADMIN_TOKEN, { name, role: 'land-editor', landCode }),
    async stop() {
      await stop();
    },
  };
}
