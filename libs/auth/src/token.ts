import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The Authorization header of the project's bearer tokens (issued by the registry): the token is
 * group 1. Every service that reads a token checks it with this one pattern. The scheme name is
 * case-insensitive and may be followed by more than one space (RFC 9110, section 11.1).
 */
export const BEARER_AUTHORIZATION = /^Bearer +([A-Za-z0-9._~+/=-]{16,512})$/i;

/** The token of an `Authorization: Bearer <token>` header, or null when it is not one. */
export function bearerToken(header: string | undefined): string | null {
  return BEARER_AUTHORIZATION.exec(header ?? '')?.[1] ?? null;
}

/** Tokens are only ever kept (stored, cached, compared) as SHA-256 digests. */
export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Whether `token` is the one of `digest`, in constant time (equal-length digests). */
export function tokenMatches(token: string, digest: Buffer): boolean {
  return timingSafeEqual(tokenDigest(token), digest);
}
