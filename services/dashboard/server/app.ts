import fastifyHttpProxy from '@fastify/http-proxy';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { registerCompression } from './compression';
import type { DashboardConfig } from './config';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** The reporting service's server-sent events, proxied like every other API path. */
const EVENTS_PATH = '/api/v1/events';
/** The registry's /api, proxied for the entry UI: `/registry-api/v1/platforms` → `/api/v1/platforms`. */
export const REGISTRY_PREFIX = '/registry-api';

/** Everything the page loads comes from this origin: the map has no tile server on purpose. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // OpenLayers positions its controls and overlays with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The dashboard's production server: the built web app (dist/web) with an index.html fallback for
 * client-side routes, /api proxied to the reporting service, /registry-api to the registry (the
 * entry UI's reads and writes), and health endpoints. Not listening
 * yet; the caller decides where (main.ts, or a test on port 0).
 */
export async function buildServer(config: DashboardConfig): Promise<FastifyInstance> {
  const indexHtml = join(config.webRoot, 'index.html');
  if (!existsSync(indexHtml)) {
    throw new Error(`${indexHtml} not found: build the web app first (nx run dashboard:build)`);
  }

  const app = Fastify({
    logger: { level: config.logLevel, base: { service: 'dashboard' } },
    genReqId: requestId,
    return503OnClosing: true,
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    }
  });

  registerHealth(app, config);

  // Server-sent event streams (/api/v1/events) never end by themselves: end them on shutdown, or
  // app.close() would wait for them until the grace period runs out. Browsers reconnect.
  const eventStreams = new Set<ServerResponse>();
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.split('?')[0] !== EVENTS_PATH) return;
    const stream = reply.raw;
    eventStreams.add(stream);
    stream.once('close', () => eventStreams.delete(stream));
  });
  app.addHook('preClose', async () => {
    for (const stream of eventStreams) stream.destroy();
  });

  // Before the proxies: their JSON goes out brotli/gzip-compressed (server-sent events never).
  await registerCompression(app);
  await registerProxy(app, {
    upstream: config.reportingUrl,
    prefix: '/api',
    unreachable: 'Reporting-Dienst nicht erreichbar',
  });
  // The entry UI (/erfassung, issue 22) writes through the registry; its /api/v1 shares paths
  // with reporting's (/rounds, /laender), so it gets a prefix of its own.
  await registerProxy(app, {
    upstream: config.registryUrl,
    prefix: REGISTRY_PREFIX,
    unreachable: 'Registry nicht erreichbar',
  });

  await app.register(fastifyStatic, {
    root: config.webRoot,
    dotfiles: 'ignore',
    // The build writes .br and .gz beside every text file (scripts/precompress.mjs): sent to
    // browsers that accept them (Vary: Accept-Encoding), never compressed per request.
    preCompressed: true,
    setHeaders: (reply, path) => {
      // Vite puts a content hash into every file under assets/; everything else may change.
      const hashed = relative(config.webRoot, path).startsWith(`assets${sep}`);
      reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  // Client-side routes get the app; missing files and unknown API-like paths get a real 404.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !path.startsWith('/api/') &&
      !path.startsWith(`${REGISTRY_PREFIX}/`) &&
      !path.startsWith('/health/') &&
      extname(path) === '';
    if (wantsPage) return reply.sendFile('index.html');
    return reply
      .code(404)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: `${request.method} ${path} gibt es nicht`,
      });
  });

  return app;
}

/** One upstream's API below `prefix` (rewritten to its /api), answering 502/504 as problems. */
async function registerProxy(
  app: FastifyInstance,
  options: { upstream: string; prefix: string; unreachable: string },
): Promise<void> {
  await app.register(fastifyHttpProxy, {
    upstream: options.upstream,
    prefix: options.prefix,
    rewritePrefix: '/api',
    undici: { headersTimeout: 15_000, bodyTimeout: 60_000 },
    // Fastify already logs each request; failures are logged in onError below.
    disableRequestLogging: true,
    replyOptions: {
      // The browser polls anyway; retrying here (reply-from retries GETs on 503) only adds delay.
      retryDelay: () => null,
      rewriteRequestHeaders: (request, headers) => ({ ...headers, 'x-correlation-id': request.id }),
      onError: (reply, { error }) => {
        const timedOut = (error as { statusCode?: number }).statusCode === 504;
        // reply-from has already logged the cause as a warning ("response errored").
        const status = timedOut ? 504 : 502;
        void reply
          .code(status)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            title: timedOut ? 'Gateway Timeout' : 'Bad Gateway',
            status,
            detail: options.unreachable,
          });
      },
    },
  });
}

function registerHealth(app: FastifyInstance, config: DashboardConfig): void {
  // Probes hit these every few seconds: keep them out of the info log.
  app.get('/health/live', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  let reportingWasUp: boolean | undefined;
  app.get('/health/ready', { logLevel: 'warn' }, async (_request, reply) => {
    const up = await isReachable(`${config.reportingUrl}/health/live`, config.readinessTimeoutMs);
    if (up !== reportingWasUp) {
      if (up) app.log.info({ upstream: config.reportingUrl }, 'reporting service is up');
      else app.log.warn({ upstream: config.reportingUrl }, 'reporting service is down');
      reportingWasUp = up;
    }
    if (up) return { status: 'ok', reporting: 'up' };
    return reply.code(503).send({ status: 'error', reporting: 'down' });
  });
}

async function isReachable(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Request id = the caller's X-Correlation-Id when it is sane, else a new UUID (as in service-kit). */
function requestId(req: IncomingMessage): string {
  const header = req.headers['x-correlation-id'] ?? req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}
