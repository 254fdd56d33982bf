/**
 * The set-up of erfassung.e2e-spec.ts: the entry UI's stack with Hamburg's and Brandenburg's
 * records, a Land token each and an open survey round; a browser whose contexts record every
 * request and console line; and the helpers the tests share (pages, screenshots, axe, the round's
 * record states, a record with its ETag, the PDF report's text).
 */
import { WORKSPACE_ROOT } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, seriousViolations, VIEWPORTS } from '../dashboard/browser';
import { type ErfassungStack, startErfassungStack } from './stack';

const SHOTS = join(WORKSPACE_ROOT, '.infra/test-artifacts/erfassung');

/** A PDF's text, by pdf-parse (pdf.js) in a plain Node process (its worker needs what jest lacks). */
async function pdfText(bytes: Buffer): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'erfassung-pdf-')), 'report.pdf');
  writeFileSync(file, bytes);
  const { stdout } = await promisify(execFile)(process.execPath, [
    '-e',
    `const { PDFParse } = require('pdf-parse');
     const parser = new PDFParse({ data: require('node:fs').readFileSync(process.argv[1]) });
     parser.getText().then(({ text }) => console.log(JSON.stringify(text)));`,
    file,
  ]);
  return JSON.parse(stdout) as string;
}
export const HH = (n: number) => `Plattform Hamburg ${n} (E2E)`;
export const HH_HIDDEN = 'Interne Hafenplattform Hamburg (E2E)';
export const HH_TWIN = 'Digitaler Zwilling Hamburg (E2E)';
const BB_PUBLIC = 'Geoportal Brandenburg (E2E)';
const BB_HIDDEN = 'Interne Plattform Brandenburg (E2E)';
export const NEW_NAME = 'Neue Plattform Hamburg (E2E)';
export const SESSION_KEY = 'dpi.erfassung';
/** Deadline of a page load: one busy core (taskset -c 0) takes long to parse the bundle. */
export const LOAD_MS = 90_000;

interface RoundRecord {
  id: string;
  status: string;
  reason: string | null;
}

export interface ErfassungFixture {
  /** Set in beforeAll. */
  readonly stack: ErfassungStack;
  readonly hhToken: string;
  readonly bbToken: string;
  readonly roundId: string;
  ids: {
    hh: string[];
    hhHidden: string;
    hhTwin: string;
    hhDataset: string;
    hhEndpoint: string;
    hhOrganisation: string;
    bbPublic: string;
    bbHidden: string;
  };
  /** Every Hamburg record of the round: the platforms, the hidden one, twin, dataset, endpoint, organisation. */
  hamburgIds: string[];
  /** Every request URL every context sent, and the Authorization headers seen (the control). */
  requests: { url: string; authorization?: string }[];
  /** Everything the pages wrote to the browser console. */
  consoleLines: string[];
  /** A new browser context and page; with a token, as a tab that already signed in. */
  open(
    viewport: keyof typeof VIEWPORTS,
    token?: string,
  ): Promise<{ page: Page; errors: string[]; context: BrowserContext }>;
  shot(page: Page, name: string): Promise<Buffer>;
  axe(page: Page, where: string): Promise<void>;
  /** How far the page is wider than the screen. */
  overflow(page: Page): Promise<number>;
  /** The round's records by id with their state. */
  roundRecords(): Promise<Map<string, RoundRecord>>;
  /** A registry record (as admin) with its ETag. */
  record(path: string): Promise<{ etag: string; body: Record<string, unknown> }>;
  row(page: Page, id: string): ReturnType<Page['locator']>;
  /** The cells of a Land's row in the dashboard's Länder table, trimmed. */
  cells(page: Page, code: string): Promise<string[]>;
  /** The text of reporting's PDF report. */
  reportText(): Promise<string>;
}

/** Starts the stack, imports the records, issues the tokens and opens the round in beforeAll. */
export function useErfassung(): ErfassungFixture {
  let stack: ErfassungStack;
  let browser: Browser;
  let hhToken: string;
  let bbToken: string;
  let roundId: string;
  const ids = {
    hh: [1, 2, 3, 4, 5].map(() => randomUUID()),
    hhHidden: randomUUID(),
    hhTwin: randomUUID(),
    hhDataset: randomUUID(),
    hhEndpoint: randomUUID(),
    hhOrganisation: randomUUID(),
    bbPublic: randomUUID(),
    bbHidden: randomUUID(),
  };
  const requests: { url: string; authorization?: string }[] = [];
  const contexts: BrowserContext[] = [];
  const consoleLines: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startErfassungStack();
    const hh = { landCode: 'DE-HH' };
    const platform = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
      kind: 'platform',
      id,
      data: { name, type: 'geoportal', status: 'production', ...extra },
    });
    const items = [
      ...ids.hh.map((id, i) => platform(id, HH(i + 1), hh)),
      platform(ids.hhHidden, HH_HIDDEN, { ...hh, accessRights: 'NON_PUBLIC' }),
      {
        kind: 'twin',
        id: ids.hhTwin,
        data: { ...hh, name: HH_TWIN, scope: 'municipality', kind: 'urban', maturityLevel: 2 },
      },
      { kind: 'dataset', id: ids.hhDataset, data: { ...hh, title: 'Baumkataster Hamburg (E2E)' } },
      {
        kind: 'endpoint',
        id: ids.hhEndpoint,
        data: {
          ...hh,
          name: 'WMS Hamburg (E2E)',
          serviceType: 'wms',
          url: 'https://geodienste.hamburg.de/wms',
        },
      },
      {
        kind: 'organisation',
        id: ids.hhOrganisation,
        data: {
          ...hh,
          name: 'Landesbetrieb Geoinformation Hamburg (E2E)',
          type: 'surveyingAuthority',
          level: 'state',
        },
      },
      platform(ids.bbPublic, BB_PUBLIC, { landCode: 'DE-BB' }),
      platform(ids.bbHidden, BB_HIDDEN, { landCode: 'DE-BB', accessRights: 'NON_PUBLIC' }),
    ];
    const imported = await stack.api('POST', '/imports', items);
    expect({
      status: imported.status,
      body: imported.status === 200 ? '' : await imported.text(),
    }).toEqual({
      status: 200,
      body: '',
    });
    hhToken = await stack.token('redaktion-hamburg-e2e', 'DE-HH');
    bbToken = await stack.token('redaktion-brandenburg-e2e', 'DE-BB');
    // The admin opens the round (API).
    const opened = await stack.api('POST', '/rounds', {
      title: 'Erhebungsrunde E2E',
      referenceDate: '2026-12-01',
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      kinds: ['platform', 'digital-twin', 'dataset', 'endpoint', 'organisation'],
      landCodes: ['DE-HH', 'DE-BB'],
    });
    expect({
      status: opened.status,
      body: opened.status === 201 ? '' : await opened.text(),
    }).toEqual({
      status: 201,
      body: '',
    });
    roundId = ((await opened.json()) as { id: string }).id;
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  async function open(viewport: keyof typeof VIEWPORTS, token?: string) {
    const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'de-DE' });
    contexts.push(context);
    context.on('request', (request) =>
      requests.push({ url: request.url(), authorization: request.headers()['authorization'] }),
    );
    if (token) {
      // A tab that already signed in (the session as session.ts keeps it).
      const principal = await (
        await fetch(`${stack.registry.url}/api/v1/auth/principal`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json();
      await context.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [
        SESSION_KEY,
        JSON.stringify({ token, principal }),
      ] as const);
    }
    const page = await context.newPage();
    page.on('console', (message) => consoleLines.push(message.text()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, errors, context };
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const axe = async (page: Page, where: string) =>
    expect({ where, violations: await seriousViolations(page) }).toEqual({ where, violations: [] });
  const overflow = (page: Page) =>
    page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
  const roundRecords = async (): Promise<Map<string, RoundRecord>> => {
    const page = (await (
      await stack.api('GET', `/rounds/${roundId}/records?limit=500`)
    ).json()) as {
      items: RoundRecord[];
    };
    return new Map(page.items.map((r) => [r.id, r]));
  };
  const record = async (path: string) => {
    const response = await stack.api('GET', path);
    return {
      etag: response.headers.get('etag') ?? '',
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  const row = (page: Page, id: string) => page.locator(`#erfassung-tabelle tr[data-id="${id}"]`);
  const cells = async (page: Page, code: string) =>
    (await page.locator(`#laender tr[data-code="${code}"] td`).allTextContents()).map((t) =>
      t.trim(),
    );
  const reportText = async () => {
    const response = await fetch(`${stack.reporting.url}/api/v1/exports/report.pdf`);
    expect(response.status).toBe(200);
    return pdfText(Buffer.from(await response.arrayBuffer()));
  };

  return {
    get stack() {
      return stack;
    },
    get hhToken() {
      return hhToken;
    },
    get bbToken() {
      return bbToken;
    },
    get roundId() {
      return roundId;
    },
    ids,
    hamburgIds: [
      ...ids.hh,
      ids.hhHidden,
      ids.hhTwin,
      ids.hhDataset,
      ids.hhEndpoint,
      ids.hhOrganisation,
    ],
    requests,
    consoleLines,
    open,
    shot,
    axe,
    overflow,
    roundRecords,
    record,
    row,
    cells,
    reportText,
  };
}
