import { eventually } from '@dpi/testing';
import type { IncomingMessage } from 'node:http';
import { OwsExceptionError } from '../errors';
import { codes, harvest, paging, PYCSW_IDS, pycsw, useTestServer, xml } from './client.test-helper';

// harvestAll's paging through CswClient; the single requests and their failures are in
// client.spec.ts.
const server = useTestServer();

/** Requests the server has seen once a page's next page was asked for: hits, pages, prefetch. */
const PREFETCHED_BY: Record<number, number> = { 1: 3, 5: 4, 9: 4 };

describe('CswClient against a local HTTP server serving the fixtures', () => {
  describe('harvestAll over pycsw stable-sort pages (matched 12, pages of 4)', () => {
    it('pages by start += returned and stops on nextRecord 0 with a complete harvest', async () => {
      server.handler = pycsw();
      const { result, ids } = await harvest(server.client());
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
        server.seen.map((s) => paging({ method: s.method, url: s.url } as IncomingMessage, s.body)),
      ).toEqual([
        { start: 1, hits: true, sorted: false },
        { start: 1, hits: false, sorted: true },
        { start: 5, hits: false, sorted: true },
        { start: 9, hits: false, sorted: true },
      ]);
    });

    it('reads the next page while onPage stores the previous one, calling onPage in order, one at a time', async () => {
      server.handler = pycsw();
      const events: string[] = [];
      let storing = 0;
      let mostAtOnce = 0;
      const { result } = await harvest(server.client(), {
        onPage: async (page) => {
          storing++;
          mostAtOnce = Math.max(mostAtOnce, storing);
          // Stored until the next page's request arrived (without prefetch it never would: the
          // deadline fails the test) — a condition, not a pause.
          await eventually(
            () => expect(server.seen.length).toBeGreaterThanOrEqual(PREFETCHED_BY[page.start]),
            { intervalMs: 10 },
          );
          events.push(`stored ${page.start} (requests so far: ${server.seen.length})`);
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
      server.handler = pycsw();
      const stored: number[] = [];
      await expect(
        harvest(server.client(), {
          onPage: async (page) => {
            if (page.start === 5) throw new Error('database down');
            stored.push(page.start);
          },
        }),
      ).rejects.toThrow('database down');
      expect(stored).toEqual([1]);
    });

    it('waits for onPage before the next request with prefetch: false', async () => {
      server.handler = pycsw();
      const events: string[] = [];
      await harvest(server.client(), {
        prefetch: false,
        onPage: async (page) => {
          // Time for a request that must not come: a wrong prefetch may slip past on a slow
          // machine, a right harvest never fails here.
          await new Promise((resolve) => setTimeout(resolve, 200));
          events.push(`stored ${page.start} (requests so far: ${server.seen.length})`);
        },
      });
      expect(events).toEqual([
        'stored 1 (requests so far: 2)',
        'stored 5 (requests so far: 3)',
        'stored 9 (requests so far: 4)',
      ]);
    });

    it('stops when nextRecord goes backwards, and says the harvest is incomplete', async () => {
      server.handler = pycsw((start, page) =>
        start === 5 ? page.replace('nextRecord="9"', 'nextRecord="1"') : page,
      );
      const { result, ids } = await harvest(server.client());
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
      server.handler = pycsw((start, page) =>
        start === 1 ? page.replace('nextRecord="5"', 'nextRecord="99"') : page,
      );
      const { result } = await harvest(server.client());
      expect(result).toMatchObject({
        stopReason: 'nextRecordBeyondMatched',
        pages: 1,
        received: 4,
        complete: false,
      });
    });

    it('without nextRecord, pages by count until start passes numberOfRecordsMatched', async () => {
      server.handler = pycsw((_s, page) => page.replace(/ nextRecord="\d+"/, ''));
      const { result, ids } = await harvest(server.client());
      expect(ids).toEqual(PYCSW_IDS);
      expect(result).toMatchObject({ stopReason: 'endOfResults', pages: 3, complete: true });
      expect(result.warnings.filter((w) => w.code === 'NEXT_RECORD_MISSING')).toHaveLength(1);
    });

    it('warns when nextRecord disagrees with the count, and keeps paging by count', async () => {
      server.handler = pycsw((start, page) =>
        start === 1 ? page.replace('nextRecord="5"', 'nextRecord="7"') : page,
      );
      const { result, ids } = await harvest(server.client());
      expect(ids).toEqual(PYCSW_IDS);
      expect(result.complete).toBe(true);
      expect(codes(result.warnings)).toContain('NEXT_RECORD_INCONSISTENT');
    });

    it('warns about a page with fewer records than announced (a comment in place of one)', async () => {
      server.handler = pycsw((start, page) =>
        start === 5
          ? page.replace(
              /<csw:Record>(?:(?!<\/csw:Record>)[\s\S])*?ab42a8c4[\s\S]*?<\/csw:Record>/,
              '<!-- conversion failed -->',
            )
          : page,
      );
      const { result, ids } = await harvest(server.client());
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
      server.handler = pycsw((start, page) =>
        start === 5
          ? page
              .replace(/numberOfRecordsReturned="4"/, 'numberOfRecordsReturned="0"')
              .replace(/<csw:Record>[\s\S]*<\/csw:Record>/, '')
          : page,
      );
      const { result } = await harvest(server.client());
      expect(result).toMatchObject({
        stopReason: 'emptyPage',
        pages: 2,
        received: 4,
        complete: false,
      });
    });

    it('pages unsorted when the catalogue refuses SortBy (auto)', async () => {
      const pages = pycsw();
      server.handler = (req, body, res) => {
        if (paging(req, body).sorted) {
          return xml(
            res,
            '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0"><ows:Exception exceptionCode="InvalidParameterValue" locator="SortBy"><ows:ExceptionText>Invalid SortBy</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
            400,
          );
        }
        return pages(req, body, res);
      };
      const { result, ids } = await harvest(server.client());
      expect(ids).toEqual(PYCSW_IDS);
      expect(result).toMatchObject({ complete: true, sortedByIdentifier: false });
      expect(codes(result.warnings)).toContain('SORTBY_UNSUPPORTED');
      // With sortByIdentifier: true the refusal is an error.
      const err = await harvest(server.client(), { sortByIdentifier: true }).catch((e) => e);
      expect(err).toBeInstanceOf(OwsExceptionError);
      expect(err.httpStatus).toBe(400);
      expect(err.locator).toBe('SortBy');
    });

    it('falls back to GET (KVP) when POST is answered with 405, and stays with GET', async () => {
      const pages = pycsw();
      server.handler = (req, body, res) => {
        if (req.method === 'POST') {
          res.writeHead(405, { Allow: 'GET' });
          return void res.end('Method Not Allowed');
        }
        return pages(req, body, res);
      };
      const c = server.client();
      const { result, ids } = await harvest(c);
      expect(ids).toEqual(PYCSW_IDS);
      expect(result).toMatchObject({ complete: true, method: 'GET' });
      expect(server.seen.map((s) => s.method)).toEqual(['POST', 'GET', 'GET', 'GET', 'GET']);
      const q = new URL(server.seen[1].url, 'http://x').searchParams;
      expect(q.get('request')).toBe('GetRecords');
      expect(q.get('resultType')).toBe('hits');
    });

    it('falls back to GET when POST gets an ExceptionReport saying the request parameter is missing', async () => {
      const pages = pycsw();
      server.handler = (req, body, res) =>
        req.method === 'POST'
          ? xml(
              res,
              '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception exceptionCode="MissingParameterValue" locator="request"/></ows:ExceptionReport>',
            )
          : pages(req, body, res);
      const { result } = await harvest(server.client());
      expect(result).toMatchObject({ complete: true, method: 'GET' });
    });
  });
});
