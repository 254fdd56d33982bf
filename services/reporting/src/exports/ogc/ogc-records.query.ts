import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BBOX_PATTERN, ITEM_KINDS } from '../../overview/dto/queries';

const TYPES = new RegExp(`^(${ITEM_KINDS.join('|')})(,(${ITEM_KINDS.join('|')}))*$`);

export class OgcFormatQuery {
  @ApiPropertyOptional({ enum: ['json'], description: 'Only JSON is offered' })
  @IsOptional()
  @IsIn(['json'], { message: 'f must be json' })
  f?: string;
}

export class OgcItemsQuery extends OgcFormatQuery {
  @ApiPropertyOptional({
    description: 'minLon,minLat,maxLon,maxLat (WGS84): records whose geometry intersects it',
    example: '9.7,53.3,10.4,53.8',
    pattern: BBOX_PATTERN.source,
  })
  @IsOptional()
  @Matches(BBOX_PATTERN, { message: 'bbox must be minLon,minLat,maxLon,maxLat in degrees' })
  bbox?: string;

  @ApiPropertyOptional({
    description:
      'Comma-separated search terms; a record matches when any occurs in its title or description',
    example: 'Geoportal,Verkehr',
    maxLength: 200,
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description: `Comma-separated record types: ${ITEM_KINDS.join(', ')}`,
    example: 'platform,twin',
    pattern: TYPES.source,
  })
  @IsOptional()
  @Matches(TYPES, {
    message: `type must be a comma-separated list of: ${ITEM_KINDS.join(', ')}`,
  })
  type?: string;

  @ApiPropertyOptional({
    description:
      'RFC 3339 instant or interval (`start/end`, `..` open) of the record’s last change ' +
      '(`properties.updated`)',
    example: '2025-01-01T00:00:00Z/..',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  datetime?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 1_000_000_000,
    default: 0,
    description: 'Records to skip (paging links set it)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offset must be an integer' })
  @Min(0)
  // Bounded so that it stays a number SQL takes (1e19 was a 500).
  @Max(1_000_000_000, { message: 'offset must be at most 1000000000' })
  offset?: number;
}
