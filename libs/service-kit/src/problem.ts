import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ValidationError } from 'class-validator';
import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const VALIDATION_PROBLEM_TYPE = 'urn:dpi:problem:validation-error';

export interface FieldError {
  /** JSON path of the offending field, e.g. `landCode` or `endpoints[0].url`. */
  field: string;
  message: string;
}

/** RFC 9457 problem details, with field-level errors for validation failures. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** An HttpException whose response is already a problem document. */
export class ProblemException extends HttpException {
  constructor(problem: Omit<ProblemDetails, 'title'> & { title?: string }) {
    super({ title: STATUS_CODES[problem.status] ?? 'Error', ...problem }, problem.status);
  }
}

export function validationProblem(errors: FieldError[]): ProblemException {
  return new ProblemException({
    type: VALIDATION_PROBLEM_TYPE,
    title: 'Invalid request',
    status: HttpStatus.BAD_REQUEST,
    detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
    errors,
  });
}

/** Flattens class-validator errors (nested objects and arrays included) into field errors. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Fastify's own client errors (body too large, malformed JSON, wrong content type) carry these. */
interface FastifyClientError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Turns every error into application/problem+json; anything unexpected becomes a logged 500. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problem = this.toProblem(exception);
    problem.instance = request.url;
    if (problem.status >= 500) {
      this.logger.error({ err: exception, url: request.url }, 'unhandled error');
    }
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'type' in body)
        return { ...(body as ProblemDetails), status };
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      return {
        type: 'about:blank',
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail: Array.isArray(message)
          ? message.join('; ')
          : typeof message === 'string'
            ? message
            : undefined,
      };
    }
    const client = exception as FastifyClientError;
    if (
      typeof client?.statusCode === 'number' &&
      client.statusCode >= 400 &&
      client.statusCode < 500
    ) {
      const detail =
        client.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'request body is larger than 1 MB'
          : client.message;
      return {
        type: 'about:blank',
        title: STATUS_CODES[client.statusCode] ?? 'Error',
        status: client.statusCode,
        detail,
      };
    }
    return {
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'unexpected error; it has been logged',
    };
  }
}
