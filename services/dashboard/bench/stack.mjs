// A throw-away stack for the dashboard's benchmarks and for looking at the page: registry and
// reporting from their builds in a namespace of their own (schemas and topics of one run id,
// dropped by stop()), the demo inventory (deploy/local/demo/inventory.json) imported through the
// registry, and the dashboard server from services/dashboard/dist. Needs PostgreSQL and Kafka
// (deploy/local/infra.sh up) and the builds (npx nx run-many -t build).
//
//   node services/dashboard/bench/stack.mjs     starts it, prints the dashboard's URL, Ctrl-C stops
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const ADMIN_TOKEN = `bench-admin-${randomBytes(12).toString('hex')}`;

export async function startStack({ log = console.log } = {}) {
  process.env.DPI_TEST_RUN_ID ??= `b${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const testing = require('@dpi/testing');
  const run = process.env.DPI_TEST_RUN_ID;
  const ns = await testing.createTestNamespace('dash');
  const env = (service, extra) => ({ ...ns.env(service, extra), LOG_LEVEL: 'warn' });
  for (const service of ['registry', 'reporting']) testing.migrateService(service, env(service));
  const registry = new testing.ServiceProcess(
    'registry',
    env('registry', { DPI_ADMIN_TOKEN: ADMIN_TOKEN, OUTBOX_POLL_INTERVAL_MS: '200' }),
    await testing.freePort(),
  );
  const reporting = new testing.ServiceProcess(
    'reporting',
    env('reporting', { FINDINGS_DEBOUNCE_MS: '500', REGISTRY_URL: registry.url }),
    await testing.freePort(),
  );
  const dashboard = new testing.ServiceProcess(
    'dashboard',
    // The entry UI (/erfassung) reaches the registry through the dashboard server.
    { REPORTING_URL: reporting.url, REGISTRY_URL: registry.url, LOG_LEVEL: 'warn' },
    Number(process.env.DASHBOARD_PORT) || (await testing.freePort()),
    join(ROOT, 'services/dashboard/dist/server/main.js'),
  );
  try {
    // A loaded machine (2 shared cores) may take a while: a deadline, not an expectation.
    await Promise.all([
      registry.start({ timeoutMs: 120_000 }),
      reporting.start({ timeoutMs: 120_000 }),
    ]);
    await dashboard.start({ timeoutMs: 60_000 });
  } catch (error) {
    // What did start stops, and the namespace goes: nothing is left behind.
    await Promise.all([dashboard, reporting, registry].map((s) => s.stop()));
    await testing.dropTestRun(run);
    throw error;
  }
  const items = JSON.parse(readFileSync(join(ROOT, 'deploy/local/demo/inventory.json'), 'utf8'));
  const response = await fetch(`${registry.url}/api/v1/imports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(items),
  });
  if (response.status !== 200)
    throw new Error(`demo import: ${response.status} ${await response.text()}`);
  log(`demo inventory: ${items.length} records imported`);
  // Until reporting shows them (the read models follow Kafka).
  const deadline = Date.now() + 60_000;
  for (;;) {
    const summary = await (await fetch(`${reporting.url}/api/v1/summary`)).json();
    if (summary.platforms > 0) break;
    if (Date.now() > deadline)
      throw new Error('reporting did not show the demo inventory within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    registry,
    reporting,
    dashboard,
    async stop() {
      await Promise.all([dashboard, reporting, registry].map((s) => s.stop()));
      await testing.dropTestRun(run);
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const stack = await startStack();
  console.log(
    `dashboard: ${stack.dashboard.url}  registry: ${stack.registry.url}  reporting: ${stack.reporting.url}`,
  );
  console.log(`admin token: ${ADMIN_TOKEN}`);
  const stop = () => stack.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
