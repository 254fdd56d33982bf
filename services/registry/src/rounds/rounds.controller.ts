import { ApiIfMatchRequired, etagOf } from '@dpi/service-kit';
import { LAND_CODES } from '@dpi/domain';
import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
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
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiPreconditionFailedResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { CurrentPrincipal, CurrentViewer } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import { RequireRole } from '../auth/roles.decorator';
import type { Viewer } from '../auth/visibility';
import { IfMatchRequiredGuard } from '../records/if-match.guard';
import { RequestContext } from '../records/records.service';
import {
  ConfirmRecordsDto,
  OpenRoundDto,
  RoundPageQuery,
  RoundRecordsQuery,
  WithdrawRecordDto,
} from './dto/round.dto';
import {
  ConfirmationResultView,
  RoundPageView,
  RoundRecordPageView,
  RoundRecordView,
  RoundView,
} from './dto/round.view';
import { RoundsService } from './rounds.service';

const uuid = new ParseUUIDPipe();
const context = (principal: Principal, request: FastifyRequest): RequestContext => ({
  principal,
  requestId: String(request.id),
});
const noLastConfirmation = {
  lastConfirmedAt: null,
  lastConfirmedBy: null,
  lastConfirmedRound: null,
};

/** Survey rounds (Erhebungsrunden, issue 22). */
@ApiTags('rounds')
@Controller('api/v1/rounds')
@ApiUnauthorizedResponse({ description: 'No, unknown or revoked bearer token' })
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Post()
  @HttpCode(201)
  @UseGuards(BearerAuthGuard)
  @RequireRole('admin')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: RoundView, description: 'Opened; its in-scope records are open' })
  @ApiBadRequestResponse({
    description: 'Invalid body (application/problem+json with field errors)',
  })
  @ApiForbiddenResponse({ description: 'Not an admin token' })
  async open(
    @Body() dto: OpenRoundDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RoundView> {
    const round = await this.rounds.open(dto, context(principal, request));
    void reply
      .header('location', `/api/v1/rounds/${round.id}`)
      .header('etag', etagOf(round.version));
    return RoundView.of(round);
  }

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: RoundPageView, description: 'Rounds, newest first' })
  @ApiBadRequestResponse({ description: 'Invalid limit or cursor (application/problem+json)' })
  async list(@Query() query: RoundPageQuery): Promise<RoundPageView> {
    const page = await this.rounds.list(query.limit ?? 50, query.cursor);
    return { ...page, items: page.items.map((r) => RoundView.of(r)) };
  }

  @Get(':id')
  @Header('cache-control', 'no-store')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RoundView })
  @ApiBadRequestResponse({ description: 'Malformed id (application/problem+json)' })
  @ApiNotFoundResponse({ description: 'No such round' })
  async get(@Param('id', uuid) id: string): Promise<RoundView> {
    return RoundView.of(await this.rounds.get(id));
  }

  @Get(':id/records')
  @Header('cache-control', 'no-store')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({
    type: RoundRecordPageView,
    description:
      'The round’s records the caller may see (NON_PUBLIC ones only to their Land, reviewers ' +
      'and admins), by id, with their state in the round and their last confirmation',
  })
  @ApiBadRequestResponse({ description: 'Malformed id or filter (application/problem+json)' })
  @ApiNotFoundResponse({ description: 'No such round' })
  async records(
    @Param('id', uuid) id: string,
    @Query() query: RoundRecordsQuery,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RoundRecordPageView> {
    const page = await this.rounds.records(id, query, viewer);
    return { ...page, items: page.items.map((i) => RoundRecordView.of(i)) };
  }

  @Post(':id/confirmations')
  @HttpCode(200)
  @UseGuards(BearerAuthGuard)
  @ApiBearerAuth()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ConfirmationResultView, description: 'All confirmed (or none)' })
  @ApiBadRequestResponse({
    description: 'Malformed id or body, or a record not in the round (problem+json, per field)',
  })
  @ApiForbiddenResponse({ description: 'A record of a Land this token may not write' })
  @ApiNotFoundResponse({ description: 'No such round' })
  @ApiConflictResponse({ description: 'The round is closed' })
  async confirm(
    @Param('id', uuid) id: string,
    @Body() dto: ConfirmRecordsDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ConfirmationResultView> {
    const result = await this.rounds.confirm(id, dto, context(principal, request));
    return {
      ...result,
      items: result.items.map((i) => RoundRecordView.of({ ...i, ...noLastConfirmation })),
    };
  }

  @Post(':id/withdrawals')
  @HttpCode(200)
  @UseGuards(BearerAuthGuard, IfMatchRequiredGuard)
  @ApiBearerAuth()
  @ApiIfMatchRequired()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RoundRecordView, description: 'Withdrawn: deleted, with the reason' })
  @ApiBadRequestResponse({ description: 'Malformed id or body (problem+json, per field)' })
  @ApiForbiddenResponse({ description: 'A record of a Land this token may not write' })
  @ApiNotFoundResponse({ description: 'No such round or record' })
  @ApiConflictResponse({ description: 'The round is closed, or live records still link it' })
  @ApiPreconditionFailedResponse({ description: 'Stale If-Match: the record changed' })
  async withdraw(
    @Param('id', uuid) id: string,
    @Body() dto: WithdrawRecordDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<RoundRecordView> {
    const row = await this.rounds.withdraw(id, dto, ifMatch, context(principal, request));
    return RoundRecordView.of({ ...row, ...noLastConfirmation });
  }

  @Post(':id/laender/:land/complete')
  @HttpCode(200)
  @UseGuards(BearerAuthGuard)
  @ApiBearerAuth()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'land', enum: LAND_CODES })
  @ApiOkResponse({ type: RoundView, description: 'The Land declared "nothing more to add"' })
  @ApiBadRequestResponse({ description: 'Malformed id (application/problem+json)' })
  @ApiForbiddenResponse({ description: 'Not this Land’s editor nor an admin' })
  @ApiNotFoundResponse({ description: 'No such round, or the Land is not in it' })
  @ApiConflictResponse({ description: 'The round is closed' })
  async complete(
    @Param('id', uuid) id: string,
    @Param('land') land: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<RoundView> {
    return RoundView.of(await this.rounds.complete(id, land, context(principal, request)));
  }

  @Post(':id/close')
  @HttpCode(200)
  @UseGuards(BearerAuthGuard)
  @RequireRole('admin')
  @ApiBearerAuth()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RoundView, description: 'Closed; each Land’s result is frozen' })
  @ApiBadRequestResponse({ description: 'Malformed id (application/problem+json)' })
  @ApiForbiddenResponse({ description: 'Not an admin token' })
  @ApiNotFoundResponse({ description: 'No such round' })
  @ApiConflictResponse({ description: 'Already closed' })
  async close(
    @Param('id', uuid) id: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<RoundView> {
    return RoundView.of(await this.rounds.close(id, context(principal, request)));
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @UseGuards(BearerAuthGuard)
  @RequireRole('admin')
  @ApiBearerAuth()
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: RoundView, description: 'Never: a round is not reopened' })
  @ApiBadRequestResponse({ description: 'Malformed id (application/problem+json)' })
  @ApiForbiddenResponse({ description: 'Not an admin token' })
  @ApiNotFoundResponse({ description: 'No such round' })
  @ApiConflictResponse({ description: 'Always: a closed round stays closed, an open one is open' })
  async reopen(@Param('id', uuid) id: string): Promise<RoundView> {
    return this.rounds.reopen(id);
  }
}
