import { EndpointAuthentication, ServiceType } from '@dpi/contracts';
import { eventually, WORKSPACE_ROOT } from '@dpi/testing';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ReportingUnderTest, startReporting } from '../../reporting.test-helper';

const SCRIPTS = join(__dirname, '../testing');
const BULK = 250; // three pages of 100
const PAGE = 100;

/** Ids that sort first, so these records are on the catalogue's first page. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [HH_DATASET, BE_DATASET, FED_DATASET, SN_NO_DESCRIPTION, SN_NO_TITLE] = [1, 2, 3, 4, 5].map(
  id,
);
const HH_ENDPOINT = id(8);
const TRICKY_TITLE = 'Straßenbäume "Elbe" & <Alster>, Hamburg';
const MEDIA_TYPES = [
  'text/turtle',
  'application/ld+json',
  'application/rdf+xml',
  'application/n-triples',
];

/** A Datenbereitsteller-ID as GovData assigns them (made up: the AG has none yet). */
const CONTRIBUTOR_ID = 'http://dcat-ap.de/def/contributors/agIntegrierteDatenplattformen';

/** The venv of deploy/local/python.mjs (pyshacl, rdflib), built on first use. */
function python(): string {
  const out = execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'deploy/local/python.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 900_000,
  });
  return (JSON.parse(out.trim().split('\n').pop() as string) as { python: string }).python;
}

interface ShaclReport {
  conforms: boolean;
  violations: number;
  warnings: number;
  messages: string[];
  pages: number;
  datasets: number;
  distributions: number;
  services: number;
  shapes: number;
  baseShapes: number;
  stripped: string | null;
}

describe('DCAT-AP.de catalogue (real PostgreSQL and Kafka; pyshacl and rdflib as the clients)', () => {
  let r: ReportingUnderTest;
  let py: string;
  let work: string;
  let base: string;

  const raw = (url: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') =>
    r.app.inject({ method, url, headers });

  /** validate_dcat.py (base + DE shapes) on a file or URL; its exit code and its report. */
  const validate = async (source: string, ...flags: string[]) => {
    // Asynchronously: for a URL, the service under test answers from this very process.
    const run = await promisify(execFile)(
      py,
      [join(SCRIPTS, 'validate_dcat.py'), source, '--json', ...flags],
      { encoding: 'utf8', timeout: 300_000 },
    ).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string; stderr: string }) => {
        if (error.code !== 1) throw new Error(`validate_dcat.py: ${error.stderr}`);
        return { code: 1, stdout: error.stdout };
      },
    );
    const report = JSON.parse(run.stdout.trim().split('\n').pop() as string) as ShaclReport;
    return { code: run.code, ...report };
  };
  const saved = (body: string, extension: string) => {
    const file = join(work, `catalog-${Date.now()}-${Math.random()}.${extension}`);
    writeFileSync(file, body);
    return file;
  };

  beforeAll(async () => {
    py = python();
    work = mkdtempSync(join(tmpdir(), 'dpi-dcat-'));
    r = await startReporting('dcat', { DCAT_CONTRIBUTOR_ID: CONTRIBUTOR_ID });
    await r.producer.send([
      r.events.endpoint(HH_ENDPOINT, 1, {
        landCode: 'DE-HH',
        name: 'WFS Straßenbaumkataster',
        serviceType: ServiceType.WFS,
        url: 'https://geodienste.hamburg.de/HH_WFS_Strassenbaumkataster',
        authentication: EndpointAuthentication.NONE,
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
      // Published, but without a mandatory property: in the inventory, not in the catalogue.
      r.events.dataset(SN_NO_DESCRIPTION, 1, {
        landCode: 'DE-SN',
        title: 'Sächsischer Datensatz ohne Beschreibung',
        description: '  ',
      }),
      r.events.dataset(SN_NO_TITLE, 1, { landCode: 'DE-SN', title: '' }),
    ]);
    await r.producer.send(
      Array.from({ length: BULK }, (_, i) =>
        r.events.dataset(id(1000 + i), 1, {
          landCode: 'DE-NI',
          title: `Massendatensatz ${String(i).padStart(5, '0')}`,
          themes: ['ENVI'],
          licence: 'http://dcat-ap.de/def/licenses/cc-by/4.0',
          bbox: [7.0, 52.0, 8.0, 52.5],
        }),
      ),
    );
    base = await r.serve();
    await eventually(
      async () => {
        // + the serve() warm-up platform, which the catalogue does not hold.
        expect((await r.get<{ total: number }>('/api/v1/items?limit=1')).total).toBe(BULK + 7);
      },
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await r?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  describe('validated like GovData: DCAT-AP 3.0.0 base shapes + DCAT-AP.de 3.0', () => {
    it('the whole catalogue (every hydra page) conforms: no violations, no warnings', async () => {
      const report = await validate(`${base}/api/v1/dcat/catalog?pageSize=${PAGE}`);
      expect(report.messages).toEqual([]);
      expect(report).toMatchObject({ code: 0, conforms: true, violations: 0, warnings: 0 });
      // Both shape sets loaded: the base alone has thousands of triples, and the DE files more.
      expect(report.baseShapes).toBeGreaterThan(1000);
      expect(report.shapes).toBeGreaterThan(report.baseShapes);
      expect(report).toMatchObject({ pages: 3, datasets: BULK + 3, services: 1 });
    }, 300_000);

    it('each serialisation of a page conforms on its own', async () => {
      for (const [path, extension] of [
        ['catalog.ttl', 'ttl'],
        ['catalog.jsonld', 'jsonld'],
        ['catalog.rdf', 'rdf'],
        ['catalog.nt', 'nt'],
      ]) {
        const page = await raw(`/api/v1/dcat/${path}?pageSize=${PAGE}`);
        expect(page.statusCode).toBe(200);
        const report = await validate(saved(page.body, extension));
        expect({ path, ...report }).toMatchObject({ path, conforms: true, violations: 0 });
        expect(report.datasets).toBe(PAGE);
      }
    }, 300_000);

    it.each(['title', 'description', 'licence'])(
      'negative control: the catalogue with one dataset stripped of its %s does not conform',
      async (property) => {
        const first = await raw(`/api/v1/dcat/catalog.ttl?pageSize=${PAGE}`);
        const report = await validate(saved(first.body, 'ttl'), '--strip', property);
        expect(report.stripped).toMatch(new RegExp(`/items/${HH_DATASET}$`));
        expect(report).toMatchObject({ code: 1, conforms: false });
        expect(report.violations).toBeGreaterThan(0);
        // Logged for the figures.
        console.log(
          `negative control (${property}): ${report.violations} violations`,
          report.messages,
        );
      },
      300_000,
    );

    it('leaves out published datasets without title or description, and says how many', async () => {
      const page = await raw(`/api/v1/dcat/catalog.ttl?pageSize=${PAGE}`);
      expect(page.body).not.toContain(SN_NO_DESCRIPTION);
      expect(page.body).not.toContain(SN_NO_TITLE);
      expect(page.body).toContain(
        'Nicht enthalten sind veröffentlichte Datensätze, denen eine in DCAT-AP.de ' +
          'verpflichtende Angabe fehlt: 1 ohne Titel (dct:title), 1 ohne Beschreibung ' +
          '(dct:description).',
      );
      expect(page.body).toMatch(new RegExp(`hydra:totalItems (${BULK + 4}|"${BULK + 4}")`));
      // Still in the inventory itself.
      const items = await r.get<{ items: { id: string }[] }>('/api/v1/items?landCode=DE-SN');
      expect(items.items.map((i) => i.id).sort()).toEqual([SN_NO_DESCRIPTION, SN_NO_TITLE]);
    });

    it('maps what the model has: political geocoding as dct:Location, licences, contributor', async () => {
      const first = (await raw(`/api/v1/dcat/catalog.ttl?pageSize=${PAGE}`)).body;
      expect(first).toMatch(
        /<http:\/\/dcat-ap\.de\/def\/politicalGeocoding\/stateKey\/02> a dct:Location/,
      );
      expect(first).toContain('<http://dcat-ap.de/def/licenses/dl-by-de/2.0>');
      expect(first.split(`dcatde:contributorID <${CONTRIBUTOR_ID}>`)).toHaveLength(PAGE + 1);
      // JSON-LD in expanded form (jsonld.js fromRDF): full IRIs.
      const json = JSON.parse(
        (await raw(`/api/v1/dcat/catalog.jsonld?pageSize=${PAGE}`)).body,
      ) as Record<string, unknown>[];
      const berlin = json.find((n) => String(n['@id']).endsWith(BE_DATASET));
      // No licence: published without distributions (DCAT-AP.de requires one on each).
      expect(berlin?.['http://www.w3.org/ns/dcat#distribution']).toBeUndefined();
      expect(berlin?.['http://purl.org/dc/terms/spatial']).toContainEqual({
        '@id': 'http://dcat-ap.de/def/politicalGeocoding/stateKey/11',
      });
    });
  });

  describe('content negotiation', () => {
    it('serves each RDF format by Accept (q-values) and by extension, and says so', async () => {
      for (const type of MEDIA_TYPES) {
        const response = await raw('/api/v1/dcat/catalog?pageSize=5', { accept: type });
        expect({ type, status: response.statusCode }).toEqual({ type, status: 200 });
        expect(response.headers['content-type']).toBe(`${type}; charset=utf-8`);
        expect(response.headers.vary).toMatch(/accept/i);
      }
      const ranked = await raw('/api/v1/dcat/catalog?pageSize=5', {
        accept: 'text/turtle;q=0.5, application/rdf+xml, */*;q=0.1',
      });
      expect(ranked.headers['content-type']).toMatch(/^application\/rdf\+xml/);
      expect(ranked.body).toMatch(/^<\?xml/);
      expect((await raw('/api/v1/dcat/catalog?pageSize=5')).headers['content-type']).toMatch(
        /^text\/turtle/,
      );
      for (const [extension, type] of [
        ['ttl', 'text/turtle'],
        ['jsonld', 'application/ld+json'],
        ['rdf', 'application/rdf+xml'],
        ['nt', 'application/n-triples'],
      ]) {
        const response = await raw(`/api/v1/dcat/catalog.${extension}?pageSize=5`, {
          accept: 'text/html',
        });
        expect(response.headers['content-type']).toBe(`${type}; charset=utf-8`);
      }
    });

    it('answers a type it does not offer with 406 and the offers (problem+json)', async () => {
      for (const accept of ['text/html', 'application/xml', 'text/turtle;q=0']) {
        const response = await raw('/api/v1/dcat/catalog', { accept });
        expect({ accept, status: response.statusCode }).toEqual({ accept, status: 406 });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.json()).toMatchObject({ status: 406, offers: MEDIA_TYPES });
      }
    });

    it('a ckanext-dcat-style harvest loop reads the whole catalogue in each format: isomorphic graphs', async () => {
      const { stdout } = await promisify(execFile)(
        py,
        [join(SCRIPTS, 'harvest_loop.py'), `${base}/api/v1/dcat/catalog?pageSize=${PAGE}`],
        { encoding: 'utf8', timeout: 600_000 },
        // Exit 1 when the graphs differ: the report says how.
      ).catch((error: { code: number; stdout: string; stderr: string }) => {
        if (error.code !== 1) throw new Error(`harvest_loop.py: ${error.stderr}`);
        return error;
      });
      const result = JSON.parse(stdout.trim().split('\n').pop() as string) as {
        formats: Record<string, { pages: number; datasets: number; triples: number }>;
        isomorphic: Record<string, boolean>;
        differences: Record<string, unknown>;
      };
      expect(Object.keys(result.formats)).toEqual(MEDIA_TYPES);
      for (const type of MEDIA_TYPES) {
        expect(result.formats[type]).toMatchObject({ pages: 3, datasets: BULK + 3 });
        expect(result.formats[type].triples).toBe(result.formats['text/turtle'].triples);
      }
      expect(result.differences).toEqual({});
      expect(result.isomorphic).toEqual(Object.fromEntries(MEDIA_TYPES.map((t) => [t, true])));
    }, 600_000);

    it('pages like ckanext-dcat: hydra:PagedCollection with literal page links', async () => {
      const page = await raw(`/api/v1/dcat/catalog.ttl?pageSize=${PAGE}&page=2`);
      expect(page.body).toContain('hydra:PagedCollection');
      expect(page.body).toContain(`page=3&pageSize=${PAGE}`);
      expect(page.body).toContain('hydra:previousPage');
      expect((await raw('/api/v1/dcat/catalog.ttl?page=99')).statusCode).toBe(404);
      expect((await raw('/api/v1/dcat/catalog.ttl?pageSize=0')).statusCode).toBe(400);
      const head = await raw('/api/v1/dcat/catalog.rdf?pageSize=5', {}, 'HEAD');
      expect(head.statusCode).toBe(200);
      expect(head.headers['content-type']).toMatch(/^application\/rdf\+xml/);
    });
  });
});
