import { WORKSPACE_ROOT } from '@dpi/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  type DashboardStack,
  seriousViolations,
  startDashboardStack,
} from './support/dashboard-stack';

const ARTIFACTS = join(WORKSPACE_ROOT, '.infra/test-artifacts/dashboard-map');
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Berlin and the Länder around it crowded with entries without a location, as the demo is. */
const PLATFORMS: Record<string, unknown>[] = [
  ...[1, 2, 3, 4].map((i) => ({
    name: `Berlin Plattform ${i}`,
    landCode: 'DE-BE',
    type: 'urbanDataPlatform',
  })),
  {
    name: 'Geoportal Berlin',
    landCode: 'DE-BE',
    type: 'geoportal',
    geometry: { type: 'Point', coordinates: [13.4, 52.52] },
  },
  ...[1, 2, 3, 4, 5, 6].map((i) => ({
    name: `Brandenburg Portal ${i}`,
    landCode: 'DE-BB',
    type: 'geoportal',
  })),
  ...[1, 2, 3].map((i) => ({
    name: `Hamburg ${i}`,
    landCode: 'DE-HH',
    type: 'urbanDataPlatform',
    geometry: { type: 'Point', coordinates: [9.99, 53.55] },
  })),
  ...[1, 2].map((i) => ({ name: `Bremen ${i}`, landCode: 'DE-HB', type: 'urbanDataPlatform' })),
  ...[1, 2].map((i) => ({ name: `Saarland ${i}`, landCode: 'DE-SL', type: 'geoportal' })),
  ...[1, 2, 3].map((i) => ({ name: `Niedersachsen ${i}`, landCode: 'DE-NI', type: 'geoportal' })),
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => ({
    name: `NRW ${i}`,
    landCode: 'DE-NW',
    type: 'geoportal',
  })),
  {
    name: 'Görlitz Plattform',
    landCode: 'DE-SN',
    type: 'urbanDataPlatform',
    geometry: { type: 'Point', coordinates: [14.98, 51.15] },
  },
  {
    name: 'Passau Plattform',
    landCode: 'DE-BY',
    type: 'urbanDataPlatform',
    geometry: { type: 'Point', coordinates: [13.45, 48.57] },
  },
];

/**
 * The map of the Länder in headless Chromium against the real stack: the city-states clickable, every
 * Land reachable by keyboard, tooltips inside the map, the legend with its method, axe on the map.
 */
describe('dashboard map in headless Chromium', () => {
  let stack: DashboardStack;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startDashboardStack('dmap');
    for (const platform of PLATFORMS) await stack.registerPlatform(platform);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe.each(VIEWPORTS)('$name ($width×$height)', (viewport) => {
    let page: Page;
    const shot = (name: string) =>
      page.locator('#map').screenshot({ path: join(ARTIFACTS, `${viewport.name}-${name}.png`) });

    beforeEach(async () => {
      page = await stack.browser.newPage({ viewport, locale: 'de-DE', deviceScaleFactor: 1 });
      page.on('pageerror', (error) => console.error('page error:', error));
      await page.goto(stack.dashboard.url);
      // Every registered entry is on the map, the 16 Länder have their keyboard stops.
      await page.waitForFunction(
        (n) => document.querySelector('#map')?.getAttribute('data-items') === String(n),
        PLATFORMS.length,
        { timeout: 30_000 },
      );
      await page.locator('.dpi-map-key[data-code]').nth(15).waitFor({ state: 'attached' });
      await page.locator('#map').scrollIntoViewIfNeeded();
    });

    afterEach(async () => {
      await page?.close();
    });

    it('selects Berlin by a click on it at the default zoom, and no group sits on it', async () => {
      await page.screenshot({
        path: join(ARTIFACTS, `${viewport.name}-page.png`),
        fullPage: false,
      });
      await shot('01-default');
      const berlin = await centreOf(page, '.dpi-map-key[data-code="DE-BE"]');
      // Negative control: a group sits right beside Berlin (Brandenburg's and Berlin's own), yet
      // none of them covers Berlin's centre.
      const groups = await page.locator('.dpi-map-key[data-kind="group"]').evaluateAll((buttons) =>
        buttons.map((b) => {
          const r = b.getBoundingClientRect();
          return {
            land: (b as HTMLElement).dataset['land'],
            x: r.x + r.width / 2,
            y: r.y + r.height / 2,
            r: r.width / 2 - 2,
          };
        }),
      );
      const near = groups.filter((g) => ['DE-BE', 'DE-BB'].includes(g.land ?? ''));
      expect(near.length).toBeGreaterThanOrEqual(2);
      for (const g of groups)
        expect(Math.hypot(g.x - berlin.x, g.y - berlin.y)).toBeGreaterThan(g.r);

      await page.mouse.click(berlin.x, berlin.y);
      await page.waitForURL(/[?&]land=DE-BE/);
      await page.mouse.move(5, 5);
      await shot('02-berlin-selected');
      // Hamburg and Bremen too.
      for (const code of ['DE-HH', 'DE-HB']) {
        const at = await centreOf(page, `.dpi-map-key[data-code="${code}"]`);
        await page.mouse.click(at.x, at.y);
        await page.waitForURL(new RegExp(`[?&]land=${code}`));
      }
    });

    it('reaches every Land and its groups by keyboard; Enter selects, Escape closes', async () => {
      await page.locator('#map').focus();
      await page.keyboard.press('Tab');
      // Back to the map itself (the Tab stop before the keys): its focus ring shows too, although
      // KERN removes the outline of [tabindex] elements.
      await page.keyboard.press('Shift+Tab');
      expect(
        await page.evaluate(() => ({
          id: document.activeElement?.id,
          outline: parseFloat(getComputedStyle(document.activeElement as Element).outlineWidth),
        })),
      ).toEqual({ id: 'map', outline: 3 });
      await page.keyboard.press('Tab');
      const seen: string[] = [];
      let groupStops = 0;
      for (let i = 0; i < 80; i++) {
        const stop = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el?.classList.contains('dpi-map-key') ? { ...el.dataset } : undefined;
        });
        expect(stop).toBeDefined();
        if (stop?.['kind'] === 'land') {
          if (seen.includes(stop['code'] ?? '')) break;
          seen.push(stop['code'] ?? '');
        } else groupStops++;
        await page.keyboard.press('ArrowRight');
      }
      expect(new Set(seen).size).toBe(16);
      expect(groupStops).toBeGreaterThan(0);
      // One Tab stop for the whole map: the next Tab leaves it.
      expect(await page.locator('.dpi-map-key[tabindex="0"]').count()).toBe(1);

      // To Berlin, Enter: selected (the Land filter in the URL); its focus ring is visible.
      await focusStop(page, 'land', 'DE-BE');
      const ring = await page.evaluate(
        () => getComputedStyle(document.activeElement as Element).outlineWidth,
      );
      expect(parseFloat(ring)).toBeGreaterThanOrEqual(2);
      await shot('03-keyboard-berlin');
      await page.keyboard.press('Enter');
      await page.waitForURL(/[?&]land=DE-BE/);
      await page.keyboard.press('Escape');
      await page.waitForURL((url) => !url.search.includes('land='));

      // A group of Brandenburg's entries (all at one place): Enter lists them, Escape closes.
      await focusStop(page, 'group', 'DE-BB');
      await page.keyboard.press('Enter');
      const panel = page.locator('.dpi-map-panel');
      await panel.waitFor({ state: 'visible' });
      expect(await panel.locator('li button').count()).toBe(6);
      expect(
        await page.evaluate(() => document.activeElement?.closest('.dpi-map-panel') !== null),
      ).toBe(true);
      await shot('04-group-list');
      expect(await seriousViolations(page, '#map')).toEqual([]);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      expect(
        await page.evaluate(() => (document.activeElement as HTMLElement).dataset['land']),
      ).toBe('DE-BB');
    });

    it('keeps the tooltip inside the map, also at its edges', async () => {
      const box = await page.locator('#map').boundingBox();
      if (!box) throw new Error('no map');
      let shown = 0;
      let flipped = 0;
      for (let fx = 0.02; fx < 1; fx += 0.06)
        for (let fy = 0.04; fy < 1; fy += 0.12) {
          await page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
          const tip = await page.evaluate(() => {
            const t = document.querySelector<HTMLElement>('.dpi-map-tooltip');
            return t && !t.hidden ? t.getBoundingClientRect().toJSON() : undefined;
          });
          if (!tip) continue;
          shown++;
          expect(tip.left).toBeGreaterThanOrEqual(box.x - 0.5);
          expect(tip.top).toBeGreaterThanOrEqual(box.y - 0.5);
          expect(tip.right).toBeLessThanOrEqual(box.x + box.width + 0.5);
          expect(tip.bottom).toBeLessThanOrEqual(box.y + box.height + 0.5);
          // Where a tooltip right of the pointer would have run out of the map.
          if (box.x + fx * box.width + 14 + tip.width > box.x + box.width) flipped++;
        }
      expect(shown).toBeGreaterThan(20);
      expect(flipped).toBeGreaterThan(0);
      // One at the right edge, for the eye.
      const sachsen = await centreOf(page, '.dpi-map-key[data-code="DE-SN"]');
      await page.mouse.move(sachsen.x + 20, sachsen.y);
      await shot('05-tooltip-edge');
    });

    it('has a legend with the class method and big zoom buttons, and no serious axe findings', async () => {
      const method = page.locator('.dpi-map-legend [data-method]');
      expect(await method.getAttribute('data-method')).toBe('natural-breaks');
      expect(await method.textContent()).toContain('natürlichen Brüchen (Jenks)');
      expect(await page.locator('.dpi-map-legend li').count()).toBeGreaterThanOrEqual(8);
      for (const button of await page
        .locator('#map .ol-zoom button, #map .ol-zoom-extent button')
        .all()) {
        const size = await button.boundingBox();
        expect(size?.width).toBeGreaterThanOrEqual(44);
        expect(size?.height).toBeGreaterThanOrEqual(44);
      }
      if (viewport.name === 'phone') await page.locator('.dpi-map-legend summary').click();
      await shot('06-legend');
      expect(await seriousViolations(page, '#map')).toEqual([]);
    });
  });
});

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Moves the keyboard focus with ArrowRight until it is on the stop asked for. */
async function focusStop(page: Page, kind: 'land' | 'group', land: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const stop = await page.evaluate(() => ({
      ...(document.activeElement as HTMLElement).dataset,
    }));
    if (stop['kind'] === kind && (kind === 'land' ? stop['code'] : stop['land']) === land) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`no ${kind} stop of ${land} reached`);
}
