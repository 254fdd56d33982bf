// Time to interactive of the dashboard's overview in headless Chromium (Debian's /usr/bin/chromium
// through playwright-core), cold loads in fresh contexts at 1440×900. "Data shown": status
// connected, the Länder table's 16 rows and the map's entries set; "interactive": the end of the
// last long task (> 50 ms, PerformanceObserver) up to 3 s after that, or the moment the data was
// shown when none came later. Also returns the page's API and asset requests of the last load
// (path, ms to request start and response end, bytes over the wire and decoded), to see where the
// time goes.
import { createRequire } from 'node:module';
import { CHROMIUM } from '../../reporting/bench/dashboard-render.mjs';

const require = createRequire(import.meta.url);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureInteractive(url, { loads = 5, timeoutMs = 60_000 } = {}) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const runs = [];
  let requests = [];
  try {
    // The first load warms the server and the browser up and is not counted.
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            window.__longTasks.push(entry.startTime + entry.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(url);
      await page.waitForFunction(
        () =>
          document.getElementById('status')?.dataset.kind === 'ok' &&
          document.querySelectorAll('#laender tr[data-code]').length === 16 &&
          document.getElementById('map')?.dataset.items,
        null,
        { timeout: timeoutMs, polling: 'raf' },
      );
      const rendered = await page.evaluate(() => performance.now());
      await sleep(3000);
      const ends = await page.evaluate(() => window.__longTasks);
      const lastEnd = Math.max(0, ...ends.filter((end) => end <= rendered + 3000));
      if (i > 0)
        runs.push({
          renderedMs: Math.round(rendered),
          interactiveMs: Math.round(Math.max(rendered, lastEnd)),
        });
      requests = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((r) => /^\/(api\/v1|assets)\//.test(new URL(r.name).pathname))
          .map((r) => ({
            path: new URL(r.name).pathname + new URL(r.name).search,
            startMs: Math.round(r.startTime),
            endMs: Math.round(r.responseEnd),
            durationMs: Math.round(r.duration),
            transferBytes: r.transferSize,
            decodedBytes: r.decodedBodySize,
          })),
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { runs, requests };
}
