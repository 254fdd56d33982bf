import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ApiClientsService } from './api-clients.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { CurrentPrincipal } from './current-principal.decorator';
import { ApiClientView, IssuedTokenView } from './dto/api-client.view';
import { IssueTokenDto } from './dto/issue-token.dto';
import { Principal } from './principal';
import { RequireRole } from './roles.decorator';

@ApiTags('admin')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No, unknown or revoked token' })
@ApiForbiddenResponse({ description: 'Not an admin token' })
@Controller('api/v1/admin/tokens')
@UseGuards(BearerAuthGuard)
@RequireRole('admin')
export class AdminTokensController {
  constructor(private readonly clients: ApiClientsService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: IssuedTokenView })
  @ApiConflictResponse({ description: 'A token with this name exists' })
  @ApiBadRequestResponse({
    description: 'Invalid name, role or Land (application/problem+json with field errors)',
  })
  async issue(
    @Body() dto: IssueTokenDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IssuedTokenView> {
    const { client, token } = await this.clients.issue(dto, principal.name);
    return { ...ApiClientView.of(client), token };
  }

  @Get()
  @ApiOkResponse({ type: [ApiClientView] })
  async list(): Promise<ApiClientView[]> {
    return (await this.clients.list()).map((c) => ApiClientView.of(c));
  }

  @Delete(':idOrName')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the token stops working at once' })
  @ApiNotFoundResponse({ description: 'No such token' })
  @ApiConflictResponse({ description: 'Already revoked' })
  @ApiBadRequestResponse({ description: 'Malformed parameter (application/problem+json)' })
  async revoke(@Param('idOrName') idOrName: string): Promise<void> {
    await this.clients.revoke(idOrName);
  }
}
