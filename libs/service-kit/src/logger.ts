import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Params } from 'nestjs-pino';
import pino from 'pino';
import type { Options } from 'pino-http';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Request id = the caller's X-Correlation-Id when it is sane, else a new UUID. */
export function requestId(req: { headers: IncomingHttpHeaders }): string {
  const header = req.headers['x-correlation-id'] ?? req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/** The one logger setup: structured JSON, secrets redacted; to stdout, or appended to `file`. */
export function loggerParams(service: string, level: string, file?: string): Params {
  const options: Options = {
    level,
    name: service,
    base: { service },
    genReqId: (req) => requestId(req),
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    customLogLevel: (_req, res, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
  };
  if (!file) return { pinoHttp: options };
  // Synchronous like pino's stdout: a test that fails reads the file right after its last line.
  return {
    pinoHttp: [options, pino.destination({ dest: file, append: true, mkdir: true, sync: true })],
  };
}
