import { issueToken, WORKSPACE_ROOT } from '@dpi/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, seriousViolations, VIEWPORTS } from './dashboard/browser';
import { ADMIN_TOKEN, type DashboardStack, startDashboardStack } from './dashboard/stack';

const SHOTS = join(WORKSPACE_ROOT, '.infra/test-artifacts/dashboard-rounds');
const TITLE = 'Erhebungsrunde E2E 2026';

/**
 * The survey round for the AG on the dashboard (issue 22, part 5) in headless Chromium against
 * the real stack: with a round open for Hamburg and Brandenburg, the Länder table (measure
 * `round`) shows each Land's progress and Saxony, outside the round, as "nicht in der Runde"
 * (negative control); Hamburg's editor confirms its entries and declares "nothing more to add"
 * through the registry API, and the open page shows Hamburg done without a reload (waited for
 * with a deadline, the latency printed); Brandenburg stays "nicht begonnen"; the open items are
 * linked as CSV and PDF (of the selected Land); the Land profile lists the round; English and the
 * phone; axe 0 serious/critical. Screenshots in .infra/test-artifacts/dashboard-rounds/.
 */
describe('dashboard: survey round progress for the AG (issue 22)', () => {
  let stack: DashboardStack;
  let browser: Browser;
  let page: Page;
  let roundId = '';
  let hamburg = '';
  const hh: string[] = [];

  const registry = async (method: string, path: string, token: string, body?: unknown) => {
    const response = await fetch(`${stack.registry.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect({ path, status: response.status }).toEqual({
      path,
      status: method === 'POST' && path === '/api/v1/rounds' ? 201 : 200,
    });
    return text ? JSON.parse(text) : null;
  };
  const stateOf = (code: string) =>
    page.locator(`#laender tr[data-code="${code}"] [data-round-state]`);
  const cells = async (code: string) =>
    (await page.locator(`#laender tr[data-code="${code}"] td`).allTextContents()).map((t) =>
      t.trim(),
    );

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startDashboardStack();
    hh.push(
      await stack.register({
        name: 'Geoportal Hamburg (Runde)',
        landCode: 'DE-HH',
        type: 'geoportal',
      }),
    );
    hh.push(
      await stack.register({
        name: 'Transparenzportal Hamburg (Runde)',
        landCode: 'DE-HH',
        type: 'openDataPortal',
      }),
    );
    await stack.register({
      name: 'Geoportal Brandenburg (Runde)',
      landCode: 'DE-BB',
      type: 'geoportal',
    });
    // Saxony registers too, but is not asked in this round.
    await stack.register({
      name: 'Geoportal Sachsen (Runde)',
      landCode: 'DE-SN',
      type: 'geoportal',
    });
    hamburg = await issueToken(stack.registry.url, ADMIN_TOKEN, {
      name: 'hh-editor-runde',
      role: 'land-editor',
      landCode: 'DE-HH',
    });
    roundId = (
      await registry('POST', '/api/v1/rounds', ADMIN_TOKEN, {
        title: TITLE,
        referenceDate: '2026-12-01',
        deadline: '2099-12-31T23:00:00Z',
        kinds: ['platform'],
        landCodes: ['DE-HH', 'DE-BB'],
      })
    ).id;
    browser = await launch();
    page = await browser.newPage({ viewport: VIEWPORTS.desktop, locale: 'de-DE' });
    page.on('pageerror', (error) => console.error('page error:', error));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows each Land’s progress in the open round; a Land outside it is not shown as open', async () => {
    await page.goto(`${stack.dashboard.url}/?measure=round`);
    await page.locator('#laender tr[data-code]').nth(15).waitFor();
    // Until reporting projected the round (its own consumer): a deadline, no fixed sleep.
    await page.waitForFunction(
      () =>
        document
          .querySelector('#laender tr[data-code="DE-HH"] [data-round-state]')
          ?.getAttribute('data-round-state') === 'none',
      null,
      { timeout: 60_000 },
    );
    await expect(page.locator('#runde .round-title').textContent()).resolves.toContain(TITLE);
    expect(await page.locator('#laender-tabelle').getAttribute('data-mode')).toBe('round');
    // offen, bestätigt, aktualisiert, zurückgezogen, neu, nichts mehr hinzuzufügen, Stand
    expect(await cells('DE-HH')).toEqual(['2', '0', '0', '0', '0', 'nein', 'nicht begonnen']);
    expect(await cells('DE-BB')).toEqual(['1', '0', '0', '0', '0', 'nein', 'nicht begonnen']);
    expect(await cells('DE-SN')).toEqual(['–', '–', '–', '–', '–', '–', 'nicht in der Runde']);
    expect(await stateOf('DE-SN').getAttribute('data-round-state')).toBe('out');
    await expect(page.locator('#runde-stand').textContent()).resolves.toBe(
      '0 von 2 Ländern fertig, 0 von 3 Einträgen beantwortet.',
    );
    // The map shows the round too: its legend names the bands and who is not in it.
    await expect(page.locator('#map').textContent()).resolves.toContain('nicht in der Runde');
    expect(await page.locator('#measure').inputValue()).toBe('round');
    await page.screenshot({ path: join(SHOTS, '01-round-open-desktop-de.png') });
    await page
      .locator('#laender-karte')
      .screenshot({ path: join(SHOTS, '01-round-open-table-de.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows Hamburg done once it confirmed and declared through the registry API, without reload', async () => {
    const marker = await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
      return true;
    });
    expect(marker).toBe(true);
    const sent = Date.now();
    await registry('POST', `/api/v1/rounds/${roundId}/confirmations`, hamburg, { recordIds: hh });
    await registry('POST', `/api/v1/rounds/${roundId}/laender/DE-HH/complete`, hamburg);
    // The live stream (model `round`) and the coalesced reload: a deadline, not a sleep.
    await page.waitForFunction(
      () =>
        document
          .querySelector('#laender tr[data-code="DE-HH"] [data-round-state]')
          ?.getAttribute('data-round-state') === 'done',
      null,
      { timeout: 30_000, polling: 50 },
    );
    const seenMs = Date.now() - sent;
    console.log(
      `round progress: confirmation + declaration → dashboard shows Hamburg done in ${seenMs} ms`,
    );
    expect(
      await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    expect((await cells('DE-HH')).slice(0, 5)).toEqual(['0', '2', '0', '0', '0']);
    expect((await cells('DE-HH'))[5]).toMatch(/^ja, \d{1,2}\.\d{1,2}\.\d{4}$/);
    expect((await cells('DE-HH'))[6]).toBe('fertig');
    // Brandenburg did nothing: still open.
    expect(await cells('DE-BB')).toEqual(['1', '0', '0', '0', '0', 'nein', 'nicht begonnen']);
    await expect(page.locator('#runde-stand').textContent()).resolves.toBe(
      '1 von 2 Ländern fertig, 2 von 3 Einträgen beantwortet.',
    );
    await page.screenshot({ path: join(SHOTS, '02-hamburg-done-desktop-de.png') });
  });

  it('links the open items as CSV and PDF, of the selected Land', async () => {
    const links = page.locator('#runde .round-links a');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      `/api/v1/rounds/${roundId}/open-items.csv`,
      `/api/v1/rounds/${roundId}/open-items.pdf`,
    ]);
    await page.locator('#laender tr[data-code="DE-BB"] button.land-button').click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('#runde .round-links a')
          ?.getAttribute('href')
          ?.endsWith('?land=DE-BB'),
      null,
      { timeout: 10_000 },
    );
    // Issue 21: the headline figures follow the Land filter (Brandenburg: one platform of four).
    await page.waitForFunction(
      () => document.querySelector('[data-figure="platforms"] .figure-value')?.textContent === '1',
      null,
      { timeout: 10_000 },
    );
    expect(await page.locator('[data-figure="laender"] .figure-value').textContent()).toBe('1');
    const pdf = await page.request.get(
      `${stack.dashboard.url}/api/v1/rounds/${roundId}/open-items.pdf?land=DE-BB`,
    );
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await page.request.get(
      `${stack.dashboard.url}/api/v1/rounds/${roundId}/open-items.csv?land=DE-BB`,
    );
    expect(await csv.text()).toContain('Geoportal Brandenburg (Runde)');
    expect(await csv.text()).not.toContain('Hamburg');
  });

  it('shows the round on the phone in English, and passes axe', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: 'en-GB' });
    const phone = await context.newPage();
    try {
      await phone.goto(`${stack.dashboard.url}/?measure=round&lang=en`);
      await phone.waitForFunction(
        () =>
          document.querySelector('#laender tr[data-code="DE-HH"] [data-round-state]')
            ?.textContent === 'done',
        null,
        { timeout: 30_000 },
      );
      await expect(phone.locator('#runde-stand').textContent()).resolves.toBe(
        '1 of 2 Länder done, 2 of 3 entries answered.',
      );
      // Issue 21: the map's zoom buttons say what they do in English too.
      await phone.locator('#map .ol-zoom-in').waitFor();
      expect(
        await phone
          .locator('#map')
          .evaluate((map) =>
            ['.ol-zoom-in', '.ol-zoom-out', '.ol-zoom-extent button'].map((s) =>
              map.querySelector(s)?.getAttribute('title'),
            ),
          ),
      ).toEqual(['Zoom in', 'Zoom out', 'Show all of Germany']);
      const sn = phone.locator('#laender tr[data-code="DE-SN"] [data-round-state]');
      expect(await sn.textContent()).toBe('not in the round');
      // Nothing wider than the phone (the table scrolls inside itself).
      expect(
        await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await phone
        .locator('#laender-karte')
        .screenshot({ path: join(SHOTS, '03-round-phone-en-table.png') });
      expect(await seriousViolations(phone)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('switches back to the inventory, and lists the round on Hamburg’s profile', async () => {
    await page.locator('#runde .round-toggle').click();
    await page.waitForFunction(
      () => document.querySelector('#laender-tabelle')?.getAttribute('data-mode') === 'inventory',
    );
    expect(page.url()).not.toContain('measure=round');
    await page.goto(`${stack.dashboard.url}/land/DE-HH`);
    const row = page.locator(`#land-profil-runden tr[data-round="${roundId}"]`);
    await row.waitFor({ timeout: 30_000 });
    const text = (await row.allTextContents()).join(' ');
    expect(text).toContain(TITLE);
    expect(text).toContain('fertig');
    await page.goto(`${stack.dashboard.url}/land/DE-SN`);
    const history = page.locator('section[aria-labelledby="profil-runden"]');
    await history.waitFor({ timeout: 30_000 });
    await expect(history.textContent()).resolves.toContain(
      'Das Land war noch in keiner Erhebungsrunde.',
    );
    await page.screenshot({ path: join(SHOTS, '04-profile-sn-de.png'), fullPage: true });
    await page.goto(`${stack.dashboard.url}/land/DE-HH`);
    await page.locator('section[aria-labelledby="profil-runden"] table').waitFor();
    await page
      .locator('section[aria-labelledby="profil-runden"]')
      .screenshot({ path: join(SHOTS, '05-profile-hh-rounds-de.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
