import type { FastifyRequest } from 'fastify';

/**
 * Scheme and authority the client used (`X-Forwarded-Proto`/`-Host` from a reverse proxy
 * first), for the absolute links and IRIs of DCAT-AP.de and OGC API Records.
 */
export function publicBaseUrl(request: FastifyRequest): string {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  const proto = first(request.headers['x-forwarded-proto']) ?? request.protocol;
  const host = first(request.headers['x-forwarded-host']) ?? request.headers.host ?? 'localhost';
  const scheme = proto === 'https' ? 'https' : 'http';
  return `${scheme}://${/^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : 'localhost'}`;
}
