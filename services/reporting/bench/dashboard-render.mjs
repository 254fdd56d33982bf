// Dashboard first render in headless Chromium (Debian's /usr/bin/chromium driven by playwright-core,
// never a downloaded browser). Each load gets a fresh browser context (empty cache, as a first
// visit). "Rendered" is the dashboard's own end state (it has no explicit "ready" marker): the
// OpenLayers map has drawn the Länder (a layer canvas with a painted pixel in the middle of the
// map: Germany fills it), the status reads connected, the "Stand" time carries the data's
// timestamp and the Länder table has its 16 rows — all set in the same render pass. The time is read inside the page
// (performance.now(), i.e. since the navigation started), checked on every animation frame.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const CHROMIUM = '/usr/bin/chromium';

/** The condition, evaluated in the page; stores the first moment it held in window.__benchRendered. */
function renderedInPage() {
  if (window.__benchRendered) return window.__benchRendered;
  // Data arrived and was rendered: the "Stand" time carries the data's timestamp, the status says
  // connected, the Länder table has its 16 rows (a few more with headers or totals).
  const stand = document.getElementById('stand');
  const status = document.getElementById('status');
  const rows = document.querySelectorAll('#laender tr').length;
  if (!stand?.getAttribute('datetime') || status?.dataset.kind !== 'ok' || rows < 16) return false;
  const map = document.getElementById('map');
  const canvases = map ? [...map.querySelectorAll('canvas')] : [];
  const painted = canvases.some((canvas) => {
    if (!canvas.width || !canvas.height) return false;
    try {
      const context = canvas.getContext('2d');
      const [, , , alpha] = context.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data;
      return alpha > 0;
    } catch {
      return false;
    }
  });
  if (!painted) return false;
  window.__benchRendered = performance.now();
  return window.__benchRendered;
}

/**
 * Loads `url` `loads` times (first one extra, as warm-up of the server and the browser, not
 * counted); returns per-load times or { skipped: reason } when Chromium is missing.
 */
export async function measureFirstRender(url, { loads = 5, timeoutMs = 20_000 } = {}) {
  if (!existsSync(CHROMIUM))
    return { skipped: `${CHROMIUM} not found (deploy/local/browser.mjs installs Debian chromium)` };
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const version = browser.version();
  const runs = [];
  try {
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        const started = Date.now();
        await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
        const handle = await page.waitForFunction(renderedInPage, null, {
          polling: 'raf',
          timeout: timeoutMs,
        });
        const renderedMs = await handle.jsonValue();
        const wallMs = Date.now() - started;
        const timing = await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0];
          return {
            domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null,
            loadMs: nav?.loadEventEnd ?? null,
            requests: performance.getEntriesByType('resource').length,
            // Where the time went: the slowest requests (path, ms from navigation to response end).
            slowest: performance
              .getEntriesByType('resource')
              .map((r) => ({ path: new URL(r.name).pathname, endMs: Math.round(r.responseEnd) }))
              .sort((a, b) => b.endMs - a.endMs)
              .slice(0, 3),
          };
        });
        if (i > 0) runs.push({ renderedMs, wallMs, ...timing, errors });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return { runs, version };
}
