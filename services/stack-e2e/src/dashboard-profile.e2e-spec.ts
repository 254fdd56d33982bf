import { eventually, issueToken, ServiceProcess, WORKSPACE_ROOT } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, seriousViolations, VIEWPORTS } from './dashboard/browser';
import { ADMIN_TOKEN, type DashboardStack, startDashboardStack } from './dashboard/stack';

const SHOTS = join(WORKSPACE_ROOT, '.infra/test-artifacts/dashboard-profile');
const PLATFORMS = ['Transparenzportal Hamburg (E2E)', 'Geoportal Hamburg (E2E)'];
const TWIN = 'Digitaler Zwilling Hamburg (E2E)';
const DATASETS = ['Baumkataster Hamburg (E2E)', 'Radverkehrszählung Hamburg (E2E)'];
const HIDDEN = 'Interne Hafenlageplattform Hamburg (E2E)';

interface ProfileAnswer {
  platforms: { name: string }[];
  twins: { name: string }[];
  datasets: { total: number };
}

/**
 * The dashboard's Land profile (/land/:code) and Methode page in headless Chromium against the
 * real stack (issue 21, parts 4–7): what Hamburg registered is shown, a NON_PUBLIC platform only
 * to a reviewer, trends say that the history is short, the quality breakdown has tips, the per-Land
 * PDF answers, the page fits a phone and prints without navigation; Methode shows every rule.
 */
describe('dashboard: Land profile and Methode', () => {
  let stack: DashboardStack;
  let reporting: ServiceProcess;
  let dashboard: ServiceProcess;
  let browser: Browser;
  let reviewerToken: string;

  const profile = async (token?: string) =>
    (await (
      await fetch(`${reporting.url}/api/v1/laender/DE-HH/profile`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      })
    ).json()) as ProfileAnswer;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startDashboardStack();
    ({ reporting, dashboard } = stack);
    const land = { landCode: 'DE-HH' };
    const items = [
      ...PLATFORMS.map((name, i) => ({
        kind: 'platform',
        id: randomUUID(),
        data: {
          ...land,
          name,
          type: i === 0 ? 'openDataPortal' : 'geoportal',
          status: 'production',
          homepage: i === 0 ? 'https://transparenz.hamburg.de' : 'https://geoportal-hamburg.de',
        },
      })),
      {
        kind: 'twin',
        id: randomUUID(),
        data: { ...land, name: TWIN, scope: 'municipality', kind: 'urban', maturityLevel: 2 },
      },
      // One dataset with rich metadata, one with almost none: the quality breakdown has tips.
      {
        kind: 'dataset',
        id: randomUUID(),
        data: {
          ...land,
          title: DATASETS[0],
          publisher: 'Behörde für Umwelt, Klima, Energie und Agrarwirtschaft',
          keywords: ['Bäume', 'Umwelt'],
          openData: true,
          bbox: [9.7, 53.4, 10.3, 53.7],
          distributions: [{ format: 'CSV', accessUrl: 'https://daten.hamburg.de/baeume.csv' }],
        },
      },
      { kind: 'dataset', id: randomUUID(), data: { ...land, title: DATASETS[1] } },
    ];
    const response = await fetch(`${stack.registry.url}/api/v1/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify(items),
    });
    expect({
      status: response.status,
      body: response.status === 200 ? '' : await response.text(),
    }).toEqual({ status: 200, body: '' });
    await stack.register({
      ...land,
      name: HIDDEN,
      type: 'urbanDataPlatform',
      accessRights: 'NON_PUBLIC',
    });
    reviewerToken = await issueToken(stack.registry.url, ADMIN_TOKEN, {
      name: 'ag-pruefer-profil',
      role: 'reviewer',
    });
    // Reporting shows everything (the hidden one to the reviewer) before any page is looked at.
    await eventually(
      async () => {
        const seen = await profile(reviewerToken);
        expect(seen.platforms.map((p) => p.name).sort()).toEqual([...PLATFORMS, HIDDEN].sort());
        expect(seen.twins.map((t) => t.name)).toEqual([TWIN]);
        expect(seen.datasets.total).toBe(DATASETS.length);
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    expect((await profile()).platforms.map((p) => p.name)).not.toContain(HIDDEN);
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function open(viewport: keyof typeof VIEWPORTS, lang: 'de' | 'en', session?: string) {
    const context = await browser.newContext({
      viewport: VIEWPORTS[viewport],
      locale: lang === 'de' ? 'de-DE' : 'en-GB',
    });
    // The reviewer view's session as the dashboard keeps it (src/reviewer.ts, sessionStorage).
    if (session)
      await context.addInitScript(
        (value) => sessionStorage.setItem('dpi.pruefansicht', value),
        JSON.stringify({ token: session, name: 'ag-pruefer-profil' }),
      );
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors, close: () => context.close() };
  }

  /** How far the page is wider than the viewport, and which elements stick out (0 and none: fits). */
  const overflow = (page: Page) =>
    page.evaluate(() => ({
      by: Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
      elements: [...document.querySelectorAll('main *')]
        // Inside a table that scrolls by itself is not on the page's width.
        .filter((el) => !el.parentElement?.closest('.table-scroll'))
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 5)
        .map(
          (el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`,
        ),
    }));
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const PLATFORM_SECTION = 'section[aria-labelledby="profil-plattformen"]';
  const text = async (page: Page, selector: string) =>
    (await page.locator(selector).first().textContent()) ?? '';

  describe.each([
    ['desktop', 'de'],
    ['desktop', 'en'],
    ['phone', 'de'],
    ['phone', 'en'],
  ] as const)('/land/DE-HH at %s size in %s', (viewport, lang) => {
    it('shows the Land, trends, quality with tips and the PDF; fits, passes axe, prints without navigation', async () => {
      const { page, errors, close } = await open(viewport, lang);
      try {
        await page.goto(`${dashboard.url}/land/DE-HH${lang === 'en' ? '?lang=en' : ''}`);
        await page.locator('#land-profil-titel', { hasText: 'Hamburg' }).waitFor();
        await page.locator('#land-profil-trend table, #land-profil-trend p').first().waitFor();
        const platforms = await text(page, PLATFORM_SECTION);
        for (const name of [...PLATFORMS, TWIN]) expect(platforms).toContain(name);
        // Negative control: the NON_PUBLIC platform is not shown to an anonymous viewer.
        expect(await page.locator('main').textContent()).not.toContain(HIDDEN);
        expect(await text(page, '#profil-datensaetze')).toMatch(
          lang === 'de' ? /^Datensätze \(2\)/ : /^Datasets \(2\)/,
        );
        // Trends: one period of history, and the page says it is short.
        expect(await text(page, '#land-profil-trend [data-short]')).toMatch(
          lang === 'de' ? /Historie ist noch kurz/ : /history is still short/,
        );
        expect(await page.locator('#land-profil-trend tbody tr').count()).toBeGreaterThan(0);
        // Quality: the five MQA dimensions and at least one tip.
        const quality = page.locator('section[aria-labelledby="profil-qualitaet"]');
        expect(await quality.locator('tbody tr').count()).toBe(5);
        expect(await quality.locator('li[data-tip]').count()).toBeGreaterThan(0);
        // The per-Land PDF.
        const pdf = page.locator('a[href*="report.pdf"]');
        const href = (await pdf.getAttribute('href')) ?? '';
        expect(href).toMatch(/report\.pdf\?land=DE-HH$/);
        const answer = await page.request.get(new URL(href, page.url()).href);
        expect(answer.status()).toBe(200);
        expect(answer.headers()['content-type']).toMatch(/^application\/pdf/);
        expect((await answer.body()).subarray(0, 5).toString()).toBe('%PDF-');

        expect(await overflow(page)).toEqual({ by: 0, elements: [] });
        expect(await seriousViolations(page)).toEqual([]);
        await shot(page, `profile-${viewport}-${lang}`);

        // Print: navigation, header, footer and the page's own actions go; the content stays.
        const shown = (selector: string) =>
          page
            .locator(selector)
            .first()
            .evaluate((el) => getComputedStyle(el).display !== 'none');
        expect(await shown('header')).toBe(true);
        await page.emulateMedia({ media: 'print' });
        for (const hidden of ['header', 'nav', 'footer', '#land-profil-titel + .no-print'])
          expect({ hidden, shown: await shown(hidden) }).toEqual({ hidden, shown: false });
        expect(await shown('#profil-plattformen')).toBe(true);
        await shot(page, `profile-${viewport}-${lang}-print`);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  });

  it('shows the NON_PUBLIC platform to a reviewer (the negative control of the anonymous view)', async () => {
    const { page, close } = await open('desktop', 'de', reviewerToken);
    try {
      await page.goto(`${dashboard.url}/land/DE-HH`);
      await page.locator('#pruef-hinweis', { hasText: 'ag-pruefer-profil' }).waitFor();
      await page.locator(`${PLATFORM_SECTION} li`, { hasText: HIDDEN }).waitFor();
      expect(await text(page, '#profil-plattformen')).toMatch(/^Plattformen \(3\)/);
    } finally {
      await close();
    }
  });

  it("leads from the Länder table's Profil link on / to the profile", async () => {
    const { page, close } = await open('desktop', 'de');
    try {
      await page.goto(`${dashboard.url}/`);
      const link = page.locator('#laender tr[data-code="DE-HH"] a.land-profile-link');
      await link.waitFor();
      expect(await link.textContent()).toBe('Profil');
      await link.click();
      await page.waitForURL(/\/land\/DE-HH$/);
      await page.locator('#land-profil-titel', { hasText: 'Hamburg' }).waitFor();
    } finally {
      await close();
    }
  });

  describe.each(['de', 'en'] as const)('/methode in %s', (lang) => {
    it('shows every rule of GET /method, fits the phone and passes axe', async () => {
      const method = (await (
        await fetch(`${reporting.url}/api/v1/method?lang=${lang}`)
      ).json()) as { handlungsbedarfe: { rules: { id: string; title: string }[] } };
      const rules = method.handlungsbedarfe.rules;
      expect(rules.length).toBeGreaterThan(5);
      for (const viewport of ['desktop', 'phone'] as const) {
        const { page, errors, close } = await open(viewport, lang);
        try {
          await page.goto(`${dashboard.url}/methode${lang === 'en' ? '?lang=en' : ''}`);
          await page.locator(`[data-rule="${rules[0].id}"]`).waitFor();
          const shown = await page
            .locator('[data-rule]')
            .evaluateAll((els) => els.map((el) => el.getAttribute('data-rule')));
          expect(shown.sort()).toEqual(rules.map((r) => r.id).sort());
          for (const rule of rules)
            expect(await text(page, `[data-rule="${rule.id}"]`)).toContain(rule.title);
          expect(await overflow(page)).toEqual({ by: 0, elements: [] });
          expect(await seriousViolations(page)).toEqual([]);
          await shot(page, `methode-${viewport}-${lang}`);
          expect(errors).toEqual([]);
        } finally {
          await close();
        }
      }
    });
  });
});
