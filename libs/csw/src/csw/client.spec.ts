import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CswError,
  CswTimeoutError,
  HttpStatusError,
  NotXmlError,
  OwsExceptionError,
  ResponseTooLargeError,
} from '../errors';
import type { ForeignRecord, IsoRecord } from '../iso/types';
import { CswClient, type CswClientOptions } from './client';
import { harvestAll, type HarvestOptions } from './harvest';

const FIXTURES = join(__dirname, '../../../../../shared/fixtures/csw');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

const PYCSW_PAGES: Record<number, string> = {
  1: fixture('pycsw/stablesort_expected_get_GetRecords-page1.xml'),
  5: fixture('pycsw/stablesort_expected_get_GetRecords-page2.xml'),
  9: fixture('pycsw/stablesort_expected_get_GetRecords-page3.xml'),
};
const PYCSW_IDS = Object.values(PYCSW_PAGES).flatMap((xml) =>
  [...xml.matchAll(/<dc:identifier>([^<]+)<\/dc:identifier>/g)].map((m) => m[1]),
);
const HITS_12 =
  '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><csw:SearchResults numberOfRecordsMatched="12" numberOfRecordsReturned="0" nextRecord="1"/></csw:GetRecordsResponse>';

interface Seen {
  method: string;
  url: string;
  body: string;
}

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void | Promise<void>;

let server: Server;
let base: string;
let handler: Handler;
let seen: Seen[];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ method: req.method ?? '', url: req.url ?? '', body });
      Promise.resolve(handler(req, body, res)).catch((e) => {
        res.statusCode = 599;
        res.end(String(e));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/csw`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

afterEach(async () => {
  // Stalled test responses must not outlive their test; give the client a moment to see the closes.
  server.closeAllConnections();
  await new Promise((resolve) => setTimeout(resolve, 50));
});

function xml(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'application/xml; charset=UTF-8' });
  res.end(body);
}

/** Paging parameters of a request, POST or GET. */
function paging(
  req: IncomingMessage,
  body: string,
): { start: number; hits: boolean; sorted: boolean } {
  if (req.method === 'POST') {
    return {
      start: Number(/startPosition="(\d+)"/.exec(body)?.[1] ?? 1),
      hits: body.includes('resultType="hits"'),
      sorted: body.includes('<ogc:SortBy>'),
    };
  }
  const q = new URL(req.url ?? '', 'http://x').searchParams;
  return {
    start: Number(q.get('startPosition') ?? 1),
    hits: q.get('resultType') === 'hits',
    sorted: q.has('sortBy'),
  };
}

/** Serves pycsw's three stable-sort pages, optionally rewritten. */
function pycsw(rewrite: (start: number, page: string) => string = (_s, p) => p): Handler {
  return (req, body, res) => {
    const p = paging(req, body);
    if (p.hits) return xml(res, HITS_12);
    const page = PYCSW_PAGES[p.start];
    if (!page) return xml(res, '<nope/>', 404);
    xml(res, rewrite(p.start, page));
  };
}

function client(options: Partial<CswClientOptions> = {}): CswClient {
  return new CswClient({ url: base, timeoutMs: 5000, ...options });
}

async function harvest(
  c: CswClient,
  options: Partial<HarvestOptions> = {},
): Promise<{
  result: Awaited<ReturnType<typeof harvestAll>>;
  ids: (string | null)[];
  iso: IsoRecord[];
}> {
  const ids: (string | null)[] = [];
  const iso: IsoRecord[] = [];
  const result = await harvestAll(c, {
    pageSize: 4,
    onRecord: (r) => {
      iso.push(r);
      ids.push(r.fileIdentifier);
    },
    onForeignRecord: (r: ForeignRecord) => void ids.push(r.identifier),
    ...options,
  });
  return { result, ids, iso };
}

const codes = (warnings: { code: string }[]) => [...new Set(warnings.map((w) => w.code))];

describe('CswClient against a local HTTP server serving the fixtures', () => {
  it('getCapabilities: GET with service=CSW&request=GetCapabilities', async () => {
    handler = (_req, _body, res) => xml(res, fixture('ingrid-harvester-gdk/GetCapabilities.xml'));
    const caps = await client().getCapabilities();
    expect(caps.title).toBe('Geodatenkatalog');
    expect(caps.getRecords.constraintLanguages).toEqual(['FILTER', 'CQL_TEXT']);
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe('GET');
    expect(seen[0].url).toBe('/csw?service=CSW&request=GetCapabilities&acceptVersions=2.0.2');
  });

  it('getRecordsHits: POST resultType=hits → numberOfRecordsMatched', async () => {
    handler = (_req, _body, res) => xml(res, fixture('ingrid-harvester-gdk/GetRecordsHits.xml'));
    const hits = await client().getRecordsHits({ constraint: { cql: "Modified >= '2026-01-01'" } });
    expect(hits).toEqual({
      numberOfRecordsMatched: 5,
      nextRecord: 0,
      timestamp: '2026-08-17T12:10:27',
      method: 'POST',
    });
    expect(seen[0].method).toBe('POST');
    expect(seen[0].body).toContain('resultType="hits"');
    expect(seen[0].body).toContain(
      '<csw:CqlText>Modified &gt;= &apos;2026-01-01&apos;</csw:CqlText>',
    );
  });

  it('getRecordsPage: streams the GDK page through the ISO parser', async () => {
    handler = (_req, _body, res) => {
      // Dribble the body out in small pieces, as a slow catalogue would.
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      const body = Buffer.from(fixture('ingrid-harvester-gdk/GetRecordsResults.xml'));
      let i = 0;
      const next = (): void => {
        if (i >= body.length) return void res.end();
        res.write(body.subarray(i, i + 16 * 1024));
        i += 16 * 1024;
        setImmediate(next);
      };
      next();
    };
    const records: IsoRecord[] = [];
    const page = await client().getRecordsPage(
      { start: 1, maxRecords: 5 },
      { onRecord: (r) => void records.push(r) },
    );
    expect(records.map((r) => r.title)).toEqual([
      'INSPIRE-WFS Geographical Names GN250',
      'INSPIRE Geographical Names GN250',
      'INSPIRE-WMS Geographical Names GN250',
      'INSPIRE-WMS HE Hydro - Netzwerk ATKIS Basis-DLM - Hydrografisches Netzwerk',
      'INSPIRE HE Hydro - Netzwerk ATKIS Basis-DLM',
    ]);
    expect(page).toMatchObject({
      start: 1,
      method: 'POST',
      numberOfRecordsMatched: 5,
      numberOfRecordsReturned: 5,
      nextRecord: 0,
      isoRecords: 5,
      received: 5,
      warnings: [],
      bytes: 236363,
    });
  });

  describe('harvestAll over pycsw stable-sort pages (matched 12, pages of 4)', () => {
    it('pages by start += returned and stops on nextRecord 0 with a complete harvest', async () => {
      handler = pycsw();
      const { result, ids } = await harvest(client());
      expect(ids).toEqual(PYCSW_IDS);
      expect(result).toMatchObject({
        numberOfRecordsMatched: 12,
        received: 12,
        foreignRecords: 12,
        isoRecords: 0,
        pages: 3,
        stopReason: 'nextRecordZero',
        complete: true,
        sortedByIdentifier: true,
        method: 'POST',
      });
      // pycsw answers in Dublin Core: worth a warning on an ISO harvest, nothing else.
      expect(codes(result.warnings)).toEqual(['PAGE_WARNING']);
      expect(
        seen.map((s) => paging({ method: s.method, url: s.url } as IncomingMessage, s.body)),
      ).toEqual([
        { start: 1, hits: true, sorted: false },
        { start: 1, hits: false, sorted: true },
        { start: 5, hits: false, sorted: true },
        { start: 9, hits: false, sorted: true },
      ]);
    });

    it('reads the next page while onPage stores the previous one, calling onPage in order, one at a time', async () => {
      handler = pycsw();
      const events: string[] = [];
      let storing = 0;
      let mostAtOnce = 0;
      const { result } = await harvest(client(), {
        onPage: async (page) => {
          storing++;
          mostAtOnce = Math.max(mostAtOnce, storing);
          await new Promise((resolve) => setTimeout(resolve, 200));
          events.push(`stored ${page.start} (requests so far: ${seen.length})`);
          storing--;
        },
      });
      expect(result).toMatchObject({ received: 12, complete: true, pages: 3 });
      expect(mostAtOnce).toBe(1);
      // While page 1 is stored, page 5 is requested (hits + 2 pages), and so on.
      expect(events).toEqual([
        'stored 1 (requests so far: 3)',
        'stored 5 (requests so far: 4)',
        'stored 9 (requests so far: 4)',
      ]);
    });

    it('stops with the error of a failing onPage, after no further onPage call', async () => {
      handler = pycsw();
      const stored: number[] = [];
      await expect(
        harvest(client(), {
          onPage: async (page) => {
            if (page.start === 5) throw new Error('database down');
            stored.push(page.start);
          },
        }),
      ).rejects.toThrow('database down');
      expect(stored).toEqual([1]);
    });

    it('waits for onPage before the next request with prefetch: false', async () => {
      handler = pycsw();
      const events: string[] = [];
      await harvest(client(), {
        prefetch: false,
        onPage: async (page) => {
          await new Promise((resolve) => setTimeout(resolve, 200));
          events.push(`stored ${page.start} (requests so far: ${seen.length})`);
        },
      });
      expect(events).toEqual([
        'stored 1 (requests so far: 2)',
        'stored 5 (requests so far: 3)',
        'stored 9 (requests so far: 4)',
      ]);
    });

    it('stops when nextRecord goes backwards, and says the harvest is incomplete', async () => {
      handler = pycsw((start, page) =>
        start === 5 ? page.replace('nextRecord="9"', 'nextRecord="1"') : page,
      );
      const { result, ids } = await harvest(client());
      expect(ids).toHaveLength(8);
      expect(result).toMatchObject({
        stopReason: 'nextRecordBackwards',
        complete: false,
        received: 8,
        pages: 2,
      });
      expect(codes(result.warnings)).toEqual(
        expect.arrayContaining(['NEXT_RECORD_BACKWARDS', 'INCOMPLETE']),
      );
      expect(result.warnings.find((w) => w.code === 'INCOMPLETE')?.message).toBe(
        'received 8 of 12 matched records (stopped: nextRecordBackwards)',
      );
    });

    it('stops when nextRecord is beyond numberOfRecordsMatched', async () => {
      handler = pycsw((start, page) =>
        start === 1 ? page.replace('nextRecord="5"', 'nextRecord="99"') : page,
      );
      const { result } = await harvest(client());
      expect(result).toMatchObject({
        stopReason: 'nextRecordBeyondMatched',
        pages: 1,
        received: 4,
        complete: false,
      });
    });

    it('without nextRecord, pages by count until start passes numberOfRecordsMatched', async () => {
      handler = pycsw((_s, page) => page.replace(/ nextRecord="\d+"/, ''));
      const { result, ids } = await harvest(client());
      expect(ids).toEqual(PYCSW_IDS);
      expect(result).toMatchObject({ stopReason: 'endOfResults', pages: 3, complete: true });
      expect(result.warnings.filter((w) => w.code === 'NEXT_RECORD_MISSING')).toHaveLength(1);
    });

    it('warns when nextRecord disagrees with the count, and keeps paging by count', async () => {
      handler = pycsw((start, page) =>
        start === 1 ? page.replace('nextRecord="5"', 'nextRecord="7"') : page,
      );
      const { result, ids } = await harvest(client());
      expect(ids).toEqual(PYCSW_IDS);
      expect(result.complete).toBe(true);
      expect(codes(result.warnings)).toContain('NEXT_RECORD_INCONSISTENT');
    });

    it('warns about a page with fewer records than announced (a comment in place of one)', async () => {
      handler = pycsw((start, page) =>
        start === 5
          ? page.replace(
              /<csw:Record>(?:(?!<\/csw:Record>)[\s\S])*?ab42a8c4[\s\S]*?<\/csw:Record>/,
              '<!-- conversion failed -->',
            )
          : page,
      );
      const { result, ids } = await harvest(client());
      expect(ids).toHaveLength(11);
      expect(result).toMatchObject({
        pages: 3,
        received: 11,
        complete: false,
        stopReason: 'nextRecordZero',
      });
      const fewer = result.warnings.find((w) => w.code === 'FEWER_RECORDS_THAN_ANNOUNCED');
      expect(fewer).toEqual({
        code: 'FEWER_RECORDS_THAN_ANNOUNCED',
        start: 5,
        message: 'page at 5 announced 4 records but contained 3 (and 1 comment(s) in their place)',
      });
    });

    it('stops on an empty page', async () => {
      handler = pycsw((start, page) =>
        start === 5
          ? page
              .replace(/numberOfRecordsReturned="4"/, 'numberOfRecordsReturned="0"')
              .replace(/<csw:Record>[\s\S]*<\/csw:Record>/, '')
          : page,
      );
      const { result } = await harvest(client());
      expect(result).toMatchObject({
        stopReason: 'emptyPage',
        pages: 2,
        received: 4,
        complete: false,
      });
    });

    it('pages unsorted when the catalogue refuses SortBy (auto)', async () => {
      const pages = pycsw();
      handler = (req, body, res) => {
        if (paging(req, body).sorted) {
          return xml(
            res,
            '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0"><ows:Exception exceptionCode="InvalidParameterValue" locator="SortBy"><ows:ExceptionText>Invalid SortBy</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
            400,
          );
        }
        return pages(req, body, res);
      };
      const { result, ids } = await harvest(client());
      expect(ids).toEqual(PYCSW_IDS);
      expect(result).toMatchObject({ complete: true, sortedByIdentifier: false });
      expect(codes(result.warnings)).toContain('SORTBY_UNSUPPORTED');
      // With sortByIdentifier: true the refusal is an error.
      const err = await harvest(client(), { sortByIdentifier: true }).catch((e) => e);
      expect(err).toBeInstanceOf(OwsExceptionError);
      expect(err.httpStatus).toBe(400);
      expect(err.locator).toBe('SortBy');
    });

    it('falls back to GET (KVP) when POST is answered with 405, and stays with GET', async () => {
      const pages = pycsw();
      handler = (req, body, res) => {
        if (req.method === 'POST') {
          res.writeHead(405, { Allow: 'GET' });
          return void res.end('Method Not Allowed');
        }
        return pages(req, body, res);
      };
      const c = client();
      const { result, ids } = await harvest(c);
      expect(ids).toEqual(PYCSW_IDS);
      expect(result).toMatchObject({ complete: true, method: 'GET' });
      expect(seen.map((s) => s.method)).toEqual(['POST', 'GET', 'GET', 'GET', 'GET']);
      const q = new URL(seen[1].url, 'http://x').searchParams;
      expect(q.get('request')).toBe('GetRecords');
      expect(q.get('resultType')).toBe('hits');
    });

    it('falls back to GET when POST gets an ExceptionReport saying the request parameter is missing', async () => {
      const pages = pycsw();
      handler = (req, body, res) =>
        req.method === 'POST'
          ? xml(
              res,
              '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception exceptionCode="MissingParameterValue" locator="request"/></ows:ExceptionReport>',
            )
          : pages(req, body, res);
      const { result } = await harvest(client());
      expect(result).toMatchObject({ complete: true, method: 'GET' });
    });
  });

  describe('failures become typed errors', () => {
    it('HTTP 500 with a text body', async () => {
      handler = (_req, _body, res) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('java.lang.NullPointerException\n\tat org.fao.geonet.Foo');
      };
      const err = await client()
        .getRecordsHits()
        .catch((e) => e);
      expect(err).toBeInstanceOf(HttpStatusError);
      expect(err).toMatchObject({
        code: 'HTTP_STATUS',
        status: 500,
        snippet: 'java.lang.NullPointerException at org.fao.geonet.Foo',
      });
      expect(err.message).toBe(
        `HTTP 500 Internal Server Error from ${base}: java.lang.NullPointerException at org.fao.geonet.Foo`,
      );
      expect(seen).toHaveLength(1); // 500 is not "POST unsupported": no GET retry
    });

    it('HTTP 500 with an ExceptionReport body', async () => {
      handler = (_req, _body, res) =>
        xml(
          res,
          '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>Lucene index locked</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
          500,
        );
      const err = await client()
        .getRecordsHits()
        .catch((e) => e);
      expect(err).toBeInstanceOf(OwsExceptionError);
      expect(err).toMatchObject({
        httpStatus: 500,
        exceptionCode: 'NoApplicableCode',
        text: 'Lucene index locked',
      });
    });

    it('an ExceptionReport with status 200', async () => {
      handler = (_req, _body, res) =>
        xml(
          res,
          '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception exceptionCode="InvalidParameterValue" locator="outputSchema"/></ows:ExceptionReport>',
        );
      const err = await client()
        .getRecordsPage({ start: 1, maxRecords: 10 }, { onRecord: () => undefined })
        .catch((e) => e);
      expect(err).toBeInstanceOf(OwsExceptionError);
      expect(err).toMatchObject({ httpStatus: 200, locator: 'outputSchema' });
    });

    it('an HTML page with status 200', async () => {
      handler = (_req, _body, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<!DOCTYPE html><html><body>Wartungsarbeiten</body></html>');
      };
      await expect(client().getRecordsHits()).rejects.toBeInstanceOf(NotXmlError);
    });

    it('a timeout before the response headers', async () => {
      handler = () => new Promise(() => undefined); // never answers
      const err = await client({ timeoutMs: 300 })
        .getRecordsHits()
        .catch((e) => e);
      expect(err).toBeInstanceOf(CswTimeoutError);
      expect(err).toMatchObject({ code: 'TIMEOUT', timeoutMs: 300 });
    });

    it('a timeout while the body is streaming, after some records', async () => {
      const page = fixture('ingrid-harvester-gdk/GetRecordsResults.xml');
      handler = (_req, _body, res) => {
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        res.write(page.slice(0, page.indexOf('</gmd:MD_Metadata>') + 200)); // one record, then silence
      };
      const records: IsoRecord[] = [];
      const err = await client({ timeoutMs: 500 })
        .getRecordsPage({ start: 1, maxRecords: 5 }, { onRecord: (r) => void records.push(r) })
        .catch((e) => e);
      expect(err).toBeInstanceOf(CswTimeoutError);
      expect(records.map((r) => r.fileIdentifier)).toEqual([
        '256a7a13-2bc7-462c-8353-4d09f6c3f8a8',
      ]);
    });

    it('a body larger than maxResponseBytes is aborted while streaming', async () => {
      const record = fixture('owslib/iso19139_srv.xml').replace(/^<\?xml[^>]*>/, '');
      let written = 0;
      handler = (_req, _body, res) => {
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        res.write(
          '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><csw:SearchResults numberOfRecordsMatched="1000" numberOfRecordsReturned="1000" nextRecord="0">',
        );
        const more = (): void => {
          // 50 MB if nobody stopped reading; the client must stop at 1 MB.
          if (written > 50 * 1024 * 1024 || res.destroyed) return void res.end();
          written += record.length;
          if (res.write(record)) setImmediate(more);
          else res.once('drain', more);
        };
        more();
      };
      let delivered = 0;
      const err = await client({ maxResponseBytes: 1024 * 1024 })
        .getRecordsPage({ start: 1, maxRecords: 1000 }, { onRecord: () => void delivered++ })
        .catch((e) => e);
      expect(err).toBeInstanceOf(ResponseTooLargeError);
      expect(err).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limitBytes: 1024 * 1024 });
      expect(delivered).toBeGreaterThan(0);
      expect(delivered).toBeLessThan(40);
      expect(written).toBeLessThan(20 * 1024 * 1024);
    });

    it('a refused connection', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const err = await new CswClient({ url: `http://127.0.0.1:${port}/csw` })
        .getRecordsHits()
        .catch((e) => e);
      expect(err).toBeInstanceOf(CswError);
      expect(err.code).toBe('NETWORK');
      expect(err.message).toMatch(/ECONNREFUSED/);
    });

    it('cancellation by the caller', async () => {
      handler = () => new Promise(() => undefined);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const err = await client()
        .getRecordsHits({}, controller.signal)
        .catch((e) => e);
      expect(err).toMatchObject({ code: 'ABORTED' });
    });
  });
});
