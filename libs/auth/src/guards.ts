import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest, Principal, Viewer } from './principal';
import { PrincipalResolver } from './resolvers';
import type { Role } from './roles';
import { bearerToken } from './token';

/** A service's authentication settings. */
export interface AuthOptions {
  /** The realm of its `WWW-Authenticate: Bearer realm="…"` challenge. */
  realm: string;
}

export const AUTH_OPTIONS = Symbol('dpi:auth-options');
export const ROLES_KEY = 'dpi:roles';

/** Restricts a route to these roles (checked by BearerAuthGuard after authentication). */
export const RequireRole = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Requires a valid bearer token, and for routes marked with RequireRole one of those roles:
 * 401 (with a `WWW-Authenticate` challenge) without a token or for a malformed, unknown or revoked
 * one; 403 for a known token without the role. The ProblemDetailsFilter renders both as problem
 * documents.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly resolver: PrincipalResolver,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    // ViewerGuard (global, where a service has one) may have authenticated this request already.
    const principal = request.principal ?? (await this.authenticate(context));
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(principal.role)) {
      throw new ForbiddenException(
        `this endpoint needs the role ${roles.join(' or ')}; the token has the role ${principal.role}`,
      );
    }
    return true;
  }

  /** The request's principal (also stored on the request); 401 when there is none. */
  async authenticate(context: ExecutionContext): Promise<Principal> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = bearerToken(header);
    const principal = token ? await this.resolver.resolve(token) : null;
    if (!principal) {
      void http
        .getResponse<FastifyReply>()
        .header('www-authenticate', `Bearer realm="${this.options.realm}"`);
      throw new UnauthorizedException(
        token
          ? 'the bearer token is not valid or was revoked'
          : header
            ? 'the Authorization header must be "Bearer <token>"'
            : 'a bearer token is required',
      );
    }
    request.principal = principal;
    return principal;
  }
}

/**
 * Global, for services whose reads depend on who reads: reads stay open without a token, but a
 * request that brings an Authorization header is read as that token's principal; a malformed,
 * unknown or revoked token is refused with 401 rather than silently read as anonymous.
 */
@Injectable()
export class ViewerGuard implements CanActivate {
  constructor(private readonly bearer: BearerAuthGuard) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    // What a response holds depends on the token: shared caches must keep them apart.
    void http.getResponse<FastifyReply>().header('vary', 'authorization');
    const header = http.getRequest<AuthenticatedRequest>().headers.authorization;
    if (header === undefined || header === '') return true;
    await this.bearer.authenticate(context);
    return true;
  }
}

/**
 * A route that needs a bearer token of one of `roles` (any valid token without roles), with its
 * OpenAPI responses: 401, 403 (when roles are given) and, where tokens are checked at the registry,
 * 503.
 */
export function Authorized(
  roles: readonly Role[],
  options: { remote?: boolean } = {},
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(BearerAuthGuard),
    ...(roles.length ? [RequireRole(...roles)] : []),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No, malformed, unknown or revoked bearer token' }),
    ...(roles.length
      ? [ApiForbiddenResponse({ description: `The token's role is not ${roles.join(' or ')}` })]
      : []),
    ...(options.remote
      ? [
          ApiServiceUnavailableResponse({
            description: 'The token cannot be checked now: the registry does not answer',
          }),
        ]
      : []),
  );
}

/** The principal of a route behind BearerAuthGuard. */
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
