import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Answers smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * JSON, CSV, XML/RDF and other text. Never text/event-stream: an endless stream would wait in the
 * compressor's buffer instead of reaching the browser event by event.
 */
const COMPRESSIBLE = /^text\/(?!event-stream)|[/+](?:json|xml)(?:;|$)/;

/**
 * Compresses what the proxies pass on (reporting's JSON: the overview's 500 platforms are 300 KB
 * as text, issue 21) with brotli or gzip, as the browser accepts (Vary: Accept-Encoding). An answer
 * the upstream compressed already, and the static files (precompressed at build), keep their
 * encoding. Register before the routes it should cover.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  // A proxied body is a stream, whose size @fastify/compress cannot see; the upstream's
  // Content-Length says it. Below the threshold, its documented per-request opt-out.
  // (Application hooks run before the plugin's route hooks.)
  app.addHook('onSend', async (request, reply, payload) => {
    const length = Number(reply.getHeader('content-length'));
    if (isStream(payload) && length < COMPRESSION_THRESHOLD_BYTES)
      request.headers['x-no-compression'] = '1';
    return payload;
  });
  await app.register(fastifyCompress, {
    global: true,
    // No deflate or zstd: every browser takes one of these two. Brotli at the plugin's quality 4.
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD_BYTES,
    customTypes: COMPRESSIBLE,
  });
}

function isStream(payload: unknown): boolean {
  return typeof (payload as { pipe?: unknown } | null)?.pipe === 'function';
}
