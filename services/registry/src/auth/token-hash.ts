import { createHash, timingSafeEqual } from 'node:crypto';

/** Tokens are only ever kept as SHA-256 digests. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function tokenMatches(token: string, digest: Buffer): boolean {
  return timingSafeEqual(hashToken(token), digest);
}
