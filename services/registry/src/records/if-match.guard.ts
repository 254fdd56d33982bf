import { ProblemException } from '@dpi/service-kit';
import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * PUT, PATCH and DELETE of a record need If-Match (RFC 6585: 428). Checked as a guard, after
 * authentication and before the body is validated, so a missing precondition is reported as such
 * whatever the body. Whether the ETag is current is checked against the stored record later.
 */
@Injectable()
export class IfMatchRequiredGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    if (typeof header === 'string' && header.trim() !== '') return true;
    throw new ProblemException({
      type: 'urn:dpi:problem:precondition-required',
      status: HttpStatus.PRECONDITION_REQUIRED,
      detail: 'send If-Match with the ETag of your last read of the record',
    });
  }
}
