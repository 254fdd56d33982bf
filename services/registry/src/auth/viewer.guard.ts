import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerAuthGuard } from './bearer-auth.guard';

/**
 * Global: reads stay open without a token, but a request that brings a bearer token is read as
 * that token's principal (so Land editors and reviewers see their NON_PUBLIC records). A token
 * that is malformed, unknown or revoked is refused with 401, like on writes, rather than silently
 * read as anonymous. Routes that need a token still say so with BearerAuthGuard.
 */
@Injectable()
export class ViewerGuard implements CanActivate {
  constructor(private readonly bearer: BearerAuthGuard) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    // What a response holds depends on the token: shared caches must keep them apart.
    void http.getResponse<FastifyReply>().header('vary', 'authorization');
    const header = http.getRequest<FastifyRequest>().headers.authorization;
    if (header === undefined || header === '') return true;
    return this.bearer.canActivate(context);
  }
}
