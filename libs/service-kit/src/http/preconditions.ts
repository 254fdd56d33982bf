import { applyDecorators, HttpStatus } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ProblemException } from '../problem';

/** Strong ETag of a versioned entity. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * Optimistic concurrency for PUT/PATCH/DELETE: 428 without If-Match, 412 when none of its
 * tags names the current version (`*` matches any existing representation, RFC 9110).
 */
export function checkIfMatch(header: string | undefined, currentVersion: number): void {
  if (!header || header.trim() === '') {
    throw new ProblemException({
      type: 'urn:dpi:problem:precondition-required',
      status: HttpStatus.PRECONDITION_REQUIRED,
      detail: `send If-Match with the ETag of your last read (currently ${etagOf(currentVersion)})`,
    });
  }
  const tags = header.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (tags.includes('*') || tags.includes(etagOf(currentVersion))) return;
  throw staleVersion(currentVersion);
}

/** 412: the record changed since the client's read (or since ours, when a concurrent write won). */
export function staleVersion(currentVersion: number): ProblemException {
  return new ProblemException({
    type: 'urn:dpi:problem:stale-version',
    status: HttpStatus.PRECONDITION_FAILED,
    detail: `the record changed since it was read: the current version is ${etagOf(currentVersion)}; read it again and reapply your change`,
  });
}

/** OpenAPI of a write that {@link checkIfMatch} guards: the If-Match header and the 428. */
export function ApiIfMatchRequired(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: true,
      description: 'ETag of your last read, e.g. "3"',
      schema: { type: 'string', minLength: 1 },
    }),
    ApiResponse({ status: 428, description: 'If-Match missing' }),
  );
}
