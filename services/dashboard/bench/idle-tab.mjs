// `node services/dashboard/bench/idle-tab.mjs [--seconds 60] [--rate 50] [--loads 5]`: the
// dashboard's figures of issue 21, with the demo inventory (bench/stack.mjs: registry, reporting
// and the dashboard server from their builds, in a throw-away namespace):
//
//   1. first render and time to interactive in headless Chromium (Debian's /usr/bin/chromium through
//      playwright-core; cold loads, each in a fresh context). "Rendered" is reporting's bench
//      definition (dashboard-render.mjs: data shown, status connected, map painted); "interactive" is
//      the end of the last long task (> 50 ms, PerformanceObserver) up to 3 s after that, or the
//      render itself when none came later.
//   2. API calls of an idle tab: the page stays open untouched while platforms are registered
//      through the registry at `--rate` per second for `--seconds`; every request the page makes to
//      /api/v1 (the event stream itself not counted) is counted. Goal: ≤ 30 per minute.
//
// A script, not a test: it prints the figures; nothing here asserts a time.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { measureFirstRender, CHROMIUM } from '../../reporting/bench/dashboard-render.mjs';
import { measureInteractive } from './interactive.mjs';
import { ADMIN_TOKEN, startStack } from './stack.mjs';

const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '50' },
    loads: { type: 'string', default: '5' },
  },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found (deploy/local/browser.mjs)`);
const stack = await startStack();
const url = `${stack.dashboard.url}/`;
try {
  // --- 1. first render and time to interactive -------------------------------------------------
  const render = await measureFirstRender(url, { loads: Number(values.loads) });
  const { runs: tti } = await measureInteractive(url, { loads: Number(values.loads) });
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });

  // --- 2. an idle tab under a write stream -------------------------------------------------------
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => document.getElementById('status')?.textContent?.startsWith('Live'),
    null,
    {
      timeout: 30_000,
    },
  );
  await sleep(2000);
  const calls = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/v1/') && path !== '/api/v1/events')
      calls.push({ at: Date.now(), path });
  });
  const started = Date.now();
  let sent = 0;
  let failed = 0;
  const inFlight = new Set();
  while (Date.now() - started < seconds * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    while (sent < due) {
      const n = sent++;
      const p = fetch(`${stack.registry.url}/api/v1/platforms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({
          name: `Lastplattform ${n}`,
          landCode: ['DE-HB', 'DE-HH', 'DE-BE', 'DE-SN'][n % 4],
          type: 'urbanDataPlatform',
          status: 'production',
        }),
      })
        .then((r) => {
          if (r.status !== 201) failed++;
          return r.body?.cancel();
        })
        .catch(() => failed++)
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await sleep(20);
  }
  await Promise.all(inFlight);
  const elapsed = (Date.now() - started) / 1000;
  const perPath = {};
  for (const { path } of calls) perPath[path] = (perPath[path] ?? 0) + 1;
  await browser.close();

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const renders = render.runs?.map((r) => r.renderedMs) ?? [];
  console.log('\n--- dashboard figures (demo inventory) ---');
  console.log(`Chromium ${render.version ?? ''}`);
  console.log(
    `first render (reporting's definition, 1280×900, ${renders.length} cold loads): median ${Math.round(median(renders))} ms, worst ${Math.round(Math.max(...renders))} ms`,
  );
  console.log(
    `1440×900: data shown median ${median(tti.map((t) => t.renderedMs))} ms, interactive median ${median(tti.map((t) => t.interactiveMs))} ms, worst ${Math.max(...tti.map((t) => t.interactiveMs))} ms`,
  );
  console.log(
    `idle tab: ${calls.length} API calls in ${elapsed.toFixed(0)} s (${((calls.length / elapsed) * 60).toFixed(1)} per minute; goal ≤ 30) while ${sent} platforms were registered (${(sent / elapsed).toFixed(1)}/s, ${failed} failed)`,
  );
  console.log(`  per path: ${JSON.stringify(perPath)}`);
} finally {
  await stack.stop();
}
