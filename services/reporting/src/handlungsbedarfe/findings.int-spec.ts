import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { COVERAGE_LABELS } from '../exports/labels';
import { ReportingUnderTest } from '../reporting.test-helper';
import {
  BE_DATASET,
  BE_GEOPORTAL,
  BE_PORTAL,
  brokenWithoutHyphen,
  EXTRA,
  germanNumber,
  HH_GEOPORTAL,
  HH_PORTAL,
  HH_TWIN,
  Page,
  parseGermanExcel,
  useFindings,
} from './findings.test-helper';

/**
 * Handlungsbedarfe an official can act on (issue 21, parts 4 and 9), against real PostgreSQL and
 * Kafka: findings with their entry and sentence, every filter, paging past any cap, groups, the
 * v2 interface rule, the method page, the German-Excel CSV and the per-Land PDF.
 */
describe('Handlungsbedarfe to act on, method, CSV for German Excel, per-Land PDF', () => {
  // Reporting with the records and their findings, raw() and all(): findings.test-helper.ts.
  const findings = useFindings();
  const { raw, all } = findings;
  let r: ReportingUnderTest;
  let work: string;
  beforeAll(() => ({ r, work } = findings.started()));

  it('names the entry and explains the evidence in one sentence, without field names or rule ids', async () => {
    const { items } = await all('landCode=DE-HH');
    const geoportal = items.find((f) => f.entry.id === HH_GEOPORTAL);
    expect(geoportal).toMatchObject({
      ruleId: 'platform-without-machine-readable-interface',
      ruleVersion: 2,
      entry: { id: HH_GEOPORTAL, kind: 'platform', title: 'Geoportal Hamburg' },
      severityLabel: { de: 'mittel', en: 'medium' },
    });
    expect(geoportal?.explanation.de).toBe(
      'Die Plattform „Geoportal Hamburg“ (Geoportal) nennt keine maschinenlesbare Schnittstelle (kein CSW-, WFS-, OGC-API-, SensorThings-, DCAT- oder CKAN-Endpunkt; verknüpft ist nur WMS).',
    );
    expect(items.find((f) => f.entry.id === HH_TWIN)?.explanation.de).toContain(
      'digitalen Zwilling „Zwilling Elbe“',
    );
    for (const f of items) {
      for (const text of [f.explanation.de, f.explanation.en]) {
        expect(text).not.toMatch(/linkedServiceTypes|plannedNotPublic|platformType|[{}]/);
        expect(text).not.toContain(f.ruleId);
      }
      expect(f.entry.title).not.toBe('');
    }
  });

  it('v2 counts DCAT-AP.de and a CKAN API as machine-readable; WMS and nothing do not', async () => {
    const { items } = await all('ruleId=platform-without-machine-readable-interface');
    const flagged = items.map((f) => f.entry.id);
    expect(flagged).toEqual(expect.arrayContaining([HH_GEOPORTAL, BE_GEOPORTAL]));
    expect(flagged).not.toContain(HH_PORTAL);
    expect(flagged).not.toContain(BE_PORTAL);
  });

  it('applies every filter: Land, severity, rule, kind (several) and theme', async () => {
    const twins = await all('kind=twin');
    expect(twins.items.map((f) => f.entry.id)).toEqual([HH_TWIN]);
    const both = await all('kind=twin,dataset');
    expect(new Set(both.items.map((f) => f.recordKind))).toEqual(new Set(['twin', 'dataset']));
    // Negative control: a platform finding is not among twins and datasets.
    expect(both.items.map((f) => f.entry.id)).not.toContain(HH_GEOPORTAL);
    const envi = await all('theme=ENVI');
    expect(envi.items.length).toBeGreaterThan(0);
    for (const f of envi.items) expect(f.landCode).toBe('DE-BE');
    expect(envi.items.map((f) => f.ruleId)).toContain('dataset-without-open-licence');
    expect((await all('theme=AGRI')).items).toEqual([]);
    const beMedium = await all('landCode=DE-BE&severity=medium&kind=platform');
    // Berlin's medium platform findings: its geoportal and its lack of an urban data platform.
    expect(beMedium.items.map((f) => f.entry.id).sort()).toEqual([BE_GEOPORTAL, 'DE-BE']);
    for (const bad of ['kind=person', 'kind=twin,,dataset', 'theme=A1', 'severity=urgent']) {
      const response = await raw(`/api/v1/findings?${bad}`);
      expect(response.statusCode).toBe(400);
    }
  });

  it('pages without a cap: next links through every finding, total of all pages', async () => {
    const first = await r.get<Page>('/api/v1/findings?limit=7');
    const paged = await all('', 7);
    expect(paged.items).toHaveLength(first.total);
    expect(paged.pages).toBe(Math.ceil(first.total / 7) + (first.total % 7 === 0 ? 1 : 0));
    expect(new Set(paged.items.map((f) => f.id)).size).toBe(first.total);
    expect(first.total).toBeGreaterThan(EXTRA + 16);
    // The filters travel with the next link.
    const nrw = await r.get<Page>('/api/v1/findings?landCode=DE-NW&kind=platform&limit=10');
    expect(nrw.next).toMatch(/landCode=DE-NW/);
    expect(nrw.next).toMatch(/kind=platform/);
    expect((await all('landCode=DE-NW&kind=platform', 10)).items).toHaveLength(nrw.total);
  });

  it('groups by rule and by Land with counts per severity that add up', async () => {
    const total = (await r.get<Page>('/api/v1/findings?limit=1')).total;
    for (const by of ['rule', 'land']) {
      const view = await r.get<{
        total: number;
        groups: {
          key: string;
          label: { de: string; en: string };
          count: number;
          bySeverity: Record<string, number>;
          findings: string;
        }[];
      }>(`/api/v1/findings/groups?by=${by}`);
      expect(view.total).toBe(total);
      expect(view.groups.reduce((s, g) => s + g.count, 0)).toBe(total);
      for (const g of view.groups) {
        expect(Object.values(g.bySeverity).reduce((s, n) => s + n, 0)).toBe(g.count);
        expect((await r.get<Page>(`${g.findings}&limit=1`)).total).toBe(g.count);
      }
      if (by === 'land') {
        const nrw = view.groups.find((g) => g.key === 'DE-NW');
        expect(nrw?.label.de).toBe('Nordrhein-Westfalen');
        expect(nrw?.count).toBeGreaterThanOrEqual(EXTRA);
      } else
        expect(
          view.groups.find((g) => g.key === 'platform-without-machine-readable-interface'),
        ).toMatchObject({
          count: EXTRA + 2,
          label: { en: 'Platform without a machine-readable interface' },
        });
    }
    const filtered = await r.get<{ groups: { key: string }[] }>(
      '/api/v1/findings/groups?by=rule&kind=twin',
    );
    expect(filtered.groups.map((g) => g.key)).toEqual(['twin-without-open-3d-format']);
    expect((await raw('/api/v1/findings/groups?by=colour')).statusCode).toBe(400);
    expect((await r.get<{ by: string }>('/api/v1/findings/groups')).by).toBe('rule');
  }, 60_000);

  it('explains the method in German or English', async () => {
    const de = await r.get<{ lang: string; handlungsbedarfe: { rules: { title: string }[] } }>(
      '/api/v1/method',
    );
    expect(de.lang).toBe('de');
    const en = await raw('/api/v1/method', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.json().lang).toBe('en');
    expect(en.json().handlungsbedarfe.rules[0].title).toBe('Land without an open data portal');
    expect((await r.get<{ lang: string }>('/api/v1/method?lang=en')).lang).toBe('en');
    expect((await raw('/api/v1/method?lang=fr')).statusCode).toBe(400);
  });

  it('writes findings.csv for German Excel, in sentences, honouring the filters', async () => {
    const response = await raw('/api/v1/exports/findings.csv?kind=platform&delimiter=semicolon');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="inventar-handlungsbedarfe-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parseGermanExcel(response.rawPayload);
    const header = rows[0];
    const col = (name: string) => header.indexOf(name);
    expect(col('Befund')).toBeGreaterThan(0);
    expect(col('Betrifft')).toBeGreaterThan(0);
    // Every row has as many cells as the header: no semicolon leaked out of a sentence.
    for (const row of rows) expect(row).toHaveLength(header.length);
    const geoportal = rows.find((row) => row[col('Betrifft')] === 'Geoportal Hamburg');
    expect(geoportal?.[col('Befund')]).toMatch(/^Die Plattform „Geoportal Hamburg“/);
    expect(geoportal?.[col('Schweregrad')]).toBe('mittel');
    expect(geoportal?.[col('Erstmals festgestellt (Ortszeit)')]).toMatch(
      /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/,
    );
    // Negative control: the twin's finding is filtered out by kind=platform.
    expect(rows.map((row) => row[col('Betrifft')])).not.toContain('Zwilling Elbe');
    expect(response.body).not.toMatch(/[{}]|linkedServiceTypes/);
    const api = await r.get<Page>('/api/v1/findings?kind=platform&limit=1');
    expect(rows).toHaveLength(1 + api.total);
  });

  it('writes decimal commas in CSV for German Excel (and points in RFC 4180 CSV)', async () => {
    const german = parseGermanExcel(
      (await raw('/api/v1/exports/items.csv?landCode=DE-BE&kind=dataset&delimiter=semicolon'))
        .rawPayload,
    );
    const west = german[0].indexOf('West');
    const dataset = german.find((row) => row[1] === BE_DATASET) as string[];
    expect(dataset[west]).toBe('13,1');
    expect(germanNumber(dataset[west])).toBe(13.1);
    expect(germanNumber(dataset[german[0].indexOf('Nord')])).toBe(52.7);
    const rfc = (await raw('/api/v1/exports/items.csv?landCode=DE-BE&kind=dataset')).body;
    expect(rfc).toContain('13.1');
    // The kind filter is honoured: Berlin's platforms are not in the dataset export …
    expect(german.map((row) => row[1])).not.toContain(BE_PORTAL);
    // … and several kinds, as the dashboard shows platforms and twins, leave datasets out.
    const shown = parseGermanExcel(
      (await raw('/api/v1/exports/items.csv?landCode=DE-BE&kind=platform,twin&delimiter=semicolon'))
        .rawPayload,
    ).map((row) => row[1]);
    expect(shown).toEqual(expect.arrayContaining([BE_PORTAL, BE_GEOPORTAL]));
    expect(shown).not.toContain(BE_DATASET);
    expect((await raw('/api/v1/exports/items.csv?kind=platform,person')).statusCode).toBe(400);
  });

  it('renders a per-Land PDF with its entries and findings, headers broken only at hyphens', async () => {
    const response = await raw('/api/v1/exports/report.pdf?land=HH');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/laenderbericht-hh-.*\.pdf"$/);
    const file = join(work, 'hh.pdf');
    writeFileSync(file, response.rawPayload);
    // pdf.js in a plain Node process (jest lacks its dynamic import): the text of every marked
    // content sequence (a tagged cell, heading or paragraph) as its lines.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
       import { readFileSync } from 'node:fs';
       const pdf = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])) }).promise;
       const cells = [];
       let current = null;
       for (let n = 1; n <= pdf.numPages; n++) {
         const page = await pdf.getPage(n);
         for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
           if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') current = [];
           else if (item.type === 'endMarkedContent') { if (current?.length) cells.push(current); current = null; }
           else if (current && item.str.trim() !== '') current.push(item.str);
         }
       }
       console.log(JSON.stringify(cells));`,
        file,
      ],
      { cwd: process.cwd(), maxBuffer: 32 * 1024 * 1024 },
    );
    const cells = JSON.parse(stdout) as string[][];
    const text = cells.map((lines) => lines.join('\n')).join('\n');
    expect(text).toContain('Länderbericht Hamburg');
    expect(text).toContain('Geoportal Hamburg');
    expect(text).toContain('Zwilling Elbe');
    // Negative control: Berlin's entries are not in Hamburg's report.
    expect(text).not.toContain('Geoportal Berlin');
    expect(text).not.toContain('Übersicht je Land');
    // The findings in sentences.
    expect(text.replace(/\n/g, ' ')).toContain('Die Plattform „Geoportal Hamburg“');
    // Headers of the coverage matrices: found (letters joined) and broken only at hyphens.
    const labels = Object.values(COVERAGE_LABELS.platformType).concat(
      Object.values(COVERAGE_LABELS.twinUseCase),
    );
    const letters = (t: string) => t.replace(/[\s-]/g, '');
    let checked = 0;
    for (const label of labels) {
      const drawn = cells.filter((lines) => letters(lines.join('')) === letters(label));
      expect({ label, found: drawn.length > 0 }).toEqual({ label, found: true });
      for (const lines of drawn) {
        expect({ label, bad: brokenWithoutHyphen(label, lines) }).toEqual({ label, bad: [] });
        if (lines.length > 1) checked++;
      }
    }
    // Some headers did need more than one line (the check saw breaks).
    expect(checked).toBeGreaterThan(3);
    // Negative control of the check: PDFKit's own wrapping of a too narrow cell.
    expect(brokenWithoutHyphen('Katastrophenschutz', ['Katastro', 'phensch', 'utz'])).toEqual([
      'Katastro|phensch',
      'phensch|utz',
    ]);
    expect((await raw('/api/v1/exports/report.pdf?land=XX')).statusCode).toBe(400);
  }, 120_000);
});
