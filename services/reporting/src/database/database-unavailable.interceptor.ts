import { isTransientDbError } from '@dpi/db';
import { ProblemException } from '@dpi/service-kit';
import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import { catchError, Observable, throwError } from 'rxjs';

/** About the pool's connection timeout: by then a waiting request has had its chance. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * A busy or unreachable database (pool exhausted, connection timeout, too many connections,
 * shutting down) is the server's temporary problem, not the client's or a bug: 503 with
 * Retry-After instead of a logged 500.
 */
@Injectable()
export class DatabaseUnavailableInterceptor implements NestInterceptor {
  constructor(private readonly logger: PinoLogger) {
    logger.setContext('DatabaseUnavailable');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (context.getType() !== 'http' || !isTransientDbError(error))
          return throwError(() => error);
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        this.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'database unavailable: 503',
        );
        if (!reply.sent) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return throwError(
          () =>
            new ProblemException({
              type: 'about:blank',
              status: HttpStatus.SERVICE_UNAVAILABLE,
              detail: `the database is busy or unreachable; try again in ${RETRY_AFTER_SECONDS} s`,
            }),
        );
      }),
    );
  }
}
