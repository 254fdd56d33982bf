import { Logger, LoggerService, ServiceUnavailableException } from '@nestjs/common';
import { z } from 'zod';
import type { Principal } from './principal';
import { PrincipalResolver } from './resolvers';
import { isRole } from './roles';
import { tokenDigest } from './token';

/** How a service asks the registry who a token is (the service's REGISTRY_URL comes apart). */
export const registryAuthEnvSchema = z.object({
  /** How long a token's identity (or its being unknown) is kept before asking the registry again. */
  REGISTRY_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** How long a token check may take before the request fails with 503. */
  REGISTRY_AUTH_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
});

export interface RemotePrincipalsOptions {
  /** The registry's base URL; asked at `<url>/api/v1/auth/principal`. */
  registryUrl: string;
  cacheMs: number;
  timeoutMs: number;
  /** The cache's clock (tests set it). */
  now?: () => number;
  /** Most answers kept; the oldest goes first. */
  maxCached?: number;
  /** Where failed checks are reported (default: Nest's logger, which the services route to pino). */
  logger?: Pick<LoggerService, 'warn'>;
}

interface Cached {
  principal: Principal | null;
  expiresAt: number;
}

/**
 * Asks the registry, which issues and stores the tokens, who a bearer token is
 * (GET /api/v1/auth/principal). Answers (valid or not) are kept for `cacheMs` under the token's
 * SHA-256, so a revocation takes effect within that time and the registry sees one request per
 * token and period, not one per request (requests arriving while the registry is being asked share
 * that one answer: a dashboard's first load sends six at once). When the registry cannot answer,
 * the request fails with 503, and the failure is not remembered.
 */
export class RemotePrincipals extends PrincipalResolver {
  private readonly cache = new Map<string, Cached>();
  private readonly asking = new Map<string, Promise<Principal | null>>();
  private readonly logger: Pick<LoggerService, 'warn'>;
  private readonly url: string;
  private readonly now: () => number;
  private readonly maxCached: number;

  constructor(private readonly options: RemotePrincipalsOptions) {
    super();
    this.url = new URL(
      'api/v1/auth/principal',
      `${options.registryUrl.replace(/\/+$/, '')}/`,
    ).toString();
    this.now = options.now ?? Date.now;
    this.maxCached = options.maxCached ?? 10_000;
    this.logger = options.logger ?? new Logger('RemotePrincipals');
  }

  /** The token's principal; null when the registry does not know the token (or it was revoked). */
  async resolve(token: string): Promise<Principal | null> {
    const key = tokenDigest(token).toString('hex');
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.principal;
    let pending = this.asking.get(key);
    if (!pending) {
      pending = this.ask(token)
        .then((principal) => {
          this.remember(key, principal);
          return principal;
        })
        .finally(() => this.asking.delete(key));
      this.asking.set(key, pending);
    }
    return pending;
  }

  private remember(key: string, principal: Principal | null): void {
    this.cache.delete(key);
    if (this.cache.size >= this.maxCached) {
      // The oldest entry first: a Map iterates in insertion order.
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
    this.cache.set(key, { principal, expiresAt: this.now() + this.options.cacheMs });
  }

  private async ask(token: string): Promise<Principal | null> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      this.logger.warn({ err: error, url: this.url }, 'registry not reachable for a token check');
      throw unavailable();
    }
    if (response.status === 401) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      this.logger.warn({ status: response.status, url: this.url }, 'token check failed');
      throw unavailable();
    }
    let body: { name?: unknown; role?: unknown; landCode?: unknown };
    try {
      body = (await response.json()) as typeof body;
    } catch (error) {
      this.logger.warn({ err: error, url: this.url }, 'token check answered no JSON');
      throw unavailable();
    }
    // A role this service does not know means registry and service disagree on the roles (a
    // deployment of different versions): refuse to guess what it may do.
    if (typeof body?.name !== 'string' || !isRole(body.role)) {
      this.logger.warn({ url: this.url, role: body?.role }, 'token check answered no known role');
      throw unavailable();
    }
    return {
      name: body.name,
      role: body.role,
      ...(typeof body.landCode === 'string' ? { landCode: body.landCode } : {}),
    };
  }
}

function unavailable(): ServiceUnavailableException {
  return new ServiceUnavailableException(
    'the bearer token cannot be checked now (the registry does not answer); try again',
  );
}
