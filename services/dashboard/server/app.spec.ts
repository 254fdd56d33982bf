import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  type IncomingHttpHeaders,
  type RequestListener,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { buildServer } from './app';
import { type DashboardConfig, loadConfig } from './config';

// A stand-in for the reporting service: a plain HTTP server on a free port.
interface Upstream {
  url: string;
  seen: { url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

const SUMMARY = {
  total: 3,
  laender: [{ code: 'DE-HH', name: 'Hamburg', platforms: 3 }],
  generatedAt: '2025-11-23T14:38:02.000Z',
};

async function startUpstream(handler: RequestListener): Promise<Upstream> {
  const seen: Upstream['seen'] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

const reporting: RequestListener = (req, res) => {
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.url === '/health/live') return json(200, { status: 'ok' });
  if (req.url?.startsWith('/api/v1/inventory/summary')) return json(200, SUMMARY);
  return json(404, { status: 404, title: 'Not Found' });
};

/** A URL nobody listens on: a port that was free a moment ago. */
async function deadUrl(): Promise<string> {
  const upstream = await startUpstream(() => undefined);
  await upstream.close();
  return upstream.url;
}

describe('dashboard server', () => {
  let webRoot: string;
  const cleanup: (() => Promise<unknown>)[] = [];

  beforeAll(() => {
    webRoot = mkdtempSync(join(tmpdir(), 'dashboard-web-'));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><html lang="de"><title>Datenplattform-Inventar</title></html>',
    );
    writeFileSync(join(webRoot, 'laender.geojson'), '{"type":"FeatureCollection","features":[]}');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'assets', 'index-abc123.js'), 'console.log("dashboard");');
    // As scripts/precompress.mjs leaves them: compressed copies beside the files.
    for (const file of ['index.html', 'assets/index-abc123.js']) {
      const raw = readFileSync(join(webRoot, file));
      writeFileSync(join(webRoot, `${file}.br`), brotliCompressSync(raw));
      writeFileSync(join(webRoot, `${file}.gz`), gzipSync(raw));
    }
  });

  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()?.();
  });

  async function startDashboard(
    reportingUrl: string,
    overrides: Partial<DashboardConfig> = {},
  ): Promise<string> {
    const config = {
      ...loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        REPORTING_URL: reportingUrl,
        WEB_ROOT: webRoot,
      }),
      ...overrides,
    };
    const app: FastifyInstance = await buildServer(config);
    cleanup.push(() => app.close());
    return app.listen({ port: config.port, host: config.host });
  }

  async function withReporting(
    handler: RequestListener = reporting,
  ): Promise<{ upstream: Upstream; base: string }> {
    const upstream = await startUpstream(handler);
    cleanup.push(() => upstream.close());
    return { upstream, base: await startDashboard(upstream.url) };
  }

  describe('health', () => {
    it('is live without asking anyone', async () => {
      const base = await startDashboard(await deadUrl());
      const response = await fetch(`${base}/health/live`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });

    it('is ready when the reporting service is live', async () => {
      const { upstream, base } = await withReporting();
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', reporting: 'up' });
      expect(upstream.seen.map((request) => request.url)).toEqual(['/health/live']);
    });

    it('is not ready when nothing listens at REPORTING_URL', async () => {
      const base = await startDashboard(await deadUrl());
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'error', reporting: 'down' });
    });

    it('is not ready when reporting answers with an error', async () => {
      const { base } = await withReporting((_req, res) => {
        res.writeHead(500);
        res.end();
      });
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'error', reporting: 'down' });
    });

    it('is not ready when reporting takes longer than the time-out', async () => {
      const upstream = await startUpstream((_req, res) => {
        setTimeout(() => res.end('{"status":"ok"}'), 2000).unref();
      });
      cleanup.push(() => upstream.close());
      const base = await startDashboard(upstream.url, { readinessTimeoutMs: 200 });

      const started = Date.now();
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(1500);
    });
  });

  describe('/api proxy', () => {
    it('forwards path, query and correlation id to the reporting service', async () => {
      const { upstream, base } = await withReporting();
      const response = await fetch(`${base}/api/v1/inventory/summary?land=DE-HH`, {
        headers: { 'x-correlation-id': 'test-correlation-1' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(SUMMARY);
      expect(upstream.seen).toHaveLength(1);
      expect(upstream.seen[0].url).toBe('/api/v1/inventory/summary?land=DE-HH');
      expect(upstream.seen[0].headers['x-correlation-id']).toBe('test-correlation-1');
      expect(response.headers.get('x-correlation-id')).toBe('test-correlation-1');
    });

    it("passes the reporting service's own errors through", async () => {
      const { base } = await withReporting();
      const response = await fetch(`${base}/api/v1/unknown`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ status: 404, title: 'Not Found' });
    });

    it('forwards /registry-api to the registry with method, body, token and If-Match', async () => {
      const registry = await startUpstream((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          res.writeHead(412, { 'content-type': 'application/problem+json', etag: '"7"' });
          res.end(JSON.stringify({ status: 412, echo: body }));
        });
      });
      cleanup.push(() => registry.close());
      const reportingUpstream = await startUpstream(reporting);
      cleanup.push(() => reportingUpstream.close());
      const base = await startDashboard(reportingUpstream.url, { registryUrl: registry.url });
      const response = await fetch(`${base}/registry-api/v1/platforms/abc`, {
        method: 'PATCH',
        headers: {
          authorization: 'Bearer editor-token-0123456789',
          'if-match': '"6"',
          'content-type': 'application/merge-patch+json',
        },
        body: '{"name":"Neu"}',
      });
      expect(response.status).toBe(412);
      expect(response.headers.get('etag')).toBe('"7"');
      expect(await response.json()).toEqual({ status: 412, echo: '{"name":"Neu"}' });
      expect(registry.seen).toHaveLength(1);
      expect(registry.seen[0].url).toBe('/api/v1/platforms/abc');
      expect(registry.seen[0].headers['authorization']).toBe('Bearer editor-token-0123456789');
      expect(registry.seen[0].headers['if-match']).toBe('"6"');
      // Negative control: the reporting service saw none of it.
      expect(reportingUpstream.seen).toHaveLength(0);
    });

    it('answers 502 naming the registry while it is down', async () => {
      const reportingUpstream = await startUpstream(reporting);
      cleanup.push(() => reportingUpstream.close());
      const base = await startDashboard(reportingUpstream.url, { registryUrl: await deadUrl() });
      const response = await fetch(`${base}/registry-api/v1/rounds`);
      expect(response.status).toBe(502);
      expect(await response.json()).toMatchObject({ detail: 'Registry nicht erreichbar' });
    });

    it('answers 502 with a problem document while reporting is down', async () => {
      const base = await startDashboard(await deadUrl());
      const response = await fetch(`${base}/api/v1/inventory/summary`);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toEqual({
        type: 'about:blank',
        title: 'Bad Gateway',
        status: 502,
        detail: 'Reporting-Dienst nicht erreichbar',
      });
    });
  });

  describe('web app', () => {
    it('serves index.html at / with a same-origin content security policy', async () => {
      const base = await startDashboard(await deadUrl());
      const response = await fetch(`${base}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toContain('<title>Datenplattform-Inventar</title>');
    });

    it('falls back to index.html for client-side routes', async () => {
      const base = await startDashboard(await deadUrl());
      const response = await fetch(`${base}/laender/DE-HH?ansicht=karte`, {
        headers: { accept: 'text/html' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<title>Datenplattform-Inventar</title>');
    });

    it('serves hashed assets as immutable and other files as revalidated', async () => {
      const base = await startDashboard(await deadUrl());
      const asset = await fetch(`${base}/assets/index-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await asset.text()).toBe('console.log("dashboard");');

      const outlines = await fetch(`${base}/laender.geojson`);
      expect(outlines.status).toBe(200);
      expect(outlines.headers.get('cache-control')).toBe('no-cache');
    });

    it('sends the precompressed copy the browser accepts, brotli first', async () => {
      const base = await startDashboard(await deadUrl());
      const get = (path: string, encoding: string) =>
        fetch(`${base}${path}`, { headers: { 'accept-encoding': encoding, accept: 'text/html' } });
      const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await br.text()).toBe('console.log("dashboard");');
      const gzip = await get('/assets/index-abc123.js', 'gzip');
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      expect(await gzip.text()).toBe('console.log("dashboard");');
      // Negative control: a client that accepts no compression gets the file as it is.
      const plain = await get('/assets/index-abc123.js', 'identity');
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe('console.log("dashboard");');
      // The page itself, also as the fallback of a client-side route: compressed, revalidated.
      for (const path of ['/', '/land/DE-HB']) {
        const page = await get(path, 'br');
        expect(page.headers.get('content-encoding')).toBe('br');
        expect(page.headers.get('cache-control')).toBe('no-cache');
        expect(await page.text()).toContain('<title>Datenplattform-Inventar</title>');
      }
    });

    it.each(['/assets/missing.js', '/favicon.ico', '/health/unknown'])(
      'answers 404 for %s instead of the app',
      async (path) => {
        const base = await startDashboard(await deadUrl());
        const response = await fetch(`${base}${path}`);
        expect(response.status).toBe(404);
        expect(await response.text()).not.toContain('<title>');
      },
    );
  });

  it('streams server-sent events through the proxy and ends them on shutdown', async () => {
    const upstream = await startUpstream((req, res) => {
      if (req.url !== '/api/v1/events') return reporting(req, res);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('retry: 2000\n\nevent: changed\ndata: {"model":"platform"}\n\n');
    });
    cleanup.push(() => upstream.close());
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      REPORTING_URL: upstream.url,
      WEB_ROOT: webRoot,
    });
    const app = await buildServer(config);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${base}/api/v1/events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('event: changed')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('data: {"model":"platform"}');
    const started = Date.now();
    await app.close();
    // Without ending the stream, close() would wait for it forever (the server's grace: 10 s).
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(reader.read()).rejects.toThrow();
  });

  it('refuses to start without a built web app', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'dashboard-empty-'));
    cleanup.push(async () => rmSync(empty, { recursive: true, force: true }));
    const config = loadConfig({ LOG_LEVEL: 'silent', WEB_ROOT: empty });
    await expect(buildServer(config)).rejects.toThrow(/index\.html not found/);
  });
});
