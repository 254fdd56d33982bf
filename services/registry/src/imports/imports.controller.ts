import { validationProblem } from '@dpi/service-kit';
import { Body, Controller, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { Principal } from '../auth/principal';
import { MAX_IMPORT_ITEMS } from './import-kinds';
import { ImportItemDto, ImportReport } from './import.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller('api/v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(200)
  @UseGuards(BearerAuthGuard)
  @ApiBearerAuth()
  @ApiExtraModels(ImportItemDto)
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({
    description: `Up to ${MAX_IMPORT_ITEMS} items: a JSON array, or NDJSON (one item per line)`,
    schema: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_IMPORT_ITEMS,
      items: { $ref: getSchemaPath(ImportItemDto) },
    },
  })
  @ApiQuery({
    name: 'dryRun',
    required: false,
    enum: ['true', 'false'],
    description: 'true: check everything and report the changes, store nothing',
  })
  @ApiOkResponse({
    type: ImportReport,
    description: 'Per-item report; failed items stored nothing, the others are stored',
  })
  @ApiBadRequestResponse({
    description: 'Not an array of 1–10,000 items, or malformed JSON/NDJSON',
  })
  @ApiUnauthorizedResponse({ description: 'No, unknown or revoked bearer token' })
  @ApiPayloadTooLargeResponse({ description: 'Body over 32 MB' })
  async import(
    @Body() body: unknown,
    @Query('dryRun') dryRun: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<ImportReport> {
    if (dryRun !== undefined && dryRun !== 'true' && dryRun !== 'false')
      throw validationProblem([{ field: 'dryRun', message: 'dryRun must be true or false' }]);
    if (!Array.isArray(body) || body.length === 0 || body.length > MAX_IMPORT_ITEMS)
      throw validationProblem([
        {
          field: '(body)',
          message: `an import is a JSON array (or NDJSON) of 1 to ${MAX_IMPORT_ITEMS} items`,
        },
      ]);
    return this.imports.run(body, { principal, requestId: String(request.id) }, dryRun === 'true');
  }
}
