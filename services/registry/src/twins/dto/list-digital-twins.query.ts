import {
  LAND_CODES,
  MATURITY_LEVELS,
  TWIN_KINDS,
  TWIN_SCOPES,
  TwinKind,
  TwinScope,
} from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../records/page.query';

export class ListDigitalTwinsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LAND_CODES })
  @IsOptional()
  @IsIn(LAND_CODES, {
    message: `landCode must be one of the 16 Länder codes: ${LAND_CODES.join(', ')}`,
  })
  landCode?: string;

  @ApiPropertyOptional({ enum: TWIN_KINDS })
  @IsOptional()
  @IsIn(TWIN_KINDS, { message: `kind must be one of: ${TWIN_KINDS.join(', ')}` })
  kind?: TwinKind;

  @ApiPropertyOptional({ enum: TWIN_SCOPES })
  @IsOptional()
  @IsIn(TWIN_SCOPES, { message: `scope must be one of: ${TWIN_SCOPES.join(', ')}` })
  scope?: TwinScope;

  @ApiPropertyOptional({ enum: MATURITY_LEVELS, type: Number })
  @IsOptional()
  @Type(() => Number)
  @IsIn(MATURITY_LEVELS, { message: 'maturityLevel must be 1, 2, 3 or 4' })
  maturityLevel?: number;
}
