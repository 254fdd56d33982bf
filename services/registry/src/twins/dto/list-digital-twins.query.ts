import {
  canonicalThreeDFormat,
  LAND_CODES,
  MATURITY_LEVELS,
  THREE_D_FORMATS,
  TWIN_USE_CASES,
  TWIN_KINDS,
  TWIN_SCOPES,
  TwinKind,
  TwinScope,
} from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import { SearchListQuery } from '../../records/list.query';

export class ListDigitalTwinsQuery extends SearchListQuery([
  'createdAt',
  'updatedAt',
  'name',
  'maturityLevel',
]) {
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

  @ApiPropertyOptional({ enum: TWIN_USE_CASES })
  @IsOptional()
  @IsIn(TWIN_USE_CASES, { message: `useCase must be one of: ${TWIN_USE_CASES.join(', ')}` })
  useCase?: string;

  @ApiPropertyOptional({
    enum: THREE_D_FORMATS,
    description:
      'Twins offering this 3D format (the earlier words cityGml2 … are read as the codes)',
  })
  @Transform(({ value }) =>
    typeof value === 'string' ? (canonicalThreeDFormat(value) ?? value) : value,
  )
  @IsOptional()
  @IsIn(THREE_D_FORMATS, { message: `format must be one of: ${THREE_D_FORMATS.join(', ')}` })
  format?: string;
}
