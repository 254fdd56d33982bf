import { DisplayName } from '@dpi/service-kit';
import {
  ACCESS_RIGHTS,
  AccessRight,
  EU_THEMES,
  EuTheme,
  FREQUENCIES,
  Frequency,
  GEOCODING_LEVELS,
  GeocodingLevel,
  HIERARCHY_LEVELS,
  HierarchyLevel,
  LAND_CODES,
  LICENCE_URI_PATTERN,
} from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  HttpUrl,
  IsWgs84Bbox,
  oneOf,
  RecordLinks,
  TextSet,
  trim,
  WordSet,
} from '../../records/validation';

/** What IsISO8601 (strict) accepts, as far as OpenAPI can say it. */
const DATE_OR_DATE_TIME = [
  { type: 'string', format: 'date' },
  { type: 'string', format: 'date-time' },
];

const DATE_MESSAGE = (field: string) => ({
  message: `${field} must be an ISO 8601 date or date-time, e.g. 2026-03-01`,
});

export class DistributionDto {
  @ApiProperty({
    example: 'WMS',
    minLength: 1,
    pattern: '\\S',
    maxLength: 100,
    description: 'Format or protocol',
  })
  @Transform(trim)
  @MaxLength(100)
  @IsNotEmpty()
  @IsString()
  @IsDefined({ message: 'format is required' })
  format!: string;

  @ApiPropertyOptional({
    example: 'application/geo+json',
    maxLength: 200,
    pattern: '^[a-z]+/[A-Za-z0-9.+_-]+$',
  })
  @Matches(/^[a-z]+\/[A-Za-z0-9.+_-]+$/, { message: 'mediaType must be a media type' })
  @MaxLength(200)
  @IsOptional()
  mediaType?: string;

  @ApiProperty({ format: 'uri', example: 'https://geodienste.hamburg.de/HH_WMS_Verkehr' })
  @HttpUrl('accessUrl', { required: true })
  accessUrl!: string;

  @ApiPropertyOptional({ format: 'uri' })
  @HttpUrl('downloadUrl')
  downloadUrl?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @MaxLength(300)
  @IsString()
  @IsOptional()
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Endpoint serving it (dcat:accessService)' })
  @IsUUID('all', { message: 'accessServiceId must be an endpoint id (UUID)' })
  @IsOptional()
  accessServiceId?: string;
}

/** A dataset, aligned with DCAT-AP.de 3.0 (manually registered; harvested ones come from CSW). */
export class CreateDatasetDto {
  @ApiProperty({ example: 'Verkehrsstärken Hamburg', minLength: 1, pattern: '\\S', maxLength: 500 })
  @DisplayName('title', 500)
  title!: string;

  @ApiPropertyOptional({
    enum: LAND_CODES,
    example: 'DE-HH',
    description: 'Absent for federal datasets (admin only)',
  })
  @IsIn(LAND_CODES, oneOf('landCode', LAND_CODES))
  @IsOptional()
  landCode?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @MaxLength(20000)
  @IsString()
  @IsOptional()
  description?: string;

  @ApiPropertyOptional({ example: 'Landesbetrieb Geoinformation und Vermessung', maxLength: 300 })
  @MaxLength(300)
  @IsString()
  @IsOptional()
  publisher?: string;

  @ApiPropertyOptional({ maxLength: 300 })
  @MaxLength(300)
  @IsString()
  @IsOptional()
  contactName?: string;

  @ApiPropertyOptional({ format: 'email', example: 'geodaten@gv.hamburg.de' })
  @MaxLength(320)
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  @IsOptional()
  contactEmail?: string;

  @ApiPropertyOptional({ format: 'uri' })
  @HttpUrl('contactUrl')
  contactUrl?: string;

  @ApiPropertyOptional({ enum: EU_THEMES, isArray: true, example: ['TRAN'] })
  @WordSet('themes', EU_THEMES)
  themes?: EuTheme[];

  @ApiPropertyOptional({ type: [String], example: ['Verkehr', 'opendata'] })
  @TextSet('keywords', 100, 200)
  keywords?: string[];

  @ApiPropertyOptional({
    example: 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
    pattern: LICENCE_URI_PATTERN.source,
    description: 'dcat-ap.de licence URI',
  })
  @Matches(LICENCE_URI_PATTERN, {
    message: 'licence must be a dcat-ap.de licence URI (http://dcat-ap.de/def/licenses/<id>)',
  })
  @IsOptional()
  licence?: string;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Licence conditions as free text' })
  @MaxLength(5000)
  @IsString()
  @IsOptional()
  licenceText?: string;

  @ApiPropertyOptional({ enum: ACCESS_RIGHTS, default: 'PUBLIC' })
  @IsIn(ACCESS_RIGHTS, oneOf('accessRights', ACCESS_RIGHTS))
  @IsOptional()
  accessRights?: AccessRight;

  @ApiPropertyOptional({ enum: FREQUENCIES })
  @IsIn(FREQUENCIES, oneOf('accrualPeriodicity', FREQUENCIES))
  @IsOptional()
  accrualPeriodicity?: Frequency;

  @ApiPropertyOptional({
    example: '2024-05-01',
    description: 'ISO 8601 date or date-time',
    oneOf: DATE_OR_DATE_TIME,
  })
  @IsISO8601({ strict: false }, DATE_MESSAGE('issued'))
  @IsOptional()
  issued?: string;

  @ApiPropertyOptional({
    example: '2026-10-01',
    description: 'ISO 8601 date or date-time',
    oneOf: DATE_OR_DATE_TIME,
  })
  @IsISO8601({ strict: false }, DATE_MESSAGE('modified'))
  @IsOptional()
  modified?: string;

  @ApiPropertyOptional({
    example: '2020-01-01',
    description: 'ISO 8601 date or date-time',
    oneOf: DATE_OR_DATE_TIME,
  })
  @IsISO8601({ strict: false }, DATE_MESSAGE('temporalStart'))
  @IsOptional()
  temporalStart?: string;

  @ApiPropertyOptional({
    example: '2025-12-31',
    description: 'ISO 8601 date or date-time',
    oneOf: DATE_OR_DATE_TIME,
  })
  @IsISO8601({ strict: false }, DATE_MESSAGE('temporalEnd'))
  @IsOptional()
  temporalEnd?: string;

  @ApiPropertyOptional({
    type: [Number],
    minItems: 4,
    maxItems: 4,
    example: [8.42, 53.39, 10.33, 53.97],
    description: '[west, south, east, north] in WGS84 degrees',
  })
  @IsWgs84Bbox()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { each: true, message: 'bbox must hold numbers' },
  )
  @ArrayMaxSize(4, { message: 'bbox must be [west, south, east, north]' })
  @ArrayMinSize(4, { message: 'bbox must be [west, south, east, north]' })
  @IsArray({ message: 'bbox must be [west, south, east, north]' })
  @IsOptional()
  bbox?: number[];

  @ApiPropertyOptional({
    format: 'uri',
    example: 'http://dcat-ap.de/def/politicalGeocoding/stateKey/02',
    description: 'dcatde:politicalGeocodingURI',
  })
  @HttpUrl('politicalGeocodingUri')
  politicalGeocodingUri?: string;

  @ApiPropertyOptional({ enum: GEOCODING_LEVELS })
  @IsIn(GEOCODING_LEVELS, oneOf('politicalGeocodingLevel', GEOCODING_LEVELS))
  @IsOptional()
  politicalGeocodingLevel?: GeocodingLevel;

  @ApiPropertyOptional({ type: [String], description: 'Standards or specifications (URIs)' })
  @IsString({ each: true })
  @ArrayMaxSize(50)
  @IsArray({ message: 'conformsTo must be an array' })
  @IsOptional()
  conformsTo?: string[];

  @ApiPropertyOptional({ type: [DistributionDto] })
  @ValidateNested({ each: true })
  @Type(() => DistributionDto)
  @ArrayMaxSize(100)
  @IsArray({ message: 'distributions must be an array' })
  @IsOptional()
  distributions?: DistributionDto[];

  @ApiPropertyOptional({ default: false })
  @IsBoolean()
  @IsOptional()
  openData?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Delivered to INSPIRE' })
  @IsBoolean()
  @IsOptional()
  inspire?: boolean;

  @ApiPropertyOptional({ maxLength: 1000, example: 'https://registry.gdi-de.org/id/de.hh/…' })
  @MaxLength(1000)
  @IsString()
  @IsOptional()
  resourceIdentifier?: string;

  @ApiPropertyOptional({ enum: HIERARCHY_LEVELS, default: 'dataset' })
  @IsIn(HIERARCHY_LEVELS, oneOf('hierarchyLevel', HIERARCHY_LEVELS))
  @IsOptional()
  hierarchyLevel?: HierarchyLevel;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Endpoints serving the dataset (of this Land or federal)',
  })
  @RecordLinks('endpointIds')
  endpointIds?: string[];
}
