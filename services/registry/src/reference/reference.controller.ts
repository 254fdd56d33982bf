import { STANDARD_CODE_PATTERN } from '@dpi/domain';
import { strictValidationPipe, validationProblem } from '@dpi/service-kit';
import {
  Body,
  Controller,
  Get,
  Header,
  NotFoundException,
  Param,
  Put,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BearerAuthGuard } from '../auth/bearer-auth.guard';
import { RequireRole } from '../auth/roles.decorator';
import { LandEntity } from './land.entity';
import { LandList, LandView, PutStandardDto, StandardList, StandardView } from './reference.dto';
import { StandardEntity } from './standard.entity';

const standardView = (s: StandardEntity): StandardView => ({
  ...s,
  updatedAt: s.updatedAt.toISOString(),
});

/** Reference data: the 16 Länder (read-only) and the standards list (admins maintain it). */
@ApiTags('reference data')
@Controller('api/v1')
export class ReferenceController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('laender')
  @ApiOkResponse({ type: LandList })
  async laender(): Promise<LandList> {
    const items = await this.dataSource.getRepository(LandEntity).find({ order: { code: 'ASC' } });
    return { items };
  }

  @Get('laender/:code')
  @ApiParam({ name: 'code', example: 'DE-HH', description: 'ISO 3166-2 code' })
  @ApiOkResponse({ type: LandView })
  @ApiNotFoundResponse({ description: 'No such Land' })
  async land(@Param('code') code: string): Promise<LandView> {
    const land = await this.dataSource.getRepository(LandEntity).findOneBy({ code });
    if (!land) throw new NotFoundException(`no Land ${code}; codes look like DE-HH`);
    return land;
  }

  @Get('standards')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: StandardList })
  async standards(): Promise<StandardList> {
    const rows = await this.dataSource
      .getRepository(StandardEntity)
      .find({ order: { code: 'ASC' } });
    return { items: rows.map(standardView) };
  }

  @Get('standards/:code')
  @ApiParam({ name: 'code', example: 'ogcapi-features' })
  @ApiOkResponse({ type: StandardView })
  @ApiNotFoundResponse({ description: 'No such standard' })
  async standard(@Param('code') code: string): Promise<StandardView> {
    const row = await this.dataSource.getRepository(StandardEntity).findOneBy({ code });
    if (!row) throw new NotFoundException(`no standard ${code}`);
    return standardView(row);
  }

  @Put('standards/:code')
  @UseGuards(BearerAuthGuard)
  @RequireRole('admin')
  @ApiBearerAuth()
  @ApiParam({
    name: 'code',
    example: 'ogcapi-features',
    schema: { type: 'string', pattern: STANDARD_CODE_PATTERN.source },
  })
  @ApiBody({ type: PutStandardDto })
  @ApiOkResponse({ type: StandardView, description: 'Created or replaced' })
  @ApiBadRequestResponse({ description: 'Invalid code or body (application/problem+json)' })
  @ApiUnauthorizedResponse({ description: 'No, unknown or revoked bearer token' })
  @ApiForbiddenResponse({ description: 'Only admins maintain reference data' })
  async putStandard(
    @Param('code') code: string,
    @Body(strictValidationPipe(PutStandardDto)) dto: PutStandardDto,
  ): Promise<StandardView> {
    if (!STANDARD_CODE_PATTERN.test(code))
      throw validationProblem([
        { field: 'code', message: 'code must be lower-case letters, digits and dashes' },
      ]);
    const row: StandardEntity = {
      code,
      title: dto.title,
      body: dto.body,
      version: dto.version ?? '',
      category: dto.category,
      url: dto.url ?? null,
      updatedAt: new Date(),
    };
    await this.dataSource.getRepository(StandardEntity).save(row);
    return standardView(row);
  }
}
