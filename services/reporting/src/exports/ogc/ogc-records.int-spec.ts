import { RecordSource } from '@dpi/contracts';
import { eventually, SHARED_DIR, WORKSPACE_ROOT } from '@dpi/testing';
import { execFile, execFileSync } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ReportingUnderTest, startReporting } from '../../reporting.test-helper';

const SCHEMAS = join(SHARED_DIR, 'fixtures/ogcapi-records-schemas');
const SCRIPT = join(__dirname, '../testing/owslib_records.py');
const BULK = 250; // three pages of 100

/** Ids that sort first, so that they are easy to tell from the bulk. */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [HH_PLATFORM, BY_PLATFORM, HH_TWIN, HH_DATASET] = [1, 2, 3, 4].map(id);
/** Temporal extents: 2025-01-31/2025-07-31, 2025-05-01/.., 2019, up to an instant. */
const [SPRING, OPEN_END, OLD, UNTIL_NOON] = [5, 6, 7, 8].map(id);
const TRICKY_TITLE = 'Straßenbäume "Elbe", Hamburg';
/** Harvested, with the fileIdentifier of a real GDI-DE record (issue 20) and a resource id. */
const HARVESTED = id(9);
const FILE_IDENTIFIER = 'metadata-NPWHV13747';
const RESOURCE_IDENTIFIER = 'https://registry.gdi-de.org/id/de.sh/NPWHV13747';
const RECORDS_IN_ALL = BULK + 9;

/** The venv of deploy/local/python.mjs (OWSLib, jsonschema_rs, PyYAML), built on first use. */
function python(): string {
  const out = execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'deploy/local/python.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 900_000,
  });
  return (JSON.parse(out.trim().split('\n').pop() as string) as { python: string }).python;
}

describe('OGC API – Records (real PostgreSQL and Kafka, OWSLib, the standard’s schemas)', () => {
  let r: ReportingUnderTest;
  let py: string;
  const base = '/api/v1/ogc/collections/inventar/items';
  const raw = (url: string, headers: Record<string, string> = {}) =>
    r.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    py = python();
    r = await startReporting('ogc-records');
    const point = (lon: number, lat: number) =>
      JSON.stringify({ type: 'Point', coordinates: [lon, lat] });
    await r.producer.send([
      r.events.platform(HH_PLATFORM, 1, {
        name: 'Urban Data Platform Hamburg',
        geometryGeojson: point(10.0, 53.55),
      }),
      r.events.platform(BY_PLATFORM, 1, {
        landCode: 'DE-BY',
        name: 'Geoportal Bayern',
        geometryGeojson: point(11.5, 48.1),
      }),
      r.events.twin(HH_TWIN, 1, {
        name: 'Digitaler Zwilling Elbe',
        geometryGeojson: point(9.99, 53.54),
      }),
      r.events.dataset(HH_DATASET, 1, {
        title: TRICKY_TITLE,
        description: 'Bäume an Straßen',
        temporalStart: '2021-01-01',
      }),
      r.events.dataset(SPRING, 1, {
        landCode: 'DE-BE',
        title: 'Frühjahrszählung',
        bbox: [13.1, 52.3, 13.8, 52.7],
        temporalStart: '2025-01-31',
        temporalEnd: '2025-07-31',
      }),
      r.events.dataset(OPEN_END, 1, {
        landCode: 'DE-BE',
        title: 'Laufende Messreihe',
        bbox: [13.1, 52.3, 13.8, 52.7],
        temporalStart: '2025-05-01',
      }),
      r.events.dataset(OLD, 1, {
        landCode: 'DE-BE',
        title: 'Zählung 2019',
        bbox: [13.1, 52.3, 13.8, 52.7],
        temporalStart: '2019-01-01',
        temporalEnd: '2019-12-31',
      }),
      r.events.dataset(UNTIL_NOON, 1, {
        landCode: 'DE-BE',
        title: 'Bis Mittag',
        bbox: [13.1, 52.3, 13.8, 52.7],
        temporalStart: 'seit jeher',
        temporalEnd: '2025-02-28T12:00:00+01:00',
      }),
      r.events.dataset(HARVESTED, 1, {
        landCode: 'DE-SH',
        title: 'Eiderentenbestandserfassung',
        bbox: [8.0, 54.0, 9.0, 55.0],
        resourceIdentifier: RESOURCE_IDENTIFIER,
        source: RecordSource.HARVESTED,
        provenance: {
          harvestSourceId: id(20),
          harvestSourceName: 'GDI-DE Geodatenkatalog',
          fileIdentifier: FILE_IDENTIFIER,
        },
      }),
    ]);
    await r.producer.send(
      Array.from({ length: BULK }, (_, i) =>
        r.events.dataset(id(1000 + i), 1, {
          landCode: 'DE-NI',
          title: `Massendatensatz ${String(i).padStart(5, '0')}`,
          bbox: [7.0, 52.0, 8.0, 52.5],
        }),
      ),
    );
    await eventually(
      async () =>
        expect((await r.get<{ total: number }>('/api/v1/items?limit=1')).total).toBe(
          RECORDS_IN_ALL,
        ),
      { timeoutMs: 60_000 },
    );
    await r.app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await r?.close();
  });

  it('is read by OWSLib’s Records client, every JSON document valid against the schemas', async () => {
    const { port } = r.app.getHttpServer().address() as AddressInfo;
    // Asynchronously: the service under test answers from this very process.
    const { stdout } = await promisify(execFile)(
      py,
      [SCRIPT, `http://127.0.0.1:${port}/api/v1/ogc`, SCHEMAS, SPRING],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const result = JSON.parse(stdout.trim().split('\n').pop() as string);
    expect(result.schemaErrors).toEqual([]);
    expect(result).toMatchObject({
      openapi: expect.stringMatching(/^3\./),
      recordCollections: ['inventar'],
      collection: 'record',
      queryablesValid: true,
      numberMatched: RECORDS_IN_ALL,
      pages: 3,
      paged: RECORDS_IN_ALL,
      pagedDistinct: RECORDS_IN_ALL,
      lastPageLinks: ['alternate', 'collection', 'prev', 'self'],
      twoLinks: ['alternate', 'collection', 'next', 'self'],
      twoReturned: 2,
      hamburg: ['Digitaler Zwilling Elbe', TRICKY_TITLE, 'Urban Data Platform Hamburg'],
      query: ['Digitaler Zwilling Elbe', TRICKY_TITLE],
      // 1 March to 30 April 2025: the spring extent and the one open since 2021; not the one from
      // May on, not 2019, not the one that ended in February, no record without a time.
      spring: [HH_DATASET, SPRING],
      openEnd: [HH_DATASET, SPRING, OPEN_END],
      after: [HH_DATASET, OPEN_END],
      twins: 1,
      one: { id: SPRING, time: { interval: ['2025-01-31', '2025-07-31'] } },
    });
    expect(result.queryables).toEqual(
      expect.arrayContaining(['geometry', 'time', 'type', 'title', 'updated']),
    );
    // Every response the client received was validated: the page count shows the loop ran.
    expect(result.validated).toMatchObject({ landing: 1, conformance: 1, collections: 1 });
    expect(result.validated.items).toBeGreaterThanOrEqual(3 + 6);
    expect(result.validated.record).toBeGreaterThan(RECORDS_IN_ALL);
    // Negative control: broken copies of a served record fail the same validator.
    expect(result.brokenRecordValid).toEqual({
      'without id': false,
      'type not Feature': false,
      'time interval of one end': false,
      'title a number': false,
      'updated not a date-time': false,
    });
    expect(result.conformance).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/searchable-catalog',
        'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/records-api',
        'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-core',
        'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-core-query-parameters',
        'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/html',
      ]),
    );
    expect(result.conformance).not.toContain(
      'http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/record-api',
    );
    expect(result.calls).toHaveLength(14);
  });

  it('answers every path with a trailing slash by a redirect that keeps the query', async () => {
    for (const path of [
      '/api/v1/ogc/',
      '/api/v1/ogc/conformance/',
      '/api/v1/ogc/collections/',
      '/api/v1/ogc/collections/inventar/',
      '/api/v1/ogc/collections/inventar/queryables/',
      `${base}/?limit=1`,
      `${base}/${HH_PLATFORM}/`,
    ]) {
      const response = await raw(path);
      const target = path.replace(/\/(\?|$)/, '$1');
      expect({ path, status: response.statusCode, location: response.headers.location }).toEqual({
        path,
        status: 308,
        location: target,
      });
      expect((await raw(target)).statusCode).toBe(200);
    }
    expect((await raw('/api/v1/ogc/unbekannt/')).statusCode).toBe(404);
  });

  it('filters on the temporal extent, updated and ids, and refuses malformed values with 400', async () => {
    const ids = async (query: string) => {
      const response = await raw(`${base}?limit=1000&${query}`);
      expect({ query, status: response.statusCode }).toEqual({ query, status: 200 });
      return (JSON.parse(response.body).features as { id: string }[]).map((f) => f.id).sort();
    };
    expect(await ids('datetime=2025-03/2025-04')).toEqual([HH_DATASET, SPRING]);
    // An end at an instant: 2025-02-28T11:00Z. Half an hour later it is over.
    expect(await ids('datetime=2025-02-28T11:30:00Z/2025-02-28T11:45:00Z')).toEqual([
      HH_DATASET,
      SPRING,
    ]);
    expect(await ids('datetime=2025-02-28T10:30:00Z')).toEqual([HH_DATASET, SPRING, UNTIL_NOON]);
    expect(await ids('datetime=../2019-06-30')).toEqual([OLD, UNTIL_NOON]);
    expect(await ids('datetime=2019')).toEqual([OLD, UNTIL_NOON]);
    expect(await ids('datetime=2999-01-01T00:00:00Z/..')).toEqual([HH_DATASET, OPEN_END]);
    // OWSLib's alias alone, and with datetime when both agree.
    expect(await ids('datetime_=2025-03/2025-04')).toEqual([HH_DATASET, SPRING]);
    expect(await ids('datetime=2025-03/2025-04&datetime_=2025-03/2025-04')).toEqual([
      HH_DATASET,
      SPRING,
    ]);
    // updated: every record was changed a moment ago, none in the future.
    expect(await ids('updated=2000-01-01/..&type=platform')).toEqual([HH_PLATFORM, BY_PLATFORM]);
    expect(await ids('updated=2999-01-01T00:00:00Z/..')).toEqual([]);
    expect(await ids(`ids=${SPRING},${OLD},nicht-da`)).toEqual([SPRING, OLD].sort());
    // Identifiers: externalIds (case-insensitive), and q finds by identifier and by prefix.
    expect(await ids('externalIds=METADATA-npwhv13747')).toEqual([HARVESTED]);
    expect(await ids(`externalIds=unbekannt,${RESOURCE_IDENTIFIER}`)).toEqual([HARVESTED]);
    expect(await ids('externalIds=unbekannt')).toEqual([]);
    expect(await ids(`q=${FILE_IDENTIFIER}`)).toEqual([HARVESTED]);
    expect(await ids('q=Eiderentenbestandserf')).toEqual([HARVESTED]);
    expect(await ids('q=Frühjahrsz,Eiderenten')).toEqual([SPRING, HARVESTED].sort());
    const harvested = JSON.parse((await raw(`${base}/${HARVESTED}`)).body);
    expect(harvested.properties.externalIds).toEqual([
      { scheme: 'http://www.isotc211.org/2005/gmd#fileIdentifier', value: FILE_IDENTIFIER },
      { scheme: 'http://www.isotc211.org/2005/gmd#MD_Identifier', value: RESOURCE_IDENTIFIER },
    ]);
    const next = JSON.parse((await raw(`${base}?datetime_=2025&limit=1`)).body).links.find(
      (l: { rel: string }) => l.rel === 'next',
    );
    expect(next.href).toContain('datetime=2025&');
    expect(next.href).not.toContain('datetime_');
    for (const query of [
      'datetime=gestern',
      'datetime=2025-13',
      'datetime=2025-02-30',
      'datetime=2025-04/2025-03',
      'datetime=../..',
      'datetime=2025-03&datetime_=2025-04',
      'updated=bald',
      'bbox=1,2,3',
      'type=land',
      'limit=0',
      'sortby=title',
      'f=xml',
    ]) {
      const response = await raw(`${base}?${query}`);
      expect({ query, status: response.statusCode }).toEqual({ query, status: 400 });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await raw(`${base}/${id(999_999)}`)).statusCode).toBe(404);
    expect((await raw(`${base}/kein-uuid`)).statusCode).toBe(404);
    expect((await raw('/api/v1/ogc/collections/unbekannt/items')).statusCode).toBe(404);
    expect((await raw('/api/v1/ogc/collections/unbekannt/queryables')).statusCode).toBe(404);
  });

  it('serves German HTML pages for f=html and browsers, linked to each other; JSON by default', async () => {
    const pages = [
      ['/api/v1/ogc', 'Datenplattform-Inventar – OGC API Records'],
      ['/api/v1/ogc/conformance', 'Konformitätsklassen'],
      ['/api/v1/ogc/collections', 'Sammlungen'],
      ['/api/v1/ogc/collections/inventar', 'Inventar der Datenplattformen'],
      ['/api/v1/ogc/collections/inventar/queryables', 'abfragbare Eigenschaften'],
      [`${base}?limit=2`, 'Records: Inventar'],
      [`${base}/${HH_DATASET}`, 'Straßenbäume &quot;Elbe&quot;, Hamburg'],
    ];
    for (const [path, heading] of pages) {
      const byF = await raw(`${path}${path.includes('?') ? '&' : '?'}f=html`);
      const byAccept = await raw(path, {
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      });
      for (const response of [byF, byAccept]) {
        expect({ path, type: response.headers['content-type'] }).toEqual({
          path,
          type: 'text/html; charset=utf-8',
        });
        expect(response.body).toContain('<html lang="de">');
        expect(response.body).toMatch(new RegExp(`<h1>[^<]*${heading.replace(/[()]/g, '\\$&')}`));
        expect(response.body).toContain('<main id="inhalt">');
        expect(response.body).toContain('aria-label="Brotkrümelnavigation"');
        expect(response.body).not.toMatch(/<script/i);
      }
      // JSON stays the default (OWSLib sends */*), and JSON wins when the client prefers it.
      for (const accept of ['*/*', 'application/json', 'application/geo+json, text/html;q=0.5'])
        expect((await raw(path, { accept })).headers['content-type']).toMatch(
          /^application\/(json|geo\+json|schema\+json)/,
        );
      expect((await raw(path)).headers.vary).toBe('Accept');
    }
    // The pages link to each other in HTML: landing → collections → collection → items → record.
    const html = async (path: string) => (await raw(path, { accept: 'text/html' })).body;
    expect(await html('/api/v1/ogc')).toContain('/api/v1/ogc/collections?f=html');
    expect(await html('/api/v1/ogc/collections')).toContain(
      '/api/v1/ogc/collections/inventar?f=html',
    );
    expect(await html('/api/v1/ogc/collections/inventar')).toContain(
      '/api/v1/ogc/collections/inventar/items?f=html',
    );
    const list = await html(`${base}?limit=2`);
    expect(list).toMatch(/items\/[0-9a-f-]{36}\?f=html/);
    expect(list).toContain('Nächste Seite');
    const record = await html(`${base}/${SPRING}`);
    expect(record).toContain('2025-01-31 bis 2025-07-31');
    expect(record).toContain(`/api/v1/ogc/collections/inventar/items?f=html`);
    expect(await html(`${base}/${HARVESTED}`)).toContain(FILE_IDENTIFIER);
    // Escaped: the title's quotes never close an attribute.
    expect(await html(`${base}/${HH_DATASET}`)).not.toContain('"Elbe"');
  });
});
