import { bearerToken } from '@dpi/service-kit';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RegistryEnv } from '../config';
import { ApiClientsService } from './api-clients.service';
import { Principal, Role } from './principal';
import { ROLES_KEY } from './roles.decorator';
import { hashToken, tokenMatches } from './token-hash';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/**
 * Requires a valid bearer token: the bootstrap admin token (DPI_ADMIN_TOKEN) or an unrevoked
 * token issued through the admin API or CLI. Routes marked with RequireRole also need that role.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly adminDigest: Buffer | null;

  constructor(
    @Inject(ConfigService) config: ConfigService<RegistryEnv, true>,
    private readonly clients: ApiClientsService,
    private readonly reflector: Reflector,
  ) {
    const token = config.get('DPI_ADMIN_TOKEN', { infer: true });
    this.adminDigest = token ? hashToken(token) : null;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const token = bearerToken(request.headers.authorization);
    // ViewerGuard (global) may have authenticated this request already.
    const principal = request.principal ?? (token ? await this.authenticate(token) : null);
    if (!principal) {
      void http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer realm="registry"');
      throw new UnauthorizedException(
        token ? 'the bearer token is not valid or was revoked' : 'a bearer token is required',
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(principal.role)) {
      throw new ForbiddenException(`this endpoint needs the role ${roles.join(' or ')}`);
    }
    request.principal = principal;
    return true;
  }

  private async authenticate(token: string): Promise<Principal | null> {
    if (this.adminDigest && tokenMatches(token, this.adminDigest))
      return { name: 'admin', role: 'admin' };
    return this.clients.authenticate(token);
  }
}
