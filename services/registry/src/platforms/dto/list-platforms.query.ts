import {
  EU_THEMES,
  LAND_CODES,
  PLATFORM_STATUSES,
  PLATFORM_TYPES,
  canonicalStandardCode,
  REUSABILITY_LEVELS,
  STANDARD_CODE_PATTERN,
} from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { SearchListQuery } from '../../records/list.query';
import { oneOf } from '../../records/validation';

export class ListPlatformsQuery extends SearchListQuery(['createdAt', 'updatedAt', 'name']) {
  @ApiPropertyOptional({ enum: LAND_CODES })
  @IsIn(LAND_CODES, oneOf('landCode', LAND_CODES))
  @IsOptional()
  landCode?: string;

  @ApiPropertyOptional({ enum: PLATFORM_TYPES })
  @IsIn(PLATFORM_TYPES, oneOf('type', PLATFORM_TYPES))
  @IsOptional()
  type?: string;

  @ApiPropertyOptional({ enum: PLATFORM_STATUSES })
  @IsIn(PLATFORM_STATUSES, oneOf('status', PLATFORM_STATUSES))
  @IsOptional()
  status?: string;

  @ApiPropertyOptional({ enum: EU_THEMES, description: 'Platforms with this EU data theme' })
  @IsIn(EU_THEMES, oneOf('theme', EU_THEMES))
  @IsOptional()
  theme?: string;

  @ApiPropertyOptional({
    description:
      'Platforms using this standard (code; other spellings such as CityGML are read as the code)',
    pattern: STANDARD_CODE_PATTERN.source,
    example: 'ogcapi-features',
  })
  @Matches(STANDARD_CODE_PATTERN, { message: 'standard must be a standard code' })
  @IsOptional()
  @Transform(({ value }) =>
    typeof value === 'string' ? (canonicalStandardCode(value) ?? value) : value,
  )
  standard?: string;

  @ApiPropertyOptional({ enum: REUSABILITY_LEVELS })
  @IsIn(REUSABILITY_LEVELS, oneOf('reusability', REUSABILITY_LEVELS))
  @IsOptional()
  reusability?: string;
}
