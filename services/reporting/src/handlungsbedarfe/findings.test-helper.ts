import { PlatformType, ServiceType } from '@dpi/contracts';
import { eventually } from '@dpi/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportingUnderTest, startReporting } from '../reporting.test-helper';

/**
 * The set-up of findings.int-spec.ts (issue 21, parts 4 and 9): the records whose findings it
 * reads, reporting with them projected and evaluated, the finding shapes and the readers of
 * German-Excel CSV and of a PDF cell's line breaks.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const HH_GEOPORTAL = id(1); // only a WMS: flagged
export const HH_PORTAL = id(2); // declares DCAT-AP.de: not flagged by v2 (v1 flagged it)
export const BE_PORTAL = id(3); // a CKAN API: not flagged by v2
export const BE_GEOPORTAL = id(4); // nothing linked: flagged
export const HH_TWIN = id(5); // no open 3D format: flagged
const [HH_WMS, BE_CKAN] = [id(6), id(7)];
export const BE_DATASET = id(8);
export const EXTRA = 30; // platforms without interface in DE-NW, for paging

/** German Excel opening a CSV: BOM, semicolons, quoted fields with doubled quotes, CRLF. */
export function parseGermanExcel(body: Buffer): string[][] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.subarray(3).toString('utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** A cell as German Excel reads a number: decimal comma, no thousands separator here. */
export const germanNumber = (cell: string): number | null =>
  /^-?\d+(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : null;

/**
 * Line breaks inside the words of `label` as a cell drew it (`lines`): each break must be at a
 * space of the label or after a hyphen; returns the breaks that are neither ("Stadtplan|ung").
 */
export function brokenWithoutHyphen(label: string, lines: string[]): string[] {
  const bad: string[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    const end = lines[i].trimEnd();
    const next = lines[i + 1].trimStart();
    if (end.endsWith('-')) continue;
    const lastWord = end.split(' ').pop() ?? '';
    const firstWord = (next.split(' ')[0] ?? '').replace(/-$/, '');
    if (!label.includes(`${lastWord} ${firstWord}`)) bad.push(`${lastWord}|${firstWord}`);
  }
  return bad;
}

export interface Finding {
  id: string;
  ruleId: string;
  ruleVersion: number;
  landCode: string | null;
  recordKind: string;
  entry: { id: string; kind: string; title: string };
  explanation: { de: string; en: string };
  severityLabel: { de: string; en: string };
}
export interface Page {
  items: Finding[];
  total: number;
  next: string | null;
  nextCursor: string | null;
}

export interface FindingsUnderTest {
  /** What beforeAll set up: reporting and a scratch directory. */
  started(): { r: ReportingUnderTest; work: string };
  /** A GET through Fastify's inject, its status unchecked. */
  raw(
    url: string,
    headers?: Record<string, string>,
  ): ReturnType<ReportingUnderTest['app']['inject']>;
  /** Every finding of `query`, following `next` links. */
  all(query: string, limit?: number): Promise<{ items: Finding[]; pages: number }>;
}

/**
 * Starts reporting (findings debounced 50 ms, no gap between runs), sends the records and waits
 * until their findings are there in beforeAll; closes it in afterAll.
 */
export function useFindings(): FindingsUnderTest {
  let r: ReportingUnderTest;
  let work: string;
  const raw = (url: string, headers: Record<string, string> = {}) =>
    r.app.inject({ method: 'GET', url, headers });

  /** Every finding of `query`, following `next` links. */
  async function all(query: string, limit = 500): Promise<{ items: Finding[]; pages: number }> {
    const items: Finding[] = [];
    let url: string | null = `/api/v1/findings?${query}${query ? '&' : ''}limit=${limit}`;
    let pages = 0;
    while (url) {
      const page: Page = await r.get<Page>(url);
      items.push(...page.items);
      url = page.next;
      pages++;
    }
    return { items, pages };
  }

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dpi-findings-'));
    r = await startReporting('findings', {
      FINDINGS_DEBOUNCE_MS: '50',
      FINDINGS_GAP_PER_RUN_TIME: '0',
    });
    await r.producer.send([
      r.events.endpoint(HH_WMS, 1, { serviceType: ServiceType.WMS }),
      r.events.endpoint(BE_CKAN, 1, { landCode: 'DE-BE', serviceType: ServiceType.CKAN_API }),
      r.events.platform(HH_GEOPORTAL, 1, { name: 'Geoportal Hamburg', endpointIds: [HH_WMS] }),
      r.events.platform(HH_PORTAL, 1, {
        name: 'Transparenzportal Hamburg',
        type: PlatformType.OPEN_DATA_PORTAL,
        standards: ['dcat-ap-de'],
      }),
      r.events.platform(BE_PORTAL, 1, {
        landCode: 'DE-BE',
        name: 'Berlin Open Data',
        type: PlatformType.OPEN_DATA_PORTAL,
        endpointIds: [BE_CKAN],
      }),
      r.events.platform(BE_GEOPORTAL, 1, { landCode: 'DE-BE', name: 'Geoportal Berlin' }),
      r.events.twin(HH_TWIN, 1, { name: 'Zwilling Elbe', formats: [] }),
      r.events.dataset(BE_DATASET, 1, {
        landCode: 'DE-BE',
        themes: ['ENVI'],
        licence: '',
        bbox: [13.1, 52.35, 13.75, 52.7],
      }),
      ...Array.from({ length: EXTRA }, (_, i) =>
        r.events.platform(id(100 + i), 1, { landCode: 'DE-NW', name: `NRW-Plattform ${i}` }),
      ),
    ]);
    await eventually(
      async () => {
        const page = await r.get<Page>(
          '/api/v1/findings?ruleId=platform-without-machine-readable-interface&limit=1',
        );
        expect(page.total).toBe(EXTRA + 2);
        const twin = await r.get<Page>('/api/v1/findings?kind=twin&limit=1');
        expect(twin.total).toBe(1);
        const licence = await r.get<Page>('/api/v1/findings?ruleId=dataset-without-open-licence');
        expect(licence.total).toBe(1);
      },
      { timeoutMs: 90_000 },
    );
  }, 180_000);

  afterAll(async () => {
    await r?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  return { started: () => ({ r, work }), raw, all };
}
