import { Type, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { requestId } from './logger';
import { findNulCharacter } from './http/nul-characters';
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
}

/**
 * Request bodies reject unknown fields (strictValidationPipe), so their schemas say so:
 * every `*Dto` schema gets `additionalProperties: false`, and generated clients and fuzzers
 * see the same contract the server enforces.
 */
export function closeRequestSchemas(document: OpenAPIObject): void {
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (name.endsWith('Dto') && !('$ref' in schema)) schema.additionalProperties = false;
  }
}

/** Creates and configures a service app (pipes, filters, parsers, OpenAPI) without listening. */
export async function createServiceApp(
  module: Type,
  options: BootstrapOptions,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    new FastifyAdapter({ bodyLimit: MAX_BODY_BYTES, genReqId: requestId }),
    { bufferLogs: true, bodyParser: false, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  // JSON only (Fastify's own parser; Nest's extra parsers are off): anything else gets 415.
  // application/merge-patch+json (RFC 7386) is JSON too, parsed with the same safeguards.
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser(['text/plain']);
  // Before any handler: a U+0000 in a JSON string is a client error, not a database failure.
  fastify.addHook('preValidation', async (request, reply) => {
    const field = findNulCharacter(request.body);
    if (field === null) return;
    const problem = validationProblem([
      { field, message: `${field} must not contain the character U+0000` },
    ]);
    await reply
      .status(400)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...(problem.getResponse() as object), instance: request.url });
  });
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
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}

/** Creates and starts a service; exits with status 1 when it cannot boot. */
export async function bootstrapService(
  module: Type,
  options: BootstrapOptions,
): Promise<NestFastifyApplication> {
  try {
    const app = await createServiceApp(module, options);
    const config = app.get(ConfigService);
    await app.listen(config.getOrThrow<number>('PORT'), config.getOrThrow<string>('HOST'));
    app.get(Logger).log(`${options.name} listening on ${await app.getUrl()}`);
    return app;
  } catch (error) {
    console.error(
      `${options.name} failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
