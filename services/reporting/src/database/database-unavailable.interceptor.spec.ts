import { ProblemException } from '@dpi/service-kit';
import { CallHandler, ExecutionContext } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { firstValueFrom, throwError } from 'rxjs';
import {
  DatabaseUnavailableInterceptor,
  RETRY_AFTER_SECONDS,
} from './database-unavailable.interceptor';

function intercept(error: unknown) {
  const headers: Record<string, string> = {};
  const reply = {
    sent: false,
    header: (name: string, value: string) => (headers[name] = value),
  };
  const context = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => reply }),
  } as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => throwError(() => error) };
  const logger = { setContext: () => undefined, warn: () => undefined } as unknown as PinoLogger;
  const result = firstValueFrom(
    new DatabaseUnavailableInterceptor(logger).intercept(context, next),
  );
  return { result, headers };
}

describe('DatabaseUnavailableInterceptor', () => {
  it.each([
    new Error('timeout exceeded when trying to connect'),
    Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  ])('answers 503 with Retry-After for a busy or unreachable database: %s', async (error) => {
    const { result, headers } = intercept(error);
    const thrown: unknown = await result.catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ProblemException);
    expect((thrown as ProblemException).getStatus()).toBe(503);
    expect(headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
  });

  it('leaves every other error alone', async () => {
    const bug = Object.assign(new Error('column "x" does not exist'), { code: '42703' });
    const { result, headers } = intercept(bug);
    await expect(result).rejects.toBe(bug);
    expect(headers).toEqual({});
  });
});
