import { RECORD_SOURCES } from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { isWgs84Bbox } from './geometry';
import { PageQuery } from './page.query';

const NUMBER = '-?\\d{1,3}(\\.\\d{1,12})?';
export const BBOX_PATTERN = new RegExp(`^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`);

/** "west,south,east,north" → numbers, or null when outside WGS84 or inverted. */
export function parseBbox(text: string): [number, number, number, number] | null {
  const [west, south, east, north] = text.split(',').map(Number) as [
    number,
    number,
    number,
    number,
  ];
  return isWgs84Bbox(west, south, east, north) ? [west, south, east, north] : null;
}

/**
 * Parameters every list endpoint takes: paging, sorting, `source`, `updatedSince`. A kind's
 * query adds its own filters.
 */
export function ListQuery(sorts: readonly string[]) {
  const sortValues = sorts.flatMap((s) => [s, `-${s}`]);
  class ListQueryBase extends PageQuery {
    @ApiPropertyOptional({
      enum: sortValues,
      default: 'createdAt',
      description: 'Sort key; a leading "-" sorts descending',
    })
    @IsIn(sortValues, { message: `sort must be one of: ${sortValues.join(', ')}` })
    @IsOptional()
    sort?: string;

    @ApiPropertyOptional({ enum: RECORD_SOURCES })
    @IsIn(RECORD_SOURCES, { message: `source must be one of: ${RECORD_SOURCES.join(', ')}` })
    @IsOptional()
    source?: string;

    @ApiPropertyOptional({
      format: 'date-time',
      description: 'Only records changed at or after this time (RFC 3339)',
      example: '2026-01-01T00:00:00Z',
    })
    @IsISO8601({ strict: true }, { message: 'updatedSince must be an RFC 3339 date-time' })
    @IsOptional()
    updatedSince?: string;
  }
  return ListQueryBase;
}

/** List parameters of kinds with a text and a geometry: also `q` (German full text) and `bbox`. */
export function SearchListQuery(sorts: readonly string[]) {
  class SearchListQueryBase extends ListQuery(sorts) {
    @ApiPropertyOptional({
      maxLength: 200,
      description: 'German full-text search (web search syntax: words, "phrases", -exclusions, or)',
      example: 'Geoportal',
    })
    @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
    @MaxLength(200)
    @IsNotEmpty({ message: 'q must not be empty' })
    @IsString()
    @IsOptional()
    q?: string;

    @ApiPropertyOptional({
      description: 'west,south,east,north in WGS84 degrees: records whose geometry intersects it',
      example: '9.7,53.3,10.4,53.8',
      pattern: BBOX_PATTERN.source,
    })
    @Matches(BBOX_PATTERN, { message: 'bbox must be west,south,east,north in degrees' })
    @IsOptional()
    bbox?: string;
  }
  return SearchListQueryBase;
}
