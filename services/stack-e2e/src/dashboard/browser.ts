import { WORKSPACE_ROOT } from '@dpi/testing';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's chromium (deploy/local/browser.mjs installs it); playwright never downloads one. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = join(WORKSPACE_ROOT, '.infra/test-artifacts/dashboard');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const VIEWPORTS = {
  desktop: { width: 1440, height: 900 },
  phone: { width: 390, height: 844 },
} as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

export async function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Root in a container has no user namespaces for Chromium's sandbox.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export const screenshot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });

/** axe-core with the WCAG 2.1 A/AA rules; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays as it is.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })) as { violations: AxeViolation[] };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })) }));
}

/** Waits until the element's text matches; on time-out, fails showing what was there. */
export async function expectText(
  page: Page,
  selector: string,
  expected: string | RegExp,
  timeout = 5000,
): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, source, flags]) => {
        const text = document.querySelector(sel)?.textContent?.trim() ?? '';
        return flags === null ? text === source : new RegExp(source, flags).test(text);
      },
      [
        selector,
        typeof expected === 'string' ? expected : expected.source,
        typeof expected === 'string' ? null : expected.flags,
      ] as const,
      { timeout },
    );
  } catch {
    expect((await page.locator(selector).first().textContent())?.trim()).toMatch(expected);
  }
}

/** Where an element is, relative to the viewport (null: not rendered). */
export async function box(page: Page, selector: string) {
  return page.locator(selector).first().boundingBox();
}

/**
 * What the first screen shows: the headline figures and the map start inside the viewport, nothing
 * is wider than the viewport, and the Länder table needs no scrolling of its own (desktop).
 */
export async function firstScreen(page: Page) {
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const figures = await box(page, '#kennzahlen');
  const map = await box(page, '#map');
  return {
    figuresInView: !!figures && figures.y >= 0 && figures.y + figures.height <= viewport.height,
    // The map's upper half at least: enough to see and use it without scrolling.
    mapInView: !!map && map.y >= 0 && map.y + map.height / 2 <= viewport.height,
    // How far the page is wider than the viewport (0: not at all; a scrollbar gutter is no overflow).
    overflow: await page.evaluate(() =>
      Math.max(0, document.documentElement.scrollWidth - window.innerWidth),
    ),
    // Text squeezed into a sliver of a column, breaking letter by letter ("Plat|tfor|m").
    slivers: await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('dd, td, th, dt, p, h2, h3')]
        .filter((el) => el.offsetParent !== null && (el.textContent?.trim().length ?? 0) > 8)
        .filter((el) => {
          const width = el.getBoundingClientRect().width;
          const line = parseFloat(getComputedStyle(el).lineHeight) || 20;
          return width > 0 && width < 48 && el.getBoundingClientRect().height > 3 * line;
        })
        .map((el) => el.textContent?.trim().slice(0, 40)),
    ),
    laenderTableScrolls: await page.evaluate(() => {
      const scroller = document.querySelector('#laender-tabelle')?.closest('.table-scroll');
      return scroller ? scroller.scrollWidth > scroller.clientWidth + 1 : null;
    }),
  };
}
