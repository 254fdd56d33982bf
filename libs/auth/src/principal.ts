import type { FastifyRequest } from 'fastify';
import type { Role } from './roles';

/** Who a bearer token is. */
export interface Principal {
  /** Token name, recorded as createdBy / changedBy. */
  name: string;
  role: Role;
  /** Set for land-editor tokens: the one Land they may write. */
  landCode?: string;
}

/** Who reads: a token's principal, or null for an anonymous read. */
export type Viewer = Principal | null;

/** A request after authentication: the guards put the token's principal here. */
export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };
