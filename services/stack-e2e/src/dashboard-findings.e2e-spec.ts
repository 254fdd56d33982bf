import { eventually, ServiceProcess } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launch, screenshot, seriousViolations, VIEWPORTS } from './dashboard/browser';
import { ADMIN_TOKEN, type DashboardStack, startDashboardStack } from './dashboard/stack';

const RULE = 'platform-without-machine-readable-interface';
/** More platforms without an interface than one page of 100 could show. */
const PLATFORMS = 120;

/**
 * The dashboard's Handlungsbedarfe page (grouped, paged past 100) and Methode page in headless
 * Chromium against the real stack (issue 21, part 4).
 */
describe('dashboard: Handlungsbedarfe grouped and paged, Methode', () => {
  let stack: DashboardStack;
  let reporting: ServiceProcess;
  let dashboard: ServiceProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await startDashboardStack();
    ({ reporting, dashboard } = stack);
    // One bulk import, as npm start loads the demo: platforms in NRW with no interface at all.
    const items = Array.from({ length: PLATFORMS }, (_, i) => ({
      kind: 'platform',
      id: randomUUID(),
      data: {
        name: `NRW-Plattform ${String(i).padStart(3, '0')}`,
        landCode: 'DE-NW',
        type: 'geoportal',
        status: 'production',
      },
    }));
    const response = await fetch(`${stack.registry.url}/api/v1/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(items),
    });
    expect(response.status).toBe(200);
    await eventually(
      async () => {
        const page = (await (
          await fetch(`${reporting.url}/api/v1/findings?ruleId=${RULE}&landCode=DE-NW&limit=1`)
        ).json()) as { total: number };
        expect(page.total).toBe(PLATFORMS);
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    browser = await launch();
    page = await browser.newPage({ viewport: VIEWPORTS.desktop, locale: 'de-DE' });
    page.on('pageerror', (error) => console.error('page error:', error));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('groups the findings by rule and pages a group past 100, each finding in one sentence', async () => {
    await page.goto(`${dashboard.url}/handlungsbedarfe?land=DE-NW`);
    const group = page.locator(`details[data-group="${RULE}"]`);
    await group.waitFor();
    await expect(group.locator('summary').textContent()).resolves.toContain(`(${PLATFORMS})`);
    await group.locator('summary').click();
    const findings = group.locator('li[data-finding]');
    await findings.nth(49).waitFor();
    expect(await findings.count()).toBe(50);
    // "Weitere laden" until the group is complete: past 100, no cap.
    for (const shown of [100, PLATFORMS]) {
      await group.locator('button').click();
      await findings.nth(shown - 1).waitFor();
      expect(await findings.count()).toBe(shown);
    }
    expect(await group.locator('button').count()).toBe(0);
    const texts = await findings.allTextContents();
    expect(texts).toContain(
      'mittel NRW-Plattform 119: Die Plattform „NRW-Plattform 119“ (Geoportal) nennt keine maschinenlesbare Schnittstelle (kein CSW-, WFS-, OGC-API-, SensorThings-, DCAT- oder CKAN-Endpunkt; gar kein Endpunkt ist verknüpft).',
    );
    for (const text of texts) expect(text).not.toMatch(/linkedServiceTypes|platform-without|[{}]/);
    expect(new Set(texts).size).toBe(PLATFORMS);
    await screenshot(page, 'findings-01-grouped-paged');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('groups by Land', async () => {
    await page.goto(`${dashboard.url}/handlungsbedarfe`);
    await page.locator('#hb-gruppe').selectOption('land');
    const nrw = page.locator('details[data-group="DE-NW"] summary');
    await nrw.waitFor();
    expect(await nrw.textContent()).toMatch(/^Nordrhein-Westfalen \(\d+\)/);
    expect(await page.locator('details[data-group]').count()).toBe(16);
  });

  it('explains the method in German and English', async () => {
    await page.goto(`${dashboard.url}/methode`);
    const rule = page.locator(`[data-rule="${RULE}"]`);
    await rule.waitFor();
    expect(await rule.textContent()).toContain('DCAT');
    expect(await page.locator('#methode-text table').count()).toBe(5);
    await screenshot(page, 'findings-02-methode');
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${dashboard.url}/methode?lang=en`);
    await page.locator(`[data-rule="${RULE}"] h4`).waitFor();
    expect(await page.locator(`[data-rule="${RULE}"] h4`).textContent()).toBe(
      'Platform without a machine-readable interface',
    );
  });
});
