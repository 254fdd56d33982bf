import { Type, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { requestId } from './logger';
import { ShutdownState } from './health/shutdown-state';
import { Metrics } from './metrics/metrics';
import { startTracing } from './tracing';
import { screenBody, screenInput } from './http/input-screen';
import { documentInputErrors } from './http/openapi';
import {
  flattenValidationErrors,
  PROBLEM_CONTENT_TYPE,
  ProblemDetailsFilter,
  validationProblem,
} from './problem';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The one validation setup: unknown fields rejected, one message per field, RFC 9457 problems.
 * `expectedType` validates against a class where TypeScript metadata cannot name it (generics).
 */
export function strictValidationPipe(expectedType?: Type): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    expectedType,
    exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
  });
}

export interface BootstrapOptions {
  name: string;
  openApi?: { title: string; description: string; version: string };
  /** Routes that take larger bodies than MAX_BODY_BYTES (bulk imports): path → bytes. */
  bodyLimits?: Record<string, number>;
}

/**
 * NDJSON (`application/x-ndjson`): one JSON value per line, blank lines ignored; parsed into an
 * array. A line that is not JSON is a 400 naming the line.
 */
export function parseNdjson(text: string): unknown[] {
  const values: unknown[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      values.push(JSON.parse(line));
    } catch {
      throw Object.assign(new Error(`line ${index + 1} of the NDJSON body is not JSON`), {
        statusCode: 400,
      });
    }
  }
  return values;
}

/**
 * Request bodies reject unknown fields (strictValidationPipe), so their schemas say so:
 * every `*Dto` schema gets `additionalProperties: false`, and generated clients and fuzzers
 * see the same contract the server enforces.
 */
export function closeRequestSchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!name.endsWith('Dto') || '$ref' in schema) continue;
    schema.additionalProperties = false;
    // An optional field may also be sent as null, which means absent (class-validator's
    // IsOptional); say so, so that clients and fuzzers see what the server accepts. A merge
    // patch (`Patch…Dto`, all fields optional) may null only what is optional in `Create…Dto`.
    const full = name.startsWith('Patch') ? schemas[name.replace(/^Patch/, 'Create')] : schema;
    const required = full && !('$ref' in full) ? (full.required ?? []) : [];
    for (const [property, member] of Object.entries(schema.properties ?? {})) {
      if (required.includes(property) || '$ref' in member) continue;
      member.nullable = true;
      if (member.enum && !member.enum.includes(null)) member.enum = [...member.enum, null];
    }
  }
}

/**
 * Request durations by method, route template (`/api/v1/platforms/:id`, never the raw URL: ids would
 * make a series per record) and status; requests no route matched count as `unmatched`.
 */
function observeHttp(
  metrics: Metrics,
  fastify: ReturnType<ReturnType<NestFastifyApplication['getHttpAdapter']>['getInstance']>,
): void {
  const durations = metrics.histogram({
    name: 'dpi_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status, from arrival to the last byte sent',
    labelNames: ['method', 'route', 'status_code'],
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    durations.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}

/** Creates and configures a service app (pipes, filters, parsers, OpenAPI) without listening. */
export async function createServiceApp(
  module: Type,
  options: BootstrapOptions,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    // maxParamLength: long path parameters reach the handlers (a 404 problem), not Fastify's 414.
    new FastifyAdapter({
      bodyLimit: MAX_BODY_BYTES,
      genReqId: requestId,
      routerOptions: { maxParamLength: 2048 },
    }),
    { bufferLogs: true, bodyParser: false, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  // JSON only (Fastify's own parser; Nest's extra parsers are off): anything else gets 415.
  // application/merge-patch+json (RFC 7386) is JSON too, parsed with the same safeguards.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser(['text/plain']);
  // Before any handler: input that would fail deep inside (U+0000, a lone surrogate, nesting
  // thousands of levels deep) or be misread (a null body) is a client error, not a database
  // failure, a stack overflow or a default.
  fastify.addHook('preValidation', async (request, reply) => {
    const found =
      screenInput(request.params) ?? screenInput(request.query) ?? screenBody(request.body);
    if (found === null) return;
    const problem = validationProblem([found]);
    await reply
      .status(400)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...(problem.getResponse() as object), instance: request.url });
  });
  const metrics = app.get(Metrics);
  if (metrics.enabled) observeHttp(metrics, fastify);
  // From the signal on, every response closes its connection: a keep-alive connection would
  // otherwise stay open (Fastify's keepAliveTimeout: 72 s) after its last request, and the server
  // cannot close while any is open. Clients reconnect, to another replica.
  const shutdown = app.get(ShutdownState);
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (shutdown.draining) void reply.header('connection', 'close');
    done(null, payload);
  });
  fastify.addHook('onClose', (_instance, done) => {
    app.get(Logger).log('HTTP server closed: no request in flight');
    done();
  });
  const bodyLimits = options.bodyLimits ?? {};
  fastify.addHook('onRoute', (route) => {
    const limit = bodyLimits[route.url];
    if (limit !== undefined) route.bodyLimit = limit;
  });
  fastify.addContentTypeParser(
    'application/x-ndjson',
    { parseAs: 'string' },
    (_request, body, done) => {
      try {
        done(null, parseNdjson(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  fastify.addContentTypeParser(
    'application/merge-patch+json',
    { parseAs: 'string' },
    fastify.getDefaultJsonParser('error', 'error'),
  );
  app.useGlobalPipes(strictValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  if (options.openApi) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(options.openApi.title)
        .setDescription(options.openApi.description)
        .setVersion(options.openApi.version)
        .addBearerAuth()
        .build(),
    );
    closeRequestSchemas(document);
    documentInputErrors(document);
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}

/**
 * Nest closes the app on SIGTERM/SIGINT (enableShutdownHooks): the HTTP server stops accepting
 * connections and answers 503 to requests on open ones, in-flight requests finish, then the relay
 * and the consumers finish their batches. From the signal on, /health/ready is 503. Should that
 * take longer than SHUTDOWN_GRACE_MS (a broker or a database that stopped answering, a request that
 * never ends), the process exits anyway, with status 1 and a log line saying so.
 */
function shutDownWithinGrace(app: NestFastifyApplication, logger: Logger, graceMs: number): void {
  const arm = (signal: NodeJS.Signals) =>
    process.once(signal, () => {
      app.get(ShutdownState).begin();
      logger.log(`${signal}: shutting down (at most ${graceMs} ms)`);
      setTimeout(() => {
        // What still holds the process open says what hangs (sockets, timers, a worker).
        const open = process.getActiveResourcesInfo().join(', ');
        logger.error(
          `shutdown after ${signal} took longer than ${graceMs} ms; exiting (still open: ${open})`,
        );
        process.exit(1);
      }, graceMs).unref();
    });
  arm('SIGTERM');
  arm('SIGINT');
}

/** Creates and starts a service; exits with status 1 when it cannot boot. */
export async function bootstrapService(
  module: Type,
  options: BootstrapOptions,
): Promise<NestFastifyApplication> {
  try {
    const flushTraces = startTracing(options.name);
    const app = await createServiceApp(module, options);
    if (flushTraces) {
      app
        .getHttpAdapter()
        .getInstance()
        .addHook('onClose', async () => flushTraces());
    }
    const config = app.get(ConfigService);
    await app.listen(config.getOrThrow<number>('PORT'), config.getOrThrow<string>('HOST'));
    const logger = app.get(Logger);
    logger.log(`${options.name} listening on ${await app.getUrl()}`);
    shutDownWithinGrace(app, logger, config.getOrThrow<number>('SHUTDOWN_GRACE_MS'));
    return app;
  } catch (error) {
    console.error(
      `${options.name} failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
