// `npm start`: installs what is missing, starts PostgreSQL + Kafka, builds, migrates, creates the
// topics, starts the four services and the demo CSW, loads demo data once, registers and harvests
// the demo CSW source, prints the URLs. Ctrl-C stops the services.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDependencies,
  infraEnv,
  infraUp,
  log,
  nx,
  ROOT,
  run,
  SERVICE_RUNTIME_ENV,
} from './lib.mjs';

const SERVICES = [
  { name: 'registry', port: 3001, entry: 'services/registry/dist/main.js' },
  // Asks the registry who a token is (registry-issued admin and operator tokens manage harvests).
  {
    name: 'harvester',
    port: 3002,
    entry: 'services/harvester/dist/main.js',
    env: { REGISTRY_URL: 'http://127.0.0.1:3001' },
  },
  { name: 'reporting', port: 3003, entry: 'services/reporting/dist/main.js' },
  // The entry UI (/erfassung) writes through the registry, proxied by the dashboard server.
  {
    name: 'dashboard',
    port: 8080,
    entry: 'services/dashboard/dist/server/main.js',
    env: { REPORTING_URL: 'http://127.0.0.1:3003', REGISTRY_URL: 'http://127.0.0.1:3001' },
  },
];

/** The local demo CSW (the real records of ../shared/fixtures/csw), harvested by the demo source. */
const DEMO_CSW = {
  name: 'demo-csw',
  port: 3092,
  entry: 'services/harvester/dist/cli/demo-catalogue.js',
};
const DEMO_SOURCE = {
  name: 'Demo-CSW (Fixture-Datensätze)',
  url: `http://127.0.0.1:${DEMO_CSW.port}/csw`,
  pageSize: 5,
  incrementalSchedule: '*/15 * * * *',
};

const children = new Map();
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log('stopping services');
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(
    [...children.values()].map(
      (c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))),
    ),
  ).then(() => process.exit(code));
}

async function waitReady(service, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${service.port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (children.get(service.name)?.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.name} did not become ready; see .infra/logs/${service.name}.log`);
}

/**
 * Demo records (deploy/local/demo/inventory.json, built from the public facts of
 * ../shared/reference/platforms.json by deploy/local/demo/build-demo.mjs and committed: nothing
 * here reads ../shared), sent through the bulk import. Every item has a fixed id, so a second
 * start changes nothing.
 */
async function seedDemoData(token) {
  const items = JSON.parse(readFileSync(join(ROOT, 'deploy/local/demo/inventory.json'), 'utf8'));
  const response = await fetch('http://127.0.0.1:3001/api/v1/imports', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(items),
  });
  if (response.status !== 200)
    throw new Error(`demo import: ${response.status} ${await response.text()}`);
  const report = await response.json();
  const failed = report.items.filter(
    (i) => !['created', 'updated', 'unchanged'].includes(i.status),
  );
  if (failed.length > 0) throw new Error(`demo import: ${JSON.stringify(failed.slice(0, 3))}`);
  const { created, updated, unchanged } = report.summary;
  log(`demo data: ${created} created, ${updated} updated, ${unchanged} unchanged`);
}

/** Fresh demo tokens on every start (tokens are shown only when issued): two Land editors, one reviewer. */
async function issueDemoTokens(adminToken) {
  const base = 'http://127.0.0.1:3001/api/v1/admin/tokens';
  const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
  const demo = [
    { name: 'demo-editor-hamburg', role: 'land-editor', landCode: 'DE-HH' },
    { name: 'demo-editor-brandenburg', role: 'land-editor', landCode: 'DE-BB' },
    { name: 'demo-reviewer-ag', role: 'reviewer' },
    { name: 'demo-operator', role: 'operator' },
  ];
  const issued = [];
  for (const token of demo) {
    await fetch(`${base}/${token.name}`, { method: 'DELETE', headers }); // 404/409 when new or revoked: fine
    const existing = (await (await fetch(base, { headers })).json()).find(
      (c) => c.name === token.name,
    );
    const name = existing ? `${token.name}-${Date.now().toString(36)}` : token.name;
    const response = await fetch(base, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...token, name }),
    });
    if (response.status !== 201)
      throw new Error(`demo token ${name}: ${response.status} ${await response.text()}`);
    issued.push(await response.json());
  }
  return issued;
}

/** Waits until the demo CSW answers a GetRecords hits request. */
async function waitForDemoCsw(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  const url = `${DEMO_SOURCE.url}?service=CSW&version=2.0.2&request=GetRecords&resultType=hits`;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (children.get(DEMO_CSW.name)?.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the demo CSW did not start; see .infra/logs/${DEMO_CSW.name}.log`);
}

/**
 * Registers the demo CSW as a harvest source (or finds it by name from an earlier start) and
 * runs it once, so that the demo shows harvested datasets; its schedule keeps it harvested.
 */
async function harvestDemoSource(token) {
  await waitForDemoCsw();
  const base = 'http://127.0.0.1:3002/api/v1/sources';
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(base, {
    method: 'POST',
    headers,
    body: JSON.stringify(DEMO_SOURCE),
  });
  let source;
  if (created.status === 201) source = await created.json();
  else if (created.status === 409) {
    const { items } = await (await fetch(base)).json();
    source = items.find((s) => s.name === DEMO_SOURCE.name);
  }
  if (!source) throw new Error(`demo source: ${created.status} ${await created.text()}`);
  const run = await fetch(`${base}/${source.id}/run`, { method: 'POST', headers, body: '{}' });
  // 409: a job of the source is still active (e.g. its schedule fired): that one harvests it.
  if (run.status !== 202 && run.status !== 409)
    throw new Error(`demo harvest: ${run.status} ${await run.text()}`);
  log(
    `demo source "${DEMO_SOURCE.name}" (${source.id}): ${run.status === 202 ? 'harvest started' : 'a harvest is already running'}`,
  );
}

async function main() {
  ensureDependencies();
  infraUp();
  const env = { ...process.env, ...infraEnv(), NODE_ENV: process.env.NODE_ENV ?? 'production' };
  env.DPI_ADMIN_TOKEN ||= `dpi-admin-${randomBytes(16).toString('hex')}`;
  log('build');
  nx(['run-many', '-t', 'build', '--exclude', 'stack-e2e', '--outputStyle=static']);
  log('topics and migrations');
  run(process.execPath, ['libs/kafka/dist/cli/ensure-topics.js'], { env });
  for (const name of ['registry', 'harvester', 'reporting'])
    run(process.execPath, [`services/${name}/dist/migrate.js`], { env });

  const logDir = join(ROOT, '.infra/logs');
  mkdirSync(logDir, { recursive: true });
  const start = (service, extraEnv) => {
    // The service writes its log straight into the file: piped through this process, it would
    // block on its synchronous stdout whenever this process is slow to read.
    const out = openSync(join(logDir, `${service.name}.log`), 'a');
    const child = spawn(process.execPath, [service.entry], {
      cwd: ROOT,
      env: { ...env, ...SERVICE_RUNTIME_ENV[service.name], ...extraEnv },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    child.once('exit', (code, signal) => {
      if (!stopping) {
        console.error(
          `${service.name} stopped unexpectedly (${signal ?? `exit ${code}`}); see .infra/logs/${service.name}.log`,
        );
        stopAll(1);
      }
    });
    children.set(service.name, child);
  };
  for (const service of SERVICES) start(service, { PORT: String(service.port), ...service.env });
  start(DEMO_CSW, { DEMO_CSW_PORT: String(DEMO_CSW.port) });
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  await Promise.all(SERVICES.map((s) => waitReady(s)));
  await seedDemoData(env.DPI_ADMIN_TOKEN);
  const demoTokens = await issueDemoTokens(env.DPI_ADMIN_TOKEN);
  await harvestDemoSource(env.DPI_ADMIN_TOKEN);

  console.log(`
Datenplattform-Inventar is running:
  Dashboard          http://127.0.0.1:8080/
  Registry API       http://127.0.0.1:3001/api/v1/platforms   (OpenAPI: http://127.0.0.1:3001/api/docs)
  Harvester          http://127.0.0.1:3002/api/v1/sources   (OpenAPI: http://127.0.0.1:3002/api/docs)
  Demo CSW           ${DEMO_SOURCE.url}   (harvested: http://127.0.0.1:3001/api/v1/datasets?source=harvested)
  Reporting API      http://127.0.0.1:3003/api/v1/summary   (OpenAPI: http://127.0.0.1:3003/api/docs)
  Admin token        ${env.DPI_ADMIN_TOKEN}
${demoTokens.map((t) => `  Demo token         ${t.token}   (${t.role}${t.landCode ? ` ${t.landCode}` : ''})`).join('\n')}
  Logs               .infra/logs/<service>.log
  PostgreSQL         ${env.DATABASE_URL}
  Kafka              ${env.KAFKA_BROKERS}
Press Ctrl-C to stop the services (npm run infra:down stops PostgreSQL and Kafka).`);
}

main().catch((error) => {
  console.error(`npm start failed: ${error.message}`);
  stopAll(1);
});
