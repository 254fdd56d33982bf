import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ForeignRecord, IsoRecord } from '../iso/types';
import { CswClient, type CswClientOptions } from './client';
import { harvestAll, type HarvestOptions } from './harvest';

const FIXTURES = join(__dirname, '../../../../../shared/fixtures/csw');
export const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

const PYCSW_PAGES: Record<number, string> = {
  1: fixture('pycsw/stablesort_expected_get_GetRecords-page1.xml'),
  5: fixture('pycsw/stablesort_expected_get_GetRecords-page2.xml'),
  9: fixture('pycsw/stablesort_expected_get_GetRecords-page3.xml'),
};
/** The identifiers of pycsw's twelve records, in page order. */
export const PYCSW_IDS = Object.values(PYCSW_PAGES).flatMap((xml) =>
  [...xml.matchAll(/<dc:identifier>([^<]+)<\/dc:identifier>/g)].map((m) => m[1]),
);
const HITS_12 =
  '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><csw:SearchResults numberOfRecordsMatched="12" numberOfRecordsReturned="0" nextRecord="1"/></csw:GetRecordsResponse>';

/** A request the server received. */
export interface Seen {
  method: string;
  url: string;
  body: string;
}

export type Handler = (
  req: IncomingMessage,
  body: string,
  res: ServerResponse,
) => void | Promise<void>;

/** A local HTTP server answering with whatever `handler` the running test set. */
export interface TestServer {
  /** The CSW URL (set in beforeAll). */
  base: string;
  handler: Handler;
  /** The requests of the running test. */
  seen: Seen[];
  /** A client of `base` with a 5 s timeout unless told otherwise. */
  client(options?: Partial<CswClientOptions>): CswClient;
}

/**
 * Starts the server for the test file (beforeAll/afterAll); before each test `seen` is emptied,
 * after each the test's connections are closed.
 */
export function useTestServer(): TestServer {
  let server: Server;
  const test: TestServer = {
    base: '',
    handler: () => undefined,
    seen: [],
    client: (options = {}) => new CswClient({ url: test.base, timeoutMs: 5000, ...options }),
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        test.seen.push({ method: req.method ?? '', url: req.url ?? '', body });
        Promise.resolve(test.handler(req, body, res)).catch((e) => {
          res.statusCode = 599;
          res.end(String(e));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    test.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/csw`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    test.seen = [];
  });

  afterEach(async () => {
    // Stalled test responses must not outlive their test; give the client a moment to see the closes.
    server.closeAllConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  return test;
}

export function xml(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'Content-Type': 'application/xml; charset=UTF-8' });
  res.end(body);
}

/** Paging parameters of a request, POST or GET. */
export function paging(
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
export function pycsw(rewrite: (start: number, page: string) => string = (_s, p) => p): Handler {
  return (req, body, res) => {
    const p = paging(req, body);
    if (p.hits) return xml(res, HITS_12);
    const page = PYCSW_PAGES[p.start];
    if (!page) return xml(res, '<nope/>', 404);
    xml(res, rewrite(p.start, page));
  };
}

/** harvestAll in pages of 4: its result and the identifiers of the records in order. */
export async function harvest(
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

export const codes = (warnings: { code: string }[]) => [...new Set(warnings.map((w) => w.code))];
