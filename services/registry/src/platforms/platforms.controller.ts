import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiBadRequestResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import { CreatePlatformDto } from './dto/create-platform.dto';
import { ListPlatformsQuery } from './dto/list-platforms.query';
import { PlatformPage, PlatformView } from './dto/platform.view';
import { PlatformsService } from './platforms.service';

const etag = (version: number) => `"${version}"`;

@ApiTags('platforms')
@Controller('api/v1/platforms')
export class PlatformsController {
  constructor(private readonly platforms: PlatformsService) {}

  @Post()
  @HttpCode(201)
  @UseGuards(BearerAuthGuard)
  @ApiBearerAuth()
  @ApiCreatedResponse({
    type: PlatformView,
    description: 'Stored; a PlatformChanged event follows on dpi.registry.platform.v1',
  })
  @ApiBadRequestResponse({
    description: 'Invalid body (application/problem+json with field errors)',
  })
  @ApiUnauthorizedResponse({ description: 'No or invalid bearer token' })
  @ApiPayloadTooLargeResponse({ description: 'Body over 1 MB' })
  async create(
    @Body() dto: CreatePlatformDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlatformView> {
    const platform = await this.platforms.create(dto, { principal, requestId: String(request.id) });
    void reply
      .header('location', `/api/v1/platforms/${platform.id}`)
      .header('etag', etag(platform.version));
    return platform;
  }

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: PlatformPage })
  list(@Query() query: ListPlatformsQuery): Promise<PlatformPage> {
    return this.platforms.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: PlatformView })
  @ApiNotFoundResponse({ description: 'No such platform' })
  async get(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PlatformView> {
    const platform = await this.platforms.get(id);
    void reply.header('etag', etag(platform.version));
    return platform;
  }
}
