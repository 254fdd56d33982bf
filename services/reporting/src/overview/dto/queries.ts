import { LAND_CODES, MATURITY_LEVELS } from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SEVERITIES } from '../../handlungsbedarfe/rule';

export const ITEM_KINDS = ['platform', 'twin', 'dataset', 'endpoint'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const COVERAGE_DIMENSIONS = ['platformType', 'twinUseCase', 'euTheme'] as const;
export type CoverageDimension = (typeof COVERAGE_DIMENSIONS)[number];

const NUMBER = '-?\\d{1,3}(\\.\\d{1,12})?';
export const BBOX_PATTERN = new RegExp(`^${NUMBER},${NUMBER},${NUMBER},${NUMBER}$`);

const booleanWord = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Paging of every list: `limit` and the opaque `cursor` of the previous page. */
export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Opaque cursor from `nextCursor` of the previous page',
    pattern: '^[A-Za-z0-9_-]{1,1000}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,1000}$/, { message: 'cursor is malformed' })
  cursor?: string;
}

export class LandFilterQuery {
  @ApiPropertyOptional({ enum: LAND_CODES, example: 'DE-HH' })
  @IsOptional()
  @IsIn(LAND_CODES, { message: 'landCode must be one of the 16 ISO 3166-2 codes (DE-SH … DE-TH)' })
  landCode?: string;
}

export class ItemsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LAND_CODES, example: 'DE-HH' })
  @IsOptional()
  @IsIn(LAND_CODES, { message: 'landCode must be one of the 16 ISO 3166-2 codes (DE-SH … DE-TH)' })
  landCode?: string;

  @ApiPropertyOptional({ enum: ITEM_KINDS })
  @IsOptional()
  @IsIn(ITEM_KINDS, { message: `kind must be one of: ${ITEM_KINDS.join(', ')}` })
  kind?: ItemKind;

  @ApiPropertyOptional({
    description:
      'Platform type (geoportal …), twin kind (geobasis, urban, thematic), dataset hierarchy level or endpoint service type',
    example: 'urbanDataPlatform',
    pattern: '^[A-Za-z0-9]{1,40}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9]{1,40}$/, { message: 'type must be a word of letters and digits' })
  type?: string;

  @ApiPropertyOptional({ enum: ['planned', 'pilot', 'production', 'retired'] })
  @IsOptional()
  @IsIn(['planned', 'pilot', 'production', 'retired'], {
    message: 'status must be one of: planned, pilot, production, retired',
  })
  status?: string;

  @ApiPropertyOptional({
    description: 'EU data theme of platforms and datasets (AGRI … TRAN) or use case of twins',
    example: 'TRAN',
    pattern: '^[A-Za-z]{1,40}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]{1,40}$/, { message: 'theme must be a word of letters' })
  theme?: string;

  @ApiPropertyOptional({ enum: MATURITY_LEVELS, description: 'DIN SPEC 91607 level of twins' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'maturity must be 1, 2, 3 or 4' })
  @Min(1, { message: 'maturity must be 1, 2, 3 or 4' })
  @Max(4, { message: 'maturity must be 1, 2, 3 or 4' })
  maturity?: number;

  @ApiPropertyOptional({ type: Boolean, description: 'Datasets marked as open data (or not)' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean({ message: 'openData must be true or false' })
  openData?: boolean;

  @ApiPropertyOptional({
    description: 'west,south,east,north in WGS84 degrees: items whose geometry intersects it',
    example: '9.7,53.3,10.4,53.8',
    pattern: BBOX_PATTERN.source,
  })
  @IsOptional()
  @Matches(BBOX_PATTERN, { message: 'bbox must be west,south,east,north in degrees' })
  bbox?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Words in title or description',
    example: 'Geoportal',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'q must not be empty' })
  @MaxLength(200)
  q?: string;
}

export class CoverageQuery {
  @ApiPropertyOptional({ enum: COVERAGE_DIMENSIONS, default: 'platformType' })
  @IsOptional()
  @IsIn(COVERAGE_DIMENSIONS, {
    message: `dimension must be one of: ${COVERAGE_DIMENSIONS.join(', ')}`,
  })
  dimension?: CoverageDimension;
}

export class FindingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LAND_CODES, example: 'DE-HH' })
  @IsOptional()
  @IsIn(LAND_CODES, { message: 'landCode must be one of the 16 ISO 3166-2 codes (DE-SH … DE-TH)' })
  landCode?: string;

  @ApiPropertyOptional({ enum: SEVERITIES })
  @IsOptional()
  @IsIn(SEVERITIES, { message: `severity must be one of: ${SEVERITIES.join(', ')}` })
  severity?: string;

  @ApiPropertyOptional({ example: 'land-without-digital-twin', pattern: '^[a-z][a-z0-9-]{0,80}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,80}$/, {
    message: 'ruleId must be a rule id such as land-without-digital-twin',
  })
  ruleId?: string;
}

/** "west,south,east,north" → numbers, or null when outside WGS84 or inverted. */
export function parseBbox(text: string): [number, number, number, number] | null {
  const [west, south, east, north] = text.split(',').map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const ok =
    west >= -180 && east <= 180 && south >= -90 && north <= 90 && west <= east && south <= north;
  return ok ? [west, south, east, north] : null;
}
