import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { bearerToken } from '@dpi/service-kit';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HarvesterEnv } from '../config';

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * The harvester's admin API is for operators only: one bearer token (DPI_ADMIN_TOKEN), compared
 * in constant time (equal-length SHA-256 digests). Without a configured token every write is
 * refused. Reads stay open, like the registry's.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly adminDigest: Buffer | null;

  constructor(@Inject(ConfigService) config: ConfigService<HarvesterEnv, true>) {
    const token = config.get('DPI_ADMIN_TOKEN', { infer: true });
    this.adminDigest = token ? digest(token) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const token = bearerToken(request.headers.authorization);
    if (token && this.adminDigest && timingSafeEqual(digest(token), this.adminDigest)) {
      return true;
    }
    void http.getResponse<FastifyReply>().header('www-authenticate', 'Bearer realm="harvester"');
    throw new UnauthorizedException(
      !this.adminDigest
        ? 'the harvester has no admin token configured (DPI_ADMIN_TOKEN); writes are disabled'
        : token
          ? 'the bearer token is not valid'
          : 'a bearer token is required',
    );
  }
}
