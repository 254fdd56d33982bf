import { eventually } from '@dpi/testing';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  HH,
  HH_HIDDEN,
  HH_TWIN,
  LOAD_MS,
  NEW_NAME,
  SESSION_KEY,
  useErfassung,
} from './erfassung/fixture';

/**
 * The entry UI (/erfassung, issue 22 part 4) in headless Chromium against the real registry: the
 * admin opens a round (API); Hamburg's editor signs in with the Land's token, confirms three
 * entries in bulk, edits one (a field error shown and corrected, a point set on the map),
 * withdraws one with a reason, adds one, resolves a 412 after a concurrent change, and declares
 * "nothing more to add"; Brandenburg's editor sees none of Hamburg's non-public entries and is
 * offered nothing on Hamburg's. axe-core on every page at 1440×900 and 390×844. The token never
 * appears in a request URL.
 */
describe('dashboard: Erfassung (entry UI for the Länder)', () => {
  // The stack, its records, tokens and round, the browser and the helpers: erfassung/fixture.ts.
  const f = useErfassung();
  const { ids, hamburgIds, requests, consoleLines, open, shot, axe, overflow, row } = f;
  const { roundRecords, record, cells, reportText } = f;

  let hamburg: Page;

  it('signs the Hamburg editor in with the token and lists all kinds with their round state', async () => {
    const { page, errors } = await open('desktop');
    hamburg = page;
    await page.goto(`${f.stack.dashboard.url}/erfassung`);
    await page.locator('#erfassung-token').waitFor({ timeout: LOAD_MS });
    await axe(page, 'sign-in desktop');
    await shot(page, 'desktop-anmelden');
    // A wrong token: refused with a message at the field.
    await page.fill('#erfassung-token', 'falsches-token-0123456789abcdef');
    await page.click('#erfassung-anmelden');
    await page.locator('#erfassung-token[aria-invalid="true"]').waitFor();
    expect(await page.textContent('#erfassung-token-fehler')).toMatch(/ungültig/);
    await page.fill('#erfassung-token', f.hhToken);
    await page.click('#erfassung-anmelden');
    await page.locator('#erfassung-tabelle').waitFor({ timeout: LOAD_MS });
    expect(await page.textContent('#erfassung-angemeldet')).toContain('Hamburg');
    // Every kind, the NON_PUBLIC one marked; nothing of Brandenburg.
    for (const id of hamburgIds)
      expect(await row(page, id).getAttribute('data-state')).toBe('open');
    expect(await row(page, ids.hhHidden).textContent()).toContain('nicht öffentlich');
    expect(
      await page.locator(`tr[data-id="${ids.bbPublic}"], tr[data-id="${ids.bbHidden}"]`).count(),
    ).toBe(0);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toContain(
      f.hhToken,
    );
    await axe(page, 'list desktop');
    await shot(page, 'desktop-liste');
    expect(errors).toEqual([]);
  });

  it('confirms three entries in one bulk request', async () => {
    const page = hamburg;
    const bulk = page.waitForRequest((r) => r.url().endsWith(`/rounds/${f.roundId}/confirmations`));
    for (const id of ids.hh.slice(0, 3)) await page.check(`#wahl-${id}`);
    await page.locator('#erfassung-bestaetigen', { hasText: '(3)' }).waitFor();
    await page.click('#erfassung-bestaetigen');
    expect(JSON.parse((await bulk).postData() ?? '{}')).toEqual({ recordIds: ids.hh.slice(0, 3) });
    await page.locator('.erfassung-status', { hasText: '3 Einträge bestätigt' }).waitFor();
    await page.locator(`tr[data-id="${ids.hh[0]}"][data-state="confirmed"]`).waitFor();
    const states = await roundRecords();
    expect(ids.hh.map((id) => states.get(id)?.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
      'open',
      'open',
    ]);
  });

  it('edits one: a field error is shown at the field and in the summary, corrected, saved with a point from the map', async () => {
    const page = hamburg;
    await row(page, ids.hh[3]).locator('a').click();
    await page.locator('#feld-name').waitFor({ timeout: LOAD_MS });
    await page.fill('#feld-name', '   ');
    await page.fill('#feld-homepage', 'geoportal-hamburg');
    await page.click('#formular-speichern');
    await page.locator('#formular-fehler .kern-alert--danger').waitFor();
    expect(await page.getAttribute('#feld-name', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#feld-name', 'aria-describedby')).toContain('feld-name-fehler');
    expect(await page.textContent('#feld-name-fehler')).toMatch(/Bitte/);
    expect(await page.getAttribute('#feld-homepage', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#feld-homepage-fehler')).toMatch(/https:\/\//);
    expect(await page.textContent('#formular-fehler')).toMatch(/Bitte prüfen Sie 2 Angaben/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('formular-fehler');
    await axe(page, 'form with errors desktop');
    await shot(page, 'desktop-formular-fehler');
    // Corrected; a point picked on the map.
    await page.fill('#feld-name', `${HH(4)} geändert`);
    await page.fill('#feld-homepage', 'https://geoportal-hamburg.de');
    await page.selectOption('#feld-status', 'pilot');
    // Corrected fields no longer say they are wrong.
    expect(await page.getAttribute('#feld-name', 'aria-invalid')).toBeNull();
    expect(await page.isVisible('#feld-name-fehler')).toBe(false);
    await page.click('#feld-geometry-punkt');
    const map = page.locator('#feld-geometry-karte');
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error('map not rendered');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() =>
      /^\d+\.\d+, \d+\.\d+$/.test(
        (document.getElementById('feld-geometry') as HTMLInputElement).value,
      ),
    );
    await shot(page, 'desktop-formular-karte');
    await page.click('#formular-speichern');
    await page.locator('.erfassung-status', { hasText: 'Gespeichert' }).waitFor();
    const saved = (await record(`/platforms/${ids.hh[3]}`)).body;
    expect(saved).toMatchObject({
      name: `${HH(4)} geändert`,
      status: 'pilot',
      homepage: 'https://geoportal-hamburg.de',
    });
    const point = saved['geometry'] as { type: string; coordinates: number[] };
    expect(point.type).toBe('Point');
    // Somewhere in Germany (the map's middle).
    expect(point.coordinates[0]).toBeGreaterThan(5);
    expect(point.coordinates[0]).toBeLessThan(16);
    expect((await roundRecords()).get(ids.hh[3])?.status).toBe('updated');
  });

  it('withdraws one with a reason', async () => {
    const page = hamburg;
    await page.click(`#zurueckziehen-${ids.hh[4]}`);
    await page.locator('dialog[open] #rueckzug-grund').waitFor();
    await page.click('#rueckzug-bestaetigen');
    await page.locator('#rueckzug-grund[aria-invalid="true"]').waitFor();
    await axe(page, 'withdraw dialog desktop');
    await shot(page, 'desktop-zurueckziehen');
    await page.fill('#rueckzug-grund', 'Plattform 2026 abgeschaltet');
    await page.click('#rueckzug-bestaetigen');
    await page.locator('.erfassung-status', { hasText: 'zurückgezogen' }).waitFor();
    await page.locator(`tr[data-id="${ids.hh[4]}"][data-state="withdrawn"]`).waitFor();
    // Gone from the lists, still named (from its history), with the reason.
    expect(await row(page, ids.hh[4]).textContent()).toContain(HH(5));
    expect(await row(page, ids.hh[4]).textContent()).toContain('Plattform 2026 abgeschaltet');
    expect((await roundRecords()).get(ids.hh[4])).toMatchObject({
      status: 'withdrawn',
      reason: 'Plattform 2026 abgeschaltet',
    });
    expect((await f.stack.api('GET', `/platforms/${ids.hh[4]}`)).status).toBe(404);
  });

  it('adds a new platform', async () => {
    const page = hamburg;
    await page.click('a[href^="/erfassung/neu/platform"]');
    await page.locator('#feld-name').waitFor({ timeout: LOAD_MS });
    await axe(page, 'new form desktop');
    await page.fill('#feld-name', NEW_NAME);
    await page.selectOption('#feld-type', 'urbanDataPlatform');
    await page.selectOption('#feld-status', 'planned');
    await page.check('#feld-themes-ENVI');
    // An area drawn on the map: three corners, the last one double-clicked.
    await page.click('#feld-geometry-gebiet');
    const map = page.locator('#feld-geometry-karte');
    await map.scrollIntoViewIfNeeded();
    const box = await map.boundingBox();
    if (!box) throw new Error('map not rendered');
    const at = (fx: number, fy: number) =>
      [box.x + box.width * fx, box.y + box.height * fy] as const;
    await page.mouse.click(...at(0.4, 0.4));
    await page.mouse.click(...at(0.6, 0.4));
    await page.mouse.dblclick(...at(0.5, 0.6));
    await page.waitForFunction(() =>
      (document.getElementById('feld-geometry') as HTMLInputElement).value.includes(';'),
    );
    await shot(page, 'desktop-neu-gebiet');
    await page.click('#formular-speichern');
    await page.locator('.erfassung-status', { hasText: NEW_NAME }).waitFor();
    const list = (await (
      await f.stack.api(
        'GET',
        `/platforms?landCode=DE-HH&q=${encodeURIComponent('Neue Plattform')}`,
      )
    ).json()) as {
      items: { id: string; name: string; landCode: string; themes: string[] }[];
    };
    expect(list.items.map((p) => [p.name, p.landCode, p.themes])).toEqual([
      [NEW_NAME, 'DE-HH', ['ENVI']],
    ]);
    const created = (await record(`/platforms/${list.items[0].id}`)).body;
    const area = created['geometry'] as { type: string; coordinates: number[][][] };
    expect(area.type).toBe('Polygon');
    expect(area.coordinates[0].length).toBeGreaterThanOrEqual(4);
    await page.locator(`tr[data-id="${list.items[0].id}"][data-state="new"]`).waitFor();
  });

  it('shows what another person changed when they saved first (412) and re-applies the editor change', async () => {
    const page = hamburg;
    await row(page, ids.hhTwin).locator('a').click();
    await page.locator('#feld-name').waitFor({ timeout: LOAD_MS });
    // The other person saves while the form is open.
    const { etag } = await record(`/twins/${ids.hhTwin}`);
    const other = await f.stack.api(
      'PATCH',
      `/twins/${ids.hhTwin}`,
      { description: 'Von der AG ergänzt', maturityLevel: 3 },
      { 'if-match': etag },
    );
    expect(other.status).toBe(200);
    await page.fill('#feld-name', `${HH_TWIN} neu`);
    await page.selectOption('#feld-maturityLevel', '4');
    await page.click('#formular-speichern');
    await page.locator('dialog#konflikt[open]').waitFor();
    const theirs = await page.textContent('#konflikt-andere');
    expect(theirs).toContain('Von der AG ergänzt');
    expect(theirs).toContain('Stufe 3');
    expect(await page.textContent('#konflikt-meine')).toContain(`${HH_TWIN} neu`);
    // Both changed the maturity: the editor is asked.
    expect(await page.locator('#konflikt fieldset[data-field="maturityLevel"]').count()).toBe(1);
    await axe(page, 'conflict dialog desktop');
    await shot(page, 'desktop-konflikt');
    await page.check('#konflikt-maturityLevel-theirs');
    await page.click('#konflikt-anwenden');
    await page.locator('.erfassung-status', { hasText: 'Gespeichert' }).waitFor();
    expect((await record(`/twins/${ids.hhTwin}`)).body).toMatchObject({
      name: `${HH_TWIN} neu`,
      description: 'Von der AG ergänzt',
      maturityLevel: 3,
    });
  });

  it('declares "nothing more to add"', async () => {
    const page = hamburg;
    await page.click('#erfassung-abschliessen');
    await page.locator('#erfassung-erklaert').waitFor();
    const round = (await (await f.stack.api('GET', `/rounds/${f.roundId}`)).json()) as {
      laender: { landCode: string; completedAt: string | null }[];
    };
    expect(round.laender.find((l) => l.landCode === 'DE-HH')?.completedAt).toEqual(
      expect.any(String),
    );
    expect(round.laender.find((l) => l.landCode === 'DE-BB')?.completedAt).toBeNull();
    await shot(page, 'desktop-liste-fertig');
    // English, through the header's toggle.
    await page.click('#sprache');
    await page.locator('#erfassung-titel', { hasText: 'Data entry' }).waitFor();
    // The toggle was just clicked: measure it at rest, not in its hover state.
    await page.mouse.move(700, 800);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await axe(page, 'list desktop en');
    await shot(page, 'desktop-liste-en');
  });

  it('works at 390×844: list, form, passes axe, nothing wider than the screen', async () => {
    const { page, errors } = await open('phone', f.hhToken);
    await page.goto(`${f.stack.dashboard.url}/erfassung`);
    await page.locator('#erfassung-tabelle').waitFor({ timeout: LOAD_MS });
    expect(await overflow(page)).toBe(0);
    await axe(page, 'list phone');
    await shot(page, 'phone-liste');
    await page.goto(`${f.stack.dashboard.url}/erfassung/dataset/${ids.hhDataset}`);
    await page.locator('#feld-title').waitFor({ timeout: LOAD_MS });
    await page.fill('#feld-bbox', '9.7, 53.4, 10.3, 53.7');
    await page.press('#feld-bbox', 'Tab');
    expect(await overflow(page)).toBe(0);
    await axe(page, 'dataset form phone');
    await shot(page, 'phone-formular');
    await page.click('#formular-speichern');
    await page.locator('.erfassung-status', { hasText: 'Gespeichert' }).waitFor();
    expect((await record(`/datasets/${ids.hhDataset}`)).body['bbox']).toEqual([
      9.7, 53.4, 10.3, 53.7,
    ]);
    await page.goto(`${f.stack.dashboard.url}/erfassung/neu/endpoint`);
    await page.locator('#feld-url').waitFor({ timeout: LOAD_MS });
    await axe(page, 'new endpoint phone');
    await page.goto(`${f.stack.dashboard.url}/erfassung/neu/organisation`);
    await page.locator('#feld-level').waitFor({ timeout: LOAD_MS });
    await axe(page, 'new organisation phone');
    await page.goto(`${f.stack.dashboard.url}/erfassung/neu/twin`);
    await page.locator('#feld-maturityLevel').waitFor({ timeout: LOAD_MS });
    await axe(page, 'new twin phone');
    await page.goto(`${f.stack.dashboard.url}/erfassung`);
    await page.locator('#erfassung-token, #erfassung-tabelle').first().waitFor();
    await page.click('#erfassung-abmelden');
    await page.locator('#erfassung-token').waitFor({ timeout: LOAD_MS });
    expect(await page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY)).toBeNull();
    await axe(page, 'sign-in phone');
    expect(errors).toEqual([]);
  });

  it("Brandenburg's editor sees none of Hamburg's non-public entries and is offered nothing on Hamburg's", async () => {
    const { page, errors } = await open('desktop');
    await page.goto(`${f.stack.dashboard.url}/erfassung`);
    await page.fill('#erfassung-token', f.bbToken);
    await page.click('#erfassung-anmelden');
    await page.locator('#erfassung-tabelle').waitFor({ timeout: LOAD_MS });
    // Negative control: the token works for Brandenburg — its own entries, the hidden one too.
    expect(await row(page, ids.bbPublic).count()).toBe(1);
    expect(await row(page, ids.bbHidden).count()).toBe(1);
    const text = (await page.textContent('main')) ?? '';
    expect(text).not.toContain(HH_HIDDEN);
    expect(text).not.toContain('Hamburg (E2E)');
    const html = await page.content();
    for (const id of hamburgIds) expect(html).not.toContain(id);
    // Straight to Hamburg's records: the hidden one is unknown, the public one not editable.
    await page.goto(`${f.stack.dashboard.url}/erfassung/platform/${ids.hhHidden}`);
    await page.locator('.kern-alert', { hasText: 'gibt es nicht' }).waitFor();
    expect(await page.textContent('main')).not.toContain(HH_HIDDEN);
    expect(await page.locator('#ansicht form').count()).toBe(0);
    await page.goto(`${f.stack.dashboard.url}/erfassung/platform/${ids.hh[0]}`);
    await page.locator('.kern-alert', { hasText: 'gehört zu Hamburg' }).waitFor();
    expect(
      await page
        .locator('#ansicht form, #ansicht input, #ansicht select, #ansicht textarea')
        .count(),
    ).toBe(0);
    await axe(page, 'not yours desktop');
    await shot(page, 'desktop-brandenburg-fremd');
    expect(errors).toEqual([]);
  });

  it('the AG sees Hamburg declared complete and Brandenburg open on the dashboard; closed, the round is in the report', async () => {
    const { page, errors } = await open('desktop');
    await page.goto(`${f.stack.dashboard.url}/?measure=round`);
    // Until reporting projected Hamburg's declaration: a deadline, no fixed sleep.
    await page.waitForFunction(
      () =>
        document
          .querySelector('#laender tr[data-code="DE-HH"] [data-round-state]')
          ?.getAttribute('data-round-state') === 'declared',
      null,
      { timeout: LOAD_MS },
    );
    // offen, bestätigt, aktualisiert, zurückgezogen, neu, nichts mehr hinzuzufügen, Stand
    const hamburgRow = await cells(page, 'DE-HH');
    expect(Number(hamburgRow[1])).toBeGreaterThanOrEqual(3);
    expect(hamburgRow.slice(3, 5)).toEqual(['1', '1']);
    // Declared complete, with the entries it did not answer still open (its twin, dataset …).
    expect(hamburgRow[5]).toMatch(/^ja, /);
    expect(Number(hamburgRow[0])).toBeGreaterThan(0);
    expect(hamburgRow[6]).toBe(`erklärt, ${hamburgRow[0]} offen`);
    // Brandenburg's editor only looked: open.
    expect(
      await page
        .locator('#laender tr[data-code="DE-BB"] [data-round-state]')
        .getAttribute('data-round-state'),
    ).toBe('none');
    expect((await cells(page, 'DE-BB'))[6]).toBe('nicht begonnen');
    await axe(page, 'dashboard round');
    await shot(page, 'desktop-dashboard-runde');
    expect(errors).toEqual([]);

    // An open round is not in the report (the control); closed, its result is.
    expect(await reportText()).not.toContain('Erhebungsrunde E2E');
    expect((await f.stack.api('POST', `/rounds/${f.roundId}/close`)).status).toBe(200);
    // Until reporting projected the close: a deadline.
    const text = await eventually(
      async () => {
        const t = await reportText();
        expect(t).toContain('Erhebungsrunde E2E');
        return t;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const round = text.slice(text.indexOf('Erhebungsrunde E2E')).replace(/\s+/g, ' ');
    expect(round).toContain('1 von 2 Ländern haben die Runde abgeschlossen');
    expect(round).toMatch(/Hamburg [\d ]+ja, \d{2}\.\d{2}\.\d{4}/);
    expect(round).toMatch(/Brandenburg [\d ]+nein/);
  });

  it('never puts a token into a request URL (and the recorder did see them in headers)', () => {
    const withToken = requests.filter(
      (r) => r.url.includes(f.hhToken) || r.url.includes(f.bbToken),
    );
    expect(withToken).toEqual([]);
    // Control: the recorder saw the requests that carried the tokens, in the header.
    const headers = new Set(requests.map((r) => r.authorization));
    expect(headers.has(`Bearer ${f.hhToken}`)).toBe(true);
    expect(headers.has(`Bearer ${f.bbToken}`)).toBe(true);
    expect(requests.filter((r) => r.url.includes('/registry-api/')).length).toBeGreaterThan(10);
  });

  it('never writes a token into the browser console or the services log', () => {
    for (const line of consoleLines) {
      expect(line).not.toContain(f.hhToken);
      expect(line).not.toContain(f.bbToken);
    }
    const log = readFileSync(f.stack.registry.logFile, 'utf8');
    expect(log).not.toContain(f.hhToken);
    expect(log).not.toContain(f.bbToken);
    // Control: the log does hold requests with their headers (the wrong token's 401, the 412),
    // the Authorization header redacted.
    expect(log).toContain('"authorization":"[Redacted]"');
    const dashboardLog = readFileSync(f.stack.dashboard.logFile, 'utf8');
    expect(dashboardLog).not.toContain(f.hhToken);
    expect(dashboardLog).not.toContain(f.bbToken);
  });
});
