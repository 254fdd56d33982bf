import type { Principal } from './principal';
import { tokenDigest, tokenMatches } from './token';

/**
 * Who a bearer token is: a principal, or null when the token is unknown or revoked. Throws (an
 * HttpException, e.g. 503) when that cannot be decided now. Each service provides one: the
 * registry reads its own tokens, the others ask the registry.
 */
export abstract class PrincipalResolver {
  abstract resolve(token: string): Promise<Principal | null>;
}

/**
 * The bootstrap admin token (DPI_ADMIN_TOKEN), checked locally in constant time: it works before any
 * token is issued, and without a registry. Unset: it matches nothing.
 */
export class BootstrapAdminToken extends PrincipalResolver {
  private readonly digest: Buffer | null;

  constructor(token: string | undefined) {
    super();
    this.digest = token ? tokenDigest(token) : null;
  }

  get configured(): boolean {
    return this.digest !== null;
  }

  async resolve(token: string): Promise<Principal | null> {
    return this.digest && tokenMatches(token, this.digest)
      ? { name: 'admin', role: 'admin' }
      : null;
  }
}

/** The first resolver that knows the token decides; later ones are not asked. */
export class FirstKnown extends PrincipalResolver {
  private readonly resolvers: PrincipalResolver[];

  constructor(...resolvers: (PrincipalResolver | null | undefined)[]) {
    super();
    this.resolvers = resolvers.filter((r): r is PrincipalResolver => r != null);
  }

  async resolve(token: string): Promise<Principal | null> {
    for (const resolver of this.resolvers) {
      const principal = await resolver.resolve(token);
      if (principal) return principal;
    }
    return null;
  }
}
