import { etagOf } from '@dpi/service-kit';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiPreconditionFailedResponse,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import { HistoryView } from '../history/dto/history.view';
import { CreatePlatformDto } from './dto/create-platform.dto';
import { ListPlatformsQuery } from './dto/list-platforms.query';
import { PlatformPage, PlatformView } from './dto/platform.view';
import { RequestContext } from '../records/records.service';
import { PlatformsService } from './platforms.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const IF_MATCH = {
  name: 'If-Match',
  required: true,
  description: 'ETag of your last read, e.g. "3"',
};

/** Write endpoints: documented once, shared by POST/PUT/PATCH/DELETE. */
function WriteResponses(): MethodDecorator {
  return (target, key, descriptor) => {
    ApiBearerAuth()(target, key, descriptor);
    ApiBadRequestResponse({
      description: 'Invalid body (application/problem+json with field errors)',
    })(target, key, descriptor);
    ApiUnauthorizedResponse({ description: 'No, unknown or revoked bearer token' })(
      target,
      key,
      descriptor,
    );
    ApiForbiddenResponse({ description: 'The token may not write records of this Land' })(
      target,
      key,
      descriptor,
    );
    ApiPayloadTooLargeResponse({ description: 'Body over 1 MB' })(target, key, descriptor);
  };
}

function PreconditionResponses(): MethodDecorator {
  return (target, key, descriptor) => {
    ApiHeader(IF_MATCH)(target, key, descriptor);
    ApiNotFoundResponse({ description: 'No such platform' })(target, key, descriptor);
    ApiPreconditionFailedResponse({
      description: 'Stale If-Match: the platform changed since your read',
    })(target, key, descriptor);
    ApiResponse({ status: 428, description: 'If-Match missing' })(target, key, descriptor);
  };
}

@ApiTags('platforms')
@Controller('api/v1/platforms')
export class PlatformsController {
  constructor(private readonly platforms: PlatformsService) {}

  @Post()
  @HttpCode(201)
  @UseGuards(BearerAuthGuard)
  @WriteResponses()
  @ApiCreatedResponse({
    type: PlatformView,
    description: 'Stored; a PlatformChanged event follows on dpi.registry.platform.v1',
  })
  async create(
    @Body() dto: CreatePlatformDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlatformView> {
    const platform = await this.platforms.create(dto, context(principal, request));
    void reply
      .header('location', `/api/v1/platforms/${platform.id}`)
      .header('etag', etagOf(platform.version));
    return platform;
  }

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: PlatformPage })
  list(@Query() query: ListPlatformsQuery): Promise<PlatformPage> {
    return this.platforms.list(query);
  }

  @Get(':id')
  @ApiOkResponse({
    type: PlatformView,
    headers: { ETag: { description: 'Version for If-Match', schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: 'No such platform' })
  async get(
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlatformView> {
    const platform = await this.platforms.get(id);
    void reply.header('etag', etagOf(platform.version));
    return platform;
  }

  @Put(':id')
  @UseGuards(BearerAuthGuard)
  @WriteResponses()
  @PreconditionResponses()
  @ApiOkResponse({ type: PlatformView })
  async replace(
    @Param('id', uuid) id: string,
    @Body() dto: CreatePlatformDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlatformView> {
    const platform = await this.platforms.replace(id, dto, ifMatch, context(principal, request));
    void reply.header('etag', etagOf(platform.version));
    return platform;
  }

  @Patch(':id')
  @UseGuards(BearerAuthGuard)
  @WriteResponses()
  @PreconditionResponses()
  @ApiConsumes('application/merge-patch+json', 'application/json')
  @ApiBody({
    description: 'RFC 7386 JSON Merge Patch of the writable fields; null removes an optional field',
    schema: { type: 'object', example: { status: 'production', homepage: null } },
  })
  @ApiOkResponse({ type: PlatformView })
  async patch(
    @Param('id', uuid) id: string,
    @Body() patch: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlatformView> {
    const platform = await this.platforms.patch(id, patch, ifMatch, context(principal, request));
    void reply.header('etag', etagOf(platform.version));
    return platform;
  }

  @Delete(':id')
  @HttpCode(204)
  @UseGuards(BearerAuthGuard)
  @WriteResponses()
  @PreconditionResponses()
  @ApiNoContentResponse({ description: 'Deleted; the history stays, a tombstone goes to Kafka' })
  async remove(
    @Param('id', uuid) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.platforms.remove(id, ifMatch, context(principal, request));
  }

  @Get(':id/history')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({
    type: HistoryView,
    description: 'Every change, oldest first, also after deletion',
  })
  @ApiNotFoundResponse({ description: 'No such platform' })
  async history(@Param('id', uuid) id: string): Promise<HistoryView> {
    return { items: await this.platforms.historyOf(id) };
  }
}

function context(principal: Principal, request: FastifyRequest): RequestContext {
  return { principal, requestId: String(request.id) };
}
