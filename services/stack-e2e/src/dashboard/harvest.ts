import { freePort, migrateService, runHarvest, ServiceProcess, SHARED_DIR } from '@dpi/testing';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN_TOKEN, type DashboardStack, harvesterDemo } from './stack';

/**
 * A harvest job of a real harvester seen in the dashboard without reload: running with its progress
 * bar at 4 of 10 records (the demo catalogue holds back all but the first page), then succeeded.
 */
export async function harvestSeenLive(
  stack: DashboardStack,
  page: Page,
  screenshot: (name: string) => Promise<unknown>,
): Promise<void> {
  const { dashboard } = stack;
  const expectText = async (selector: string, expected: RegExp) =>
    page.waitForFunction(
      ([sel, source]) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''),
      [selector, expected.source] as const,
    );
  // The demo catalogue answers the first page at once and holds the others until released, so
  // the job is seen running with part of its records.
  const catalogue = new harvesterDemo.FixtureCatalogue();
  const records = harvesterDemo.fixtureRecords(join(SHARED_DIR, 'fixtures/csw'));
  for (const [id, record] of records) catalogue.put(id, record.xml, record.dateStamp);
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const answer = catalogue.answer.bind(catalogue);
  catalogue.answer = async (request, res) => {
    if (request.resultType === 'results' && request.start > 1) await released;
    return answer(request, res);
  };
  await catalogue.start(0);
  migrateService('harvester', stack.ns.env('harvester'));
  const harvester = new ServiceProcess(
    'harvester',
    stack.ns.env('harvester', {
      DPI_ADMIN_TOKEN: ADMIN_TOKEN,
      HARVEST_PROGRESS_INTERVAL_MS: '0',
    }),
    await freePort(),
  );
  try {
    await harvester.start();
    await page.goto(dashboard.url);
    await expectText('#status', /^Live: /);
    await runHarvest(harvester.url, ADMIN_TOKEN, {
      name: 'Geodatenkatalog Test',
      url: catalogue.url,
      landCode: 'DE-BB',
      pageSize: 4,
    });

    // Without a reload: the source appears, running, 4 of 10 records received.
    const row = page.locator('#harvest tr', { hasText: 'Geodatenkatalog Test' });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#harvest tr')].some(
          (tr) =>
            tr.textContent?.includes('Geodatenkatalog Test') &&
            tr.querySelector('progress')?.getAttribute('value') === '4',
        ),
      undefined,
      // Live updates are coalesced: at most one reload per 5 s, 15 s under a stream.
      { timeout: 30_000 },
    );
    expect(await row.locator('.job-state').textContent()).toBe('läuft');
    const progress = row.locator('progress');
    expect(await progress.getAttribute('max')).toBe(String(records.size));
    expect(await progress.getAttribute('value')).toBe('4');
    expect(await progress.getAttribute('aria-label')).toBe('Fortschritt Geodatenkatalog Test');
    expect(await row.locator('td').nth(2).textContent()).toMatch(/^\s*4 \/ 10 \(40\s?%\)/);
    await screenshot('08-harvest-running');

    release();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#harvest tr')].some(
          (tr) =>
            tr.textContent?.includes('Geodatenkatalog Test') &&
            tr.querySelector('.job-state')?.textContent === 'erfolgreich',
        ),
      undefined,
      { timeout: 30_000 },
    );
    expect(await row.locator('progress').count()).toBe(0);
    expect(await row.locator('td').nth(2).textContent()).toMatch(/^\s*10 \/ 10 \(100\s?%\)/);
  } finally {
    release();
    await harvester.stop();
    await catalogue.stop();
  }
}
