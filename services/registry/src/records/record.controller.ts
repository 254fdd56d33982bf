import { ApiIfMatchRequired, etagOf, strictValidationPipe } from '@dpi/service-kit';
import {
  Body,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Req,
  Res,
  Type,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiPreconditionFailedResponse,
  ApiUnauthorizedResponse,
  PartialType,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { CurrentPrincipal, CurrentViewer } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import type { Viewer } from '../auth/visibility';
import { HistoryView } from '../history/dto/history.view';
import { IfMatchRequiredGuard } from './if-match.guard';
import { RecordKind, VersionedRecord } from './record-kind';
import { RecordsService, RequestContext } from './records.service';

// Any UUID: ids are v4, but an id of another version is simply unknown (404), not malformed.
const uuid = new ParseUUIDPipe();

const writeResponses = [
  ApiBearerAuth(),
  ApiBadRequestResponse({
    description: 'Invalid body (application/problem+json with field errors)',
  }),
  ApiUnauthorizedResponse({ description: 'No, unknown or revoked bearer token' }),
  ApiForbiddenResponse({ description: 'The token may not write records of this Land' }),
  ApiPayloadTooLargeResponse({ description: 'Body over 1 MB' }),
];
/** Every `{id}` route: the id is a UUID, anything else is answered 400. */
const idParam = [
  ApiParam({ name: 'id', format: 'uuid', description: 'Record id (UUID)' }),
  ApiBadRequestResponse({ description: 'Malformed id or body (application/problem+json)' }),
];
const preconditionResponses = [
  ApiIfMatchRequired(),
  ApiNotFoundResponse({ description: 'No such record' }),
  ApiPreconditionFailedResponse({
    description: 'Stale If-Match: the record changed since your read',
  }),
];
const apply =
  (...decorators: MethodDecorator[]): MethodDecorator =>
  (target, key, descriptor) => {
    for (const decorate of decorators) decorate(target, key, descriptor);
  };

const context = (principal: Principal, request: FastifyRequest): RequestContext => ({
  principal,
  requestId: String(request.id),
});

export interface RecordControllerOptions<E extends VersionedRecord, D extends object, V> {
  kind: RecordKind<E, D>;
  /** Collection path, e.g. `/api/v1/platforms` (for Location headers). */
  path: string;
  view: Type<V> & { of(record: E): V };
}

/**
 * Base class of a record kind's controller: create, read, replace, merge-patch, delete and
 * history, with ETags and OpenAPI documentation. The subclass adds @Controller, @ApiTags and its
 * list endpoint (filters differ per kind).
 */
export function RecordController<E extends VersionedRecord, D extends object, V>(
  options: RecordControllerOptions<E, D, V>,
) {
  const { kind, view, path } = options;
  const body = strictValidationPipe(kind.dto);
  // The merge patch's schema: every field optional (null removes one); the merged record is then
  // validated against the full DTO.
  const patchDto = PartialType(kind.dto);
  Object.defineProperty(patchDto, 'name', { value: kind.dto.name.replace(/^Create/, 'Patch') });

  // Reads need no token, but one that is sent must be valid (ViewerGuard, issue 17).
  @ApiUnauthorizedResponse({ description: 'A bearer token was sent but is unknown or revoked' })
  class RecordControllerBase {
    // Explicit token: subclasses without a constructor of their own get no TypeScript
    // parameter metadata, so Nest must not depend on it here.
    constructor(@Inject(RecordsService) readonly records: RecordsService) {}

    @Post()
    @HttpCode(201)
    @UseGuards(BearerAuthGuard)
    @apply(...writeResponses)
    @ApiBody({ type: kind.dto })
    @ApiCreatedResponse({
      type: view,
      description: `Stored; the ${kind.name}'s event follows on Kafka`,
    })
    async create(
      @Body(body) dto: D,
      @CurrentPrincipal() principal: Principal,
      @Req() request: FastifyRequest,
      @Res({ passthrough: true }) reply: FastifyReply,
    ): Promise<V> {
      const record = await this.records.create(kind, dto, context(principal, request));
      void reply.header('location', `${path}/${record.id}`).header('etag', etagOf(record.version));
      return view.of(record);
    }

    @Get(':id')
    @apply(...idParam)
    @ApiOkResponse({
      type: view,
      headers: { ETag: { description: 'Version for If-Match', schema: { type: 'string' } } },
    })
    @ApiNotFoundResponse({ description: `No such ${kind.name}` })
    async get(
      @Param('id', uuid) id: string,
      @CurrentViewer() viewer: Viewer,
      @Res({ passthrough: true }) reply: FastifyReply,
    ): Promise<V> {
      const record = await this.records.get(kind, id, viewer);
      void reply.header('etag', etagOf(record.version));
      return view.of(record);
    }

    @Put(':id')
    @apply(...idParam)
    @UseGuards(BearerAuthGuard, IfMatchRequiredGuard)
    @apply(...writeResponses, ...preconditionResponses)
    @ApiBody({ type: kind.dto })
    @ApiOkResponse({ type: view })
    async replace(
      @Param('id', uuid) id: string,
      @Body(body) dto: D,
      @Headers('if-match') ifMatch: string | undefined,
      @CurrentPrincipal() principal: Principal,
      @Req() request: FastifyRequest,
      @Res({ passthrough: true }) reply: FastifyReply,
    ): Promise<V> {
      const record = await this.records.replace(
        kind,
        id,
        dto,
        ifMatch,
        context(principal, request),
      );
      void reply.header('etag', etagOf(record.version));
      return view.of(record);
    }

    @Patch(':id')
    @apply(...idParam)
    @UseGuards(BearerAuthGuard, IfMatchRequiredGuard)
    @apply(...writeResponses, ...preconditionResponses)
    @ApiConsumes('application/merge-patch+json', 'application/json')
    @ApiBody({
      description:
        'RFC 7386 JSON Merge Patch of the writable fields; null removes an optional field',
      type: patchDto,
    })
    @ApiOkResponse({ type: view })
    async patch(
      @Param('id', uuid) id: string,
      @Body() patch: unknown,
      @Headers('if-match') ifMatch: string | undefined,
      @CurrentPrincipal() principal: Principal,
      @Req() request: FastifyRequest,
      @Res({ passthrough: true }) reply: FastifyReply,
    ): Promise<V> {
      const record = await this.records.patch(
        kind,
        id,
        patch,
        ifMatch,
        context(principal, request),
      );
      void reply.header('etag', etagOf(record.version));
      return view.of(record);
    }

    @Delete(':id')
    @apply(...idParam)
    @HttpCode(204)
    @UseGuards(BearerAuthGuard, IfMatchRequiredGuard)
    @apply(...writeResponses, ...preconditionResponses)
    @ApiNoContentResponse({ description: 'Deleted; the history stays, a tombstone goes to Kafka' })
    @ApiConflictResponse({ description: 'Still linked from live records (named in the problem)' })
    async remove(
      @Param('id', uuid) id: string,
      @Headers('if-match') ifMatch: string | undefined,
      @CurrentPrincipal() principal: Principal,
      @Req() request: FastifyRequest,
    ): Promise<void> {
      await this.records.remove(kind, id, ifMatch, context(principal, request));
    }

    @Get(':id/history')
    @apply(...idParam)
    @Header('cache-control', 'no-store')
    @ApiOkResponse({
      type: HistoryView,
      description: 'Every change, oldest first, also after deletion',
    })
    @ApiNotFoundResponse({ description: `No such ${kind.name}` })
    async history(
      @Param('id', uuid) id: string,
      @CurrentViewer() viewer: Viewer,
    ): Promise<HistoryView> {
      return { items: await this.records.historyOf(kind, id, viewer) };
    }
  }
  return RecordControllerBase;
}
