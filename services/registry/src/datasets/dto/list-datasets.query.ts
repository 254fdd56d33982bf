import { EU_THEMES, HIERARCHY_LEVELS, LAND_CODES, LICENCE_URI_PATTERN } from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { SearchListQuery } from '../../records/list.query';
import { oneOf } from '../../records/validation';

export class ListDatasetsQuery extends SearchListQuery(['createdAt', 'updatedAt', 'title']) {
  @ApiPropertyOptional({ enum: LAND_CODES })
  @IsIn(LAND_CODES, oneOf('landCode', LAND_CODES))
  @IsOptional()
  landCode?: string;

  @ApiPropertyOptional({ enum: EU_THEMES })
  @IsIn(EU_THEMES, oneOf('theme', EU_THEMES))
  @IsOptional()
  theme?: string;

  @ApiPropertyOptional({ enum: HIERARCHY_LEVELS })
  @IsIn(HIERARCHY_LEVELS, oneOf('hierarchyLevel', HIERARCHY_LEVELS))
  @IsOptional()
  hierarchyLevel?: string;

  @ApiPropertyOptional({
    description: 'dcat-ap.de licence URI',
    pattern: LICENCE_URI_PATTERN.source,
  })
  @Matches(LICENCE_URI_PATTERN, { message: 'licence must be a dcat-ap.de licence URI' })
  @IsOptional()
  licence?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsIn(['true', 'false'], { message: 'openData must be true or false' })
  @IsOptional()
  openData?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Datasets harvested from this source' })
  @IsUUID('all', { message: 'harvestSourceId must be a UUID' })
  @IsOptional()
  harvestSourceId?: string;
}
