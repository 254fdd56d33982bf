import { ApiIfMatchRequired, etagOf } from '@dpi/service-kit';
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
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ManagesHarvests } from '../auth/auth.module';
import { ListSourcesQuery } from './dto/list-sources.query';
import { SourceDto } from './dto/source.dto';
import { SourceList, SourceView } from './dto/source.view';
import { SourcesService } from './sources.service';

const uuid = new ParseUUIDPipe();
const requestInfo = (request: FastifyRequest) => ({ requestId: String(request.id) });

@ApiTags('sources')
@Controller('api/v1/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: SourceList, description: 'Every harvest source, by name' })
  @ApiBadRequestResponse({ description: 'Invalid filter (application/problem+json)' })
  async list(@Query() query: ListSourcesQuery): Promise<SourceList> {
    const sources = await this.sources.list(query);
    return { items: sources.map((s) => this.sources.view(s)) };
  }

  @Post()
  @HttpCode(201)
  @ManagesHarvests()
  @ApiBody({ type: SourceDto })
  @ApiCreatedResponse({ type: SourceView, description: 'Stored; its schedules are active at once' })
  @ApiBadRequestResponse({
    description: 'Invalid body (application/problem+json with field errors)',
  })
  @ApiConflictResponse({ description: 'A source with this name exists' })
  async create(
    @Body() dto: SourceDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SourceView> {
    const source = await this.sources.create(dto, requestInfo(request));
    void reply
      .header('location', `/api/v1/sources/${source.id}`)
      .header('etag', etagOf(source.version));
    return this.sources.view(source);
  }

  @Get(':id')
  @Header('cache-control', 'no-store')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SourceView })
  @ApiNotFoundResponse({ description: 'No such source' })
  @ApiBadRequestResponse({ description: 'Malformed id' })
  async get(
    @Param('id', uuid) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SourceView> {
    const source = await this.sources.get(id);
    void reply.header('etag', etagOf(source.version));
    return this.sources.view(source);
  }

  @Patch(':id')
  @ManagesHarvests()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiConsumes('application/merge-patch+json', 'application/json')
  @ApiBody({
    description:
      'RFC 7386 JSON Merge Patch of the writable fields (as in POST); null removes an optional field. ' +
      'Schedule changes take effect at once.',
    schema: { type: 'object' },
  })
  @ApiIfMatchRequired()
  @ApiOkResponse({ type: SourceView })
  @ApiBadRequestResponse({ description: 'Invalid patch or result (application/problem+json)' })
  @ApiNotFoundResponse({ description: 'No such source' })
  @ApiConflictResponse({ description: 'The new name is taken' })
  @ApiPreconditionFailedResponse({ description: 'Stale If-Match' })
  async patch(
    @Param('id', uuid) id: string,
    @Body() patch: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SourceView> {
    const source = await this.sources.patch(id, patch, ifMatch, requestInfo(request));
    void reply.header('etag', etagOf(source.version));
    return this.sources.view(source);
  }

  @Delete(':id')
  @HttpCode(204)
  @ManagesHarvests()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatchRequired()
  @ApiNoContentResponse({
    description: 'Deleted: schedules stopped, every record of the source withdrawn (tombstones)',
  })
  @ApiNotFoundResponse({ description: 'No such source' })
  @ApiConflictResponse({ description: 'A job of the source is active' })
  @ApiPreconditionFailedResponse({ description: 'Stale If-Match' })
  async remove(
    @Param('id', uuid) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.sources.remove(id, ifMatch, requestInfo(request));
  }
}
