// `node services/dashboard/bench/render-size.mjs [--platforms 50000] [--loads 5]`: the dashboard's
// first render and time to interactive of `/` (issue 21: goal ≤ 2 s in headless Chromium) with the
// demo inventory and then, in the same run and stack, with `--platforms` more platforms imported
// through the registry (POST /api/v1/imports, 2,000 a batch: 10,000 took longer than fetch's 300 s
// header timeout on the loaded machine; spread over the 16 Länder, types and
// statuses). Also prints the overview's API requests of the last load (time and bytes), to see
// where the time goes. A script, not a test: it prints figures, it asserts nothing.
//
// `--compare dist-a,dist-b`: before/after in the same run. Each directory is a copy of a dashboard
// build (its server/ and web/, e.g. `cp -r services/dashboard/dist/{server,web}
// services/dashboard/dist/before/`; inside the work tree, so the server finds node_modules); each
// is started as its own server against the same stack, and their loads alternate (`--rounds`
// rounds of `--loads` loads each), so the machine's load falls on all of them alike.
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { measureFirstRender } from '../../reporting/bench/dashboard-render.mjs';
import { measureInteractive } from './interactive.mjs';
import { ADMIN_TOKEN, startStack } from './stack.mjs';

const { values } = parseArgs({
  options: {
    platforms: { type: 'string', default: '50000' },
    loads: { type: 'string', default: '5' },
    compare: { type: 'string' },
    rounds: { type: 'string', default: '2' },
  },
});
const compared = values.compare ? values.compare.split(',').map((dir) => resolve(dir)) : [];
const rounds = compared.length ? Number(values.rounds) : 1;
const extra = Number(values.platforms);
const loads = Number(values.loads);
const LAENDER = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
];
const TYPES = ['openDataPortal', 'geoportal', 'urbanDataPlatform', 'iotSensorPlatform'];
const BATCH = 2000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(urls, label) {
  const results = urls.map(() => ({ renders: [], tti: [], rendered: [], requests: [] }));
  for (let round = 0; round < rounds; round++)
    for (const [i, url] of urls.entries()) {
      const render = await measureFirstRender(url, { loads, timeoutMs: 60_000 });
      const interactive = await measureInteractive(url, { loads });
      results[i].renders.push(...render.runs.map((r) => r.renderedMs));
      results[i].tti.push(...interactive.runs.map((r) => r.interactiveMs));
      results[i].rendered.push(...interactive.runs.map((r) => r.renderedMs));
      results[i].requests = interactive.requests;
    }
  console.log(
    `\n--- ${label} (load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}) ---`,
  );
  for (const [i, result] of results.entries()) {
    if (urls.length > 1) console.log(`\n[${compared[i]}]`);
    report(result);
  }
  if (urls.length > 1)
    for (const result of results.slice(1))
      console.log(
        `${basename(compared[results.indexOf(result)])} / ${basename(compared[0])}: first render median x${(median(result.renders) / median(results[0].renders)).toFixed(2)}, interactive median x${(median(result.tti) / median(results[0].tti)).toFixed(2)}`,
      );
}

function report({ renders, tti, rendered, requests }) {
  console.log(
    `first render (1280×900, ${renders.length} cold loads): ${renders.map(Math.round).join(', ')} ms; median ${Math.round(median(renders))}, worst ${Math.round(Math.max(...renders))}`,
  );
  console.log(
    `1440×900: data shown ${rendered.join(', ')} ms; interactive ${tti.join(', ')} ms (median ${median(tti)}, worst ${Math.max(...tti)})`,
  );
  console.log(
    'Requests of the last load (ms from navigation to request start and to response end, duration, bytes on the wire / decoded):',
  );
  for (const r of requests)
    console.log(
      `  ${r.path}  start ${r.startMs} ms, end ${r.endMs} ms, ${r.durationMs} ms, ${r.transferBytes} / ${r.decodedBytes} B`,
    );
}

const stack = await startStack();
const testing = createRequire(import.meta.url)('@dpi/testing');
const servers = [];
try {
  for (const dir of compared) {
    const server = new testing.ServiceProcess(
      `dashboard-${basename(dir)}`,
      {
        REPORTING_URL: stack.reporting.url,
        REGISTRY_URL: stack.registry.url,
        WEB_ROOT: join(dir, 'web'),
        LOG_LEVEL: 'warn',
      },
      await testing.freePort(),
      join(dir, 'server/main.js'),
    );
    servers.push(server);
    await server.start({ timeoutMs: 60_000 });
  }
} catch (error) {
  await Promise.all(servers.map((s) => s.stop()));
  await stack.stop();
  throw error;
}
const url = servers.length ? servers.map((s) => `${s.url}/`) : [`${stack.dashboard.url}/`];
try {
  const summary = async () => (await fetch(`${stack.reporting.url}/api/v1/summary`)).json();
  // startStack returns once reporting shows a first platform; the demo's are measured once all
  // are projected (the count holds for 2 s).
  let demo = await summary();
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = await summary();
    if (now.platforms === demo.platforms) break;
    demo = now;
  }
  await measure(url, `demo inventory (${demo.platforms} platforms)`);

  const started = Date.now();
  for (let from = 0; from < extra; from += BATCH) {
    const items = [];
    for (let n = from; n < Math.min(extra, from + BATCH); n++)
      items.push({
        kind: 'platform',
        id: randomUUID(),
        data: {
          name: `Lastplattform ${n}`,
          landCode: `DE-${LAENDER[n % 16]}`,
          type: TYPES[n % TYPES.length],
          status: n % 7 === 0 ? 'pilot' : 'production',
        },
      });
    const response = await fetch(`${stack.registry.url}/api/v1/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(items),
    });
    if (response.status !== 200)
      throw new Error(`import: ${response.status} ${await response.text()}`);
    await response.body?.cancel();
  }
  const imported = (Date.now() - started) / 1000;
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const now = await summary();
    if (now.platforms >= demo.platforms + extra) break;
    if (Date.now() > deadline)
      throw new Error(`reporting shows ${now.platforms} platforms after 15 min`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log(
    `\nimported ${extra} platforms in ${imported.toFixed(0)} s; reporting showed them after ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  // The findings follow the read model (debounced): wait until their count settles.
  let last = -1;
  for (;;) {
    const total = (await (await fetch(`${stack.reporting.url}/api/v1/findings?limit=1`)).json())
      .total;
    if (total === last) break;
    last = total;
    await new Promise((r) => setTimeout(r, 5000));
  }
  await measure(url, `${demo.platforms + extra} platforms (demo + ${extra}), ${last} findings`);
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await stack.stop();
}
