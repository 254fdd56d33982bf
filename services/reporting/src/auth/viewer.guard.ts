import { bearerToken } from '@dpi/service-kit';
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RegistryPrincipals } from './registry-principals';
import { PUBLIC_VIEWER, REVIEWER_ROLES, RequestWithViewer } from './viewer';

/**
 * Everything here is readable without a token. A request with a bearer token reads as that token's
 * principal at the registry (reviewers: unpublished records too); a token that is malformed,
 * unknown or revoked is refused with 401 rather than silently read as the public.
 */
@Injectable()
export class ViewerGuard implements CanActivate {
  constructor(private readonly principals: RegistryPrincipals) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & RequestWithViewer>();
    const reply = http.getResponse<FastifyReply>();
    // What a response holds depends on the token: shared caches must keep them apart.
    void reply.header('vary', 'authorization');
    const header = request.headers.authorization;
    if (header === undefined || header === '') {
      request.viewer = PUBLIC_VIEWER;
      return true;
    }
    const token = bearerToken(header);
    const principal = token ? await this.principals.lookup(token) : null;
    if (!principal) {
      void reply.header('www-authenticate', 'Bearer realm="dpi"');
      throw new UnauthorizedException(
        token
          ? 'the bearer token is not valid or was revoked (tokens are issued by the registry)'
          : 'the Authorization header must be "Bearer <token>"',
      );
    }
    request.viewer = { reviewer: REVIEWER_ROLES.includes(principal.role), name: principal.name };
    return true;
  }
}
