import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash } from 'node:crypto';
import { PinoLogger } from 'nestjs-pino';
import { ReportingEnv } from '../config';

/** A registry token's identity (GET /api/v1/auth/principal of the registry). */
export interface RegistryPrincipal {
  name: string;
  role: string;
  landCode: string | null;
}

interface Cached {
  principal: RegistryPrincipal | null;
  expiresAt: number;
}

const MAX_CACHED = 10_000;

/**
 * Asks the registry, which issues and stores the tokens, who a bearer token is. Answers (valid or
 * not) are kept for REGISTRY_AUTH_CACHE_MS under the token's SHA-256, so a revocation takes effect
 * within that time and the registry sees one request per token and period, not one per read
 * (requests arriving while the registry is being asked share that one answer: a dashboard's first
 * load sends six at once).
 */
@Injectable()
export class RegistryPrincipals {
  private readonly cache = new Map<string, Cached>();
  private readonly asking = new Map<string, Promise<RegistryPrincipal | null>>();
  private readonly url: string;
  private readonly cacheMs: number;
  private readonly timeoutMs: number;

  constructor(
    @Inject(ConfigService) config: ConfigService<ReportingEnv, true>,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('RegistryPrincipals');
    this.url = new URL(
      'api/v1/auth/principal',
      `${config.get('REGISTRY_URL', { infer: true }).replace(/\/+$/, '')}/`,
    ).toString();
    this.cacheMs = config.get('REGISTRY_AUTH_CACHE_MS', { infer: true });
    this.timeoutMs = config.get('REGISTRY_AUTH_TIMEOUT_MS', { infer: true });
  }

  /** The token's principal; null when the registry does not know the token (or it was revoked). */
  async lookup(token: string): Promise<RegistryPrincipal | null> {
    const key = createHash('sha256').update(token).digest('hex');
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) return cached.principal;
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

  private remember(key: string, principal: RegistryPrincipal | null): void {
    this.cache.delete(key);
    if (this.cache.size >= MAX_CACHED) {
      // The oldest entry first: a Map iterates in insertion order.
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
    this.cache.set(key, { principal, expiresAt: Date.now() + this.cacheMs });
  }

  private async ask(token: string): Promise<RegistryPrincipal | null> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      this.logger.warn({ err: error, url: this.url }, 'registry not reachable for a token check');
      throw this.unavailable();
    }
    if (response.status === 401) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) {
      await response.body?.cancel();
      this.logger.warn({ status: response.status, url: this.url }, 'token check failed');
      throw this.unavailable();
    }
    const body = (await response.json()) as Partial<RegistryPrincipal>;
    if (typeof body.name !== 'string' || typeof body.role !== 'string') {
      this.logger.warn({ url: this.url }, 'token check answered without name and role');
      throw this.unavailable();
    }
    return { name: body.name, role: body.role, landCode: body.landCode ?? null };
  }

  private unavailable(): ServiceUnavailableException {
    return new ServiceUnavailableException(
      'the bearer token cannot be checked now (the registry does not answer); try again',
    );
  }
}
