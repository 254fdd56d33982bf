import { CswError, HttpStatusError } from '@dpi/csw';
import { SHARED_DIR } from '@dpi/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isTransient, ResilientCswClient } from './resilient-client';

const PAGE = readFileSync(
  join(SHARED_DIR, 'fixtures/csw/ingrid-harvester-gdk/GetRecordsResults.xml'),
);

/** A fetch that answers from a script, one entry per call. */
function scriptedFetch(script: (() => Response | Promise<Response>)[]) {
  const calls: number[] = [];
  const fn = (async () => {
    calls.push(Date.now());
    const next = script.shift();
    if (!next) throw new Error('no more answers scripted');
    return next();
  }) as unknown as typeof fetch;
  return { fn, calls };
}

const xml = () =>
  new Response(PAGE, { status: 200, headers: { 'content-type': 'application/xml' } });
const status = (code: number) => () => new Response('busy', { status: code });
const networkError = (code: string) => () => {
  throw Object.assign(new TypeError('fetch failed'), { cause: { code } });
};

const client = (
  fetchFn: typeof fetch,
  maxAttempts = 3,
  maxRequestsPerSecond: number | null = null,
) => {
  const retries: string[] = [];
  const c = new ResilientCswClient(
    { url: 'http://catalogue.test/csw', fetch: fetchFn, method: 'POST' },
    {
      maxAttempts,
      backoffMs: 5,
      maxBackoffMs: 20,
      maxRequestsPerSecond,
      onRetry: ({ error }) => retries.push(error.message),
    },
  );
  return { c, retries };
};

describe('isTransient', () => {
  it('retries timeouts, network failures, 5xx and 429 — not client errors or unknown hosts', () => {
    expect(isTransient(new HttpStatusError(503, 'Service Unavailable', 'u', ''))).toBe(true);
    expect(isTransient(new HttpStatusError(429, 'Too Many Requests', 'u', ''))).toBe(true);
    expect(isTransient(new HttpStatusError(404, 'Not Found', 'u', ''))).toBe(false);
    expect(isTransient(new CswError('TIMEOUT', 't'))).toBe(true);
    expect(isTransient(new CswError('XML_SYNTAX', 'x'))).toBe(false);
    const reset = new CswError('NETWORK', 'n', { cause: { cause: { code: 'ECONNRESET' } } });
    const unknownHost = new CswError('NETWORK', 'n', { cause: { cause: { code: 'ENOTFOUND' } } });
    expect(isTransient(reset)).toBe(true);
    expect(isTransient(unknownHost)).toBe(false);
    expect(isTransient(new Error('boom'))).toBe(false);
  });
});

describe('ResilientCswClient', () => {
  it('retries a page after transient failures and delivers its records once, after the page', async () => {
    const { fn, calls } = scriptedFetch([status(503), networkError('ECONNRESET'), xml]);
    const { c, retries } = client(fn);
    const seen: string[] = [];
    const page = await c.getRecordsPage(
      { start: 1, maxRecords: 5 },
      { onRecord: (r) => void seen.push(r.fileIdentifier ?? '') },
    );
    expect(calls).toHaveLength(3);
    expect(retries).toEqual([
      expect.stringContaining('HTTP 503'),
      expect.stringContaining('ECONNRESET'),
    ]);
    expect(seen).toHaveLength(5);
    expect(page.records.map((r) => r.fileIdentifier)).toEqual(seen);
    expect(page.received).toBe(5);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { fn, calls } = scriptedFetch([status(502), status(502)]);
    const { c } = client(fn, 2);
    await expect(
      c.getRecordsPage({ start: 1, maxRecords: 5 }, { onRecord: () => undefined }),
    ).rejects.toThrow('HTTP 502');
    expect(calls).toHaveLength(2);
  });

  it('does not retry what repeating cannot cure', async () => {
    const { fn, calls } = scriptedFetch([status(404), xml]);
    const { c } = client(fn);
    await expect(
      c.getRecordsPage({ start: 1, maxRecords: 5 }, { onRecord: () => undefined }),
    ).rejects.toThrow('HTTP 404');
    expect(calls).toHaveLength(1);
  });

  it('spaces requests by the rate limit', async () => {
    const { fn, calls } = scriptedFetch([xml, xml, xml]);
    const { c } = client(fn, 1, 20);
    for (let i = 0; i < 3; i++) {
      await c.getRecordsPage({ start: 1, maxRecords: 5 }, { onRecord: () => undefined });
    }
    expect(calls[2] - calls[0]).toBeGreaterThanOrEqual(95);
  });

  it('stops waiting for a retry when the job is aborted', async () => {
    const { fn } = scriptedFetch([status(503), xml]);
    const controller = new AbortController();
    const c = new ResilientCswClient(
      { url: 'http://catalogue.test/csw', fetch: fn, method: 'POST' },
      {
        maxAttempts: 3,
        backoffMs: 60_000,
        maxBackoffMs: 60_000,
        maxRequestsPerSecond: null,
        onRetry: () => controller.abort(),
      },
    );
    await expect(
      c.getRecordsPage(
        { start: 1, maxRecords: 5, signal: controller.signal },
        { onRecord: () => undefined },
      ),
    ).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
