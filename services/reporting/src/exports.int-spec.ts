import { EndpointAuthentication, PlatformType, ServiceType } from '@dpi/contracts';
import { eventually } from '@dpi/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ReportingUnderTest, startReporting } from './reporting.test-helper';

const BULK = 2100; // more than two export pages of 1000

/** Ids that sort first, so these records are on the catalogue's first page. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [HH_PLATFORM, BY_PLATFORM, BY_PLATFORM_2, HH_TWIN, HH_DATASET, BE_DATASET, FED_DATASET] = [
  1, 2, 3, 4, 5, 6, 7,
].map(id);
const HH_ENDPOINT = id(8);
const HH_ORG = id(9);
const TRICKY_TITLE = 'Straßenbäume "Elbe", Hamburg';

/** RFC 4180 parser (quoted fields with doubled quotes, CRLF records) for checking the export. */
function parseCsv(text: string, delimiter = ','): string[][] {
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
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** A Datenbereitsteller-ID as GovData assigns them (made up: the AG has none yet). */
const CONTRIBUTOR_ID = 'http://dcat-ap.de/def/contributors/agIntegrierteDatenplattformen';

describe('exports: CSV and PDF report (real PostgreSQL and Kafka; DCAT-AP.de and OGC API Records: exports/dcat, exports/ogc)', () => {
  let r: ReportingUnderTest;
  let work: string;

  const raw = async (url: string, headers: Record<string, string> = {}) => {
    const response = await r.app.inject({ method: 'GET', url, headers });
    return response;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'dpi-exports-'));
    r = await startReporting('exports', {
      FINDINGS_DEBOUNCE_MS: '50',
      DCAT_CONTRIBUTOR_ID: CONTRIBUTOR_ID,
    });
    const point = (lon: number, lat: number) =>
      JSON.stringify({ type: 'Point', coordinates: [lon, lat] });
    await r.producer.send([
      r.events.organisation(HH_ORG, 1, 'DE-HH'),
      r.events.endpoint(HH_ENDPOINT, 1, {
        landCode: 'DE-HH',
        name: 'WFS Straßenbaumkataster',
        serviceType: ServiceType.WFS,
        url: 'https://geodienste.hamburg.de/HH_WFS_Strassenbaumkataster',
        authentication: EndpointAuthentication.NONE,
      }),
      r.events.platform(HH_PLATFORM, 1, {
        name: 'Urban Data Platform Hamburg',
        type: PlatformType.URBAN_DATA_PLATFORM,
        operatorOrganisationId: HH_ORG,
        endpointIds: [HH_ENDPOINT],
        geometryGeojson: point(10.0, 53.55),
      }),
      r.events.platform(BY_PLATFORM, 1, {
        landCode: 'DE-BY',
        name: 'Geoportal Bayern',
        geometryGeojson: point(11.5, 48.1),
      }),
      r.events.platform(BY_PLATFORM_2, 1, { landCode: 'DE-BY', name: '=BayernAtlas' }),
      r.events.twin(HH_TWIN, 1, {
        name: 'Digitaler Zwilling Elbe',
        geometryGeojson: point(9.99, 53.54),
      }),
      r.events.dataset(HH_DATASET, 1, {
        title: TRICKY_TITLE,
        description: 'Bäume an Straßen\r\nmit Art und Pflanzjahr',
        publisher: 'Freie und Hansestadt Hamburg, LGV',
        contactName: 'Geodatenmanagement',
        themes: ['ENVI', 'REGI'],
        keywords: ['opendata', 'Bäume'],
        accrualPeriodicity: 'ANNUAL',
        issued: '2022-02-14',
        modified: '2024-02-22T14:28:09Z',
        temporalStart: '2021-01-01',
        endpointIds: [HH_ENDPOINT],
        distributions: [
          {
            format: 'CSV',
            mediaType: 'text/csv',
            accessUrl: 'https://example.org/baeume.csv',
            downloadUrl: 'https://example.org/baeume.csv',
          },
          {
            format: 'WFS',
            accessUrl: 'https://geodienste.hamburg.de/HH_WFS_Strassenbaumkataster',
            accessServiceId: HH_ENDPOINT,
          },
        ],
      }),
      r.events.dataset(BE_DATASET, 1, {
        landCode: 'DE-BE',
        title: 'Berliner Datensatz ohne Lizenz',
        licence: '',
        openData: false,
        bbox: [13.1, 52.3, 13.8, 52.7],
      }),
      r.events.dataset(FED_DATASET, 1, {
        landCode: '',
        title: 'Digitales Geländemodell Deutschland',
        licence: 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
        bbox: [5.9, 47.3, 15.0, 55.0],
      }),
      r.events.harvestJob(id(10), 1, { landCode: 'DE-HH' }),
    ]);
    for (let from = 0; from < BULK; from += 500)
      await r.producer.send(
        Array.from({ length: Math.min(500, BULK - from) }, (_, i) =>
          r.events.dataset(id(1000 + from + i), 1, {
            landCode: 'DE-NI',
            title: `Massendatensatz ${String(from + i).padStart(5, '0')}`,
            themes: ['ENVI'],
            licence: 'http://dcat-ap.de/def/licenses/cc-by/4.0',
            bbox: [7.0, 52.0, 8.0, 52.5],
          }),
        ),
      );
    await eventually(
      async () => {
        const page = await r.get<{ total: number }>('/api/v1/items?limit=1');
        expect(page.total).toBe(BULK + 8);
        const findings = await r.get<{ total: number }>('/api/v1/findings?limit=1');
        expect(findings.total).toBeGreaterThan(0);
        // …and the precomputed aggregates the Länder, coverage and report exports read.
        const summary = await r.get<Record<string, number> & { findings: { high: number } }>(
          '/api/v1/summary',
        );
        expect(summary.platforms + summary.twins + summary.datasets + summary.endpoints).toBe(
          BULK + 8,
        );
        expect(summary.findings.high).toBeGreaterThan(0);
      },
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await r?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  describe('CSV', () => {
    it('streams every item across pages: BOM, German headers, RFC 4180, attachment', async () => {
      const response = await raw('/api/v1/exports/items.csv');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="inventar-items-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const body = response.rawPayload;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = body.subarray(3).toString('utf8');
      expect(text.split('\r\n')[0]).toMatch(/^Art,ID,Land \(ISO 3166-2\),Land,Titel,Beschreibung,/);
      const rows = parseCsv(text);
      expect(rows).toHaveLength(1 + BULK + 8);
      expect(new Set(rows.slice(1).map((row) => row[1])).size).toBe(BULK + 8);
      const header = rows[0];
      const tricky = rows.find((row) => row[1] === HH_DATASET) as string[];
      expect(tricky[header.indexOf('Titel')]).toBe(TRICKY_TITLE);
      expect(tricky[header.indexOf('Beschreibung')]).toBe(
        'Bäume an Straßen\r\nmit Art und Pflanzjahr',
      );
      expect(tricky[header.indexOf('Art')]).toBe('Datensatz');
      expect(tricky[header.indexOf('Offene Daten')]).toBe('ja');
      expect(text).toContain(`"${TRICKY_TITLE.replace(/"/g, '""')}"`);
      // A formula-like title is defused for spreadsheets.
      const formula = rows.find((row) => row[1] === BY_PLATFORM_2) as string[];
      expect(formula[header.indexOf('Titel')]).toBe("'=BayernAtlas");
    });

    it('applies the filters of /items and offers semicolons for German Excel', async () => {
      const response = await raw('/api/v1/exports/items.csv?landCode=DE-BY&delimiter=semicolon');
      const rows = parseCsv(response.rawPayload.subarray(3).toString('utf8'), ';');
      const api = await r.get<{ items: { id: string }[] }>('/api/v1/items?landCode=DE-BY');
      expect(rows.slice(1).map((row) => row[1])).toEqual(api.items.map((i) => i.id));
      expect(rows[0][0]).toBe('Art');
      expect((await raw('/api/v1/exports/items.csv?limit=5')).statusCode).toBe(400);
      expect((await raw('/api/v1/exports/items.csv?landCode=DE-XX')).statusCode).toBe(400);
    });

    it('exports findings, Länder, coverage, quality and harvest sources', async () => {
      const csv = async (url: string) => {
        const response = await raw(url);
        expect(response.statusCode).toBe(200);
        return parseCsv(response.rawPayload.subarray(3).toString('utf8'));
      };
      const findings = await csv('/api/v1/exports/findings.csv');
      const api = await r.get<{ total: number }>('/api/v1/findings?limit=1');
      expect(findings).toHaveLength(1 + api.total);
      expect(findings[0].slice(0, 5)).toEqual([
        'ID',
        'Regel',
        'Handlungsbedarf',
        'Schweregrad',
        'Begründung',
      ]);
      expect(findings.slice(1).map((row) => row[3])).toContain('hoch');
      const laender = await csv('/api/v1/exports/laender.csv');
      expect(laender).toHaveLength(17);
      const bayern = laender.find((row) => row[0] === 'DE-BY') as string[];
      expect(bayern[laender[0].indexOf('Plattformen')]).toBe('2');
      expect(laender.map((row) => row[3])).toContain('Baden-Württemberg');
      const coverage = await csv('/api/v1/exports/coverage.csv?dimension=platformType');
      expect(coverage).toHaveLength(17);
      expect(coverage[0]).toContain('Urbane Datenplattform');
      expect(await csv('/api/v1/exports/quality.csv')).toHaveLength(17);
      const harvest = await csv('/api/v1/exports/harvest-sources.csv?landCode=DE-HH');
      expect(harvest).toHaveLength(2);
      expect(harvest[1][harvest[0].indexOf('Veraltet')]).toBe('nein');
    });
  });

  it('renders the PDF interim report with title page, map, Länder, coverage and findings', async () => {
    const response = await raw('/api/v1/exports/report.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/zwischenbericht-.*\.pdf"$/);
    // pdf-parse (pdf.js) in a plain Node process: its worker needs a dynamic import jest lacks.
    const file = join(work, 'report.pdf');
    writeFileSync(file, response.rawPayload);
    const { stdout } = await promisify(execFile)(process.execPath, [
      '-e',
      `const { PDFParse } = require('pdf-parse');
       const parser = new PDFParse({ data: require('node:fs').readFileSync(process.argv[1]) });
       parser.getText().then(({ text, total }) => console.log(JSON.stringify({ text, total })));`,
      file,
    ]);
    const { text, total } = JSON.parse(stdout) as { text: string; total: number };
    expect(total).toBeGreaterThanOrEqual(5);
    for (const expected of [
      'AG Integrierte Datenplattformen',
      'Zwischenbericht',
      'Karte: Plattformen je Land',
      'Übersicht je Land',
      'Baden-Württemberg',
      'Thüringen',
      'Abdeckungsmatrix',
      'Urbane Datenplattform',
      'Handlungsbedarfe',
      'Schweregrad hoch',
      'Begründung:',
      'Land ohne digitalen Zwilling',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Stand: \d{2}\.\d{2}\.\d{4}/);
    expect(text).toMatch(new RegExp(`Seite 1 von ${total}`));

    // Tagged: pdf.js reads the structure tree of every page, and no text is outside it (the
    // footer is an artifact).
    const structure = await promisify(execFile)(process.execPath, [
      '--input-type=module',
      '-e',
      `import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
       import { readFileSync } from 'node:fs';
       const pdf = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])) }).promise;
       const roles = {}, alts = [];
       let untagged = 0, tagged = 0, artifacts = 0;
       const walk = (node) => {
         if (node.role) roles[node.role] = (roles[node.role] ?? 0) + 1;
         if (node.alt) alts.push(node.alt);
         for (const child of node.children ?? []) walk(child);
       };
       for (let n = 1; n <= pdf.numPages; n++) {
         const page = await pdf.getPage(n);
         walk((await page.getStructTree()) ?? {});
         const stack = [];
         for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
           if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push(item.tag);
           else if (item.type === 'endMarkedContent') stack.pop();
           else if (item.str && item.str.trim()) {
             if (stack.length === 0) untagged++;
             else if (stack.includes('Artifact')) artifacts++;
             else tagged++;
           }
         }
       }
       const markInfo = (await pdf.getMarkInfo())?.Marked ?? false;
       console.log(JSON.stringify({ roles, alts, untagged, tagged, artifacts, markInfo }));`,
      file,
    ]);
    const tags = JSON.parse(structure.stdout) as {
      roles: Record<string, number>;
      alts: string[];
      untagged: number;
      tagged: number;
      artifacts: number;
      markInfo: boolean;
    };
    expect(tags.markInfo).toBe(true);
    expect(tags.untagged).toBe(0);
    expect(tags.tagged).toBeGreaterThan(200);
    expect(tags.artifacts).toBeGreaterThanOrEqual(total); // one footer per page
    // pdf.js gives each page the part of the tree its content belongs to: the root once per page.
    expect(tags.roles).toMatchObject({
      Document: total,
      H1: 5,
      Figure: 1,
      L: expect.any(Number),
      LI: expect.any(Number),
    });
    // Title page facts, map numbers, Länder overview and the two coverage matrices (a table
    // continued on the next page would count twice).
    expect(tags.roles.Table).toBeGreaterThanOrEqual(5);
    expect(tags.roles.TH).toBeGreaterThan(16 * 5);
    expect(tags.roles.TD).toBeGreaterThan(16 * 8);
    expect(tags.alts).toEqual([expect.stringContaining('Karte Deutschlands')]);
  });

  it('answers out-of-range paging and crafted cursors with 400, never 500', async () => {
    // Each of these once reached SQL and failed there (bigint range, uuid cast).
    for (const url of [
      '/api/v1/dcat/catalog.ttl?page=1e17',
      '/api/v1/dcat/catalog.jsonld?page=1e17',
      '/api/v1/dcat/catalog?page=1e17',
      '/api/v1/ogc/collections/inventar/items?offset=1e19',
      '/api/v1/items?cursor=WyJhIiwibm90LWEtdXVpZCJd',
      `/api/v1/findings?cursor=${Buffer.from('[1e10,"x"]').toString('base64url')}`,
    ]) {
      const response = await raw(url);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('documents every export route in OpenAPI', async () => {
    const doc = JSON.parse((await raw('/api/docs-json')).body) as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/api/v1/exports/items.csv',
      '/api/v1/exports/findings.csv',
      '/api/v1/exports/laender.csv',
      '/api/v1/exports/coverage.csv',
      '/api/v1/exports/quality.csv',
      '/api/v1/exports/harvest-sources.csv',
      '/api/v1/exports/report.pdf',
      '/api/v1/dcat/catalog',
      '/api/v1/dcat/catalog.ttl',
      '/api/v1/dcat/catalog.jsonld',
      '/api/v1/dcat/catalog.rdf',
      '/api/v1/dcat/catalog.nt',
      '/api/v1/ogc',
      '/api/v1/ogc/conformance',
      '/api/v1/ogc/collections',
      '/api/v1/ogc/collections/{collectionId}',
      '/api/v1/ogc/collections/{collectionId}/items',
      '/api/v1/ogc/collections/{collectionId}/items/{recordId}',
    ])
      expect(doc.paths).toHaveProperty([path]);
  });
});
