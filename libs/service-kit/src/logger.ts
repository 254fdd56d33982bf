import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Params } from 'nestjs-pino';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Request id = the caller's X-Correlation-Id when it is sane, else a new UUID. */
export function requestId(req: { headers: IncomingHttpHeaders }): string {
  const header = req.headers['x-correlation-id'] ?? req.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_ID.test(value) ? value : randomUUID();
}

/** The one logger setup: structured JSON, secrets redacted. */
export function loggerParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      name: service,
      base: { service },
      genReqId: (req) => requestId(req),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    },
  };
}
