import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RegistryEnv } from '../config';
import { Principal } from './principal';
import { hashToken, tokenMatches } from './token-hash';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/**
 * Requires a bearer token. For now the only token is the bootstrap admin token (DPI_ADMIN_TOKEN);
 * per-Land tokens stored hashed in the database follow with the registry API issue.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly adminDigest: Buffer | null;

  constructor(@Inject(ConfigService) config: ConfigService<RegistryEnv, true>) {
    const token = config.get('DPI_ADMIN_TOKEN', { infer: true });
    this.adminDigest = token ? hashToken(token) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,512})$/.exec(header);
    if (match && this.adminDigest && tokenMatches(match[1], this.adminDigest)) {
      request.principal = { name: 'admin', role: 'admin' };
      return true;
    }
    void http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer realm="registry"');
    throw new UnauthorizedException(
      match ? 'the bearer token is not valid' : 'a bearer token is required',
    );
  }
}
