import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './bearer-auth.guard';
import { Principal } from './principal';
import { Viewer } from './visibility';

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new Error('CurrentPrincipal used on a route without BearerAuthGuard');
    return principal;
  },
);

/**
 * Who reads: the principal of the request's bearer token (ViewerGuard, global), or null for an
 * anonymous read. Without the guard every read is anonymous, the safe side.
 */
export const CurrentViewer = createParamDecorator(
  (_: unknown, context: ExecutionContext): Viewer =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal ?? null,
);
