import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingMessage, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildServer } from './app';
import { COMPRESSION_THRESHOLD_BYTES } from './compression';
import { loadConfig } from './config';

// 500 platforms as the overview loads them: ~100 KB of JSON.
const ITEMS = JSON.stringify({
  items: Array.from({ length: 500 }, (_, n) => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    kind: 'platform',
    title: `Lastplattform ${n}`,
    landCode: 'DE-HH',
    type: 'openDataPortal',
    status: 'production',
  })),
  total: 500,
  nextCursor: null,
});
const SMALL = JSON.stringify({ status: 'ok', platforms: 3 });

/** reporting's stand-in: the items list, a small answer, and a server-sent event stream. */
const reporting: RequestListener = (req, res) => {
  if (req.url?.startsWith('/api/v1/items')) {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    return res.end(ITEMS);
  }
  if (req.url === '/api/v1/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
    // Left open, like reporting's stream: only what is written arrives.
    return res.write('retry: 2000\n\nevent: changed\ndata: {"model":"platform"}\n\n');
  }
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(SMALL),
  });
  res.end(SMALL);
};

interface RawResponse {
  response: IncomingMessage;
  body: Buffer;
}

/** GET without a client that decodes for us: the bytes as they came over the wire. */
function rawGet(url: string, acceptEncoding: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

describe('dashboard server: compressed API answers', () => {
  let webRoot: string;
  let base: string;
  let app: FastifyInstance;
  const upstream = createServer(reporting);

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'dashboard-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Inventar</title>');
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const reportingUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    app = await buildServer(
      loadConfig({
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        REPORTING_URL: reportingUrl,
        REGISTRY_URL: reportingUrl,
        WEB_ROOT: webRoot,
      }),
    );
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
    rmSync(webRoot, { recursive: true, force: true });
  });

  it.each([
    ['br', 'gzip, deflate, br', brotliDecompressSync],
    ['gzip', 'gzip, deflate', gunzipSync],
  ])(
    'sends a large JSON answer %s-compressed that decodes to the same body',
    async (encoding, accepted, decode) => {
      for (const path of ['/api/v1/items?kind=platform&limit=500', '/registry-api/v1/items']) {
        const { response, body } = await rawGet(`${base}${path}`, accepted);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-encoding']).toBe(encoding);
        expect(response.headers['vary']).toMatch(/accept-encoding/i);
        expect(body.length).toBeLessThan(Buffer.byteLength(ITEMS) / 5);
        expect(decode(body).toString('utf8')).toBe(ITEMS);
      }
    },
  );

  it('sends it as it is to a client that accepts no compression', async () => {
    const { response, body } = await rawGet(`${base}/api/v1/items`, 'identity');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(body.toString('utf8')).toBe(ITEMS);
  });

  it('sends an answer below the threshold as it is', async () => {
    expect(Buffer.byteLength(SMALL)).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    const { response, body } = await rawGet(`${base}/api/v1/summary`, 'gzip, deflate, br');
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(body.toString('utf8')).toBe(SMALL);
  });

  it('passes server-sent events on uncompressed and unbuffered', async () => {
    const response = await fetch(`${base}/api/v1/events`, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('content-encoding')).toBeNull();
    // The stream stays open: the event must arrive without it ending (a compressor would hold it).
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('data: {"model":"platform"}')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain('event: changed');
    await reader.cancel();
  });
});
