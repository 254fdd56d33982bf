import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { BBOX_PATTERN, ITEM_KINDS } from '../../overview/dto/queries';

const TYPES = new RegExp(`^(${ITEM_KINDS.join('|')})(,(${ITEM_KINDS.join('|')}))*$`);

export const FORMATS = ['json', 'html'] as const;

export class OgcFormatQuery {
  @ApiPropertyOptional({
    enum: FORMATS,
    description:
      'Encoding: `json` (the default) or `html` (German pages for people); without `f`, ' +
      '`Accept: text/html` chooses HTML',
  })
  @IsOptional()
  @IsIn(FORMATS, { message: `f must be one of: ${FORMATS.join(', ')}` })
  f?: (typeof FORMATS)[number];
}

const DATETIME = {
  description:
    'Instant or interval (`start/end`, `..` or nothing for an open end) of RFC 3339 instants ' +
    'or dates; a year (`2025`), month (`2025-03`) or day stands for all of it',
  example: '2025-03/2025-04',
  maxLength: 100,
};

/** A comma-separated list of at most 100 values of at most 200 characters each. */
const LIST = /^[^,]{1,200}(,[^,]{1,200}){0,99}$/;

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
      'Comma-separated search terms; a record matches any, each searched as `q` of /api/v1/items ' +
      'searches (German full text of title and description, the last word also as a prefix, or ' +
      'an identifier: the id, a fileIdentifier, a resource identifier)',
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
    ...DATETIME,
    description: `Records whose temporal extent (\`time\`) intersects it. ${DATETIME.description}`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  datetime?: string;

  @ApiPropertyOptional({
    ...DATETIME,
    description:
      'The same as `datetime` (OWSLib’s `collection_items(datetime_=…)` sends both); ' +
      'when both are given they must be equal',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  datetime_?: string;

  @ApiPropertyOptional({
    ...DATETIME,
    example: '2025-01-01T00:00:00Z/..',
    description: `Records last changed within it (\`properties.updated\`). ${DATETIME.description}`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  updated?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated record ids: only these records',
    example: '00000000-0000-4000-8000-000000000001',
    pattern: LIST.source,
  })
  @IsOptional()
  @Matches(LIST, { message: 'ids must be a comma-separated list of ids' })
  ids?: string;

  @ApiPropertyOptional({
    description:
      'Comma-separated external identifiers: records whose `externalIds` (a harvested ' +
      'dataset’s fileIdentifier or resource identifier) hold any, case-insensitive',
    pattern: LIST.source,
  })
  @IsOptional()
  @Matches(LIST, { message: 'externalIds must be a comma-separated list of identifiers' })
  externalIds?: string;

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
