import { DisplayName } from '@dpi/service-kit';
import {
  ACCESS_RIGHTS,
  AccessRight,
  ADMINISTRATIVE_LEVELS,
  AdministrativeLevel,
  canonicalStandardCode,
  EU_THEMES,
  EuTheme,
  FUNDING_SOURCES,
  FundingSource,
  KNOWN_COMPONENTS,
  LAND_CODES,
  PLATFORM_STATUSES,
  PLATFORM_TYPES,
  PlatformStatus,
  PlatformType,
  REUSABILITY_LEVELS,
  Reusability,
  STANDARD_CODE_PATTERN,
} from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { GEOMETRY_SCHEMA } from '../../records/geometry.schema';
import {
  CanonicalWords,
  GeoJsonGeometry,
  HttpUrl,
  IsGeoJsonGeometry,
  oneOf,
  RecordLinks,
  TextSet,
  WordSet,
} from '../../records/validation';

// class-validator runs a property's decorators bottom-up; with stopAtFirstError the lowest failing
// one is reported, so the most basic check (present, right type) stands last.
export class CreatePlatformDto {
  @ApiProperty({
    example: 'Urban Data Platform Hamburg',
    minLength: 1,
    pattern: '\\S',
    maxLength: 300,
  })
  @DisplayName('name', 300)
  name!: string;

  @ApiProperty({ enum: LAND_CODES, example: 'DE-HH', description: 'ISO 3166-2 code of the Land' })
  @IsIn(LAND_CODES, {
    message: `landCode must be one of the 16 Länder codes: ${LAND_CODES.join(', ')}`,
  })
  landCode!: string;

  @ApiProperty({ enum: PLATFORM_TYPES, example: 'urbanDataPlatform' })
  @IsIn(PLATFORM_TYPES, oneOf('type', PLATFORM_TYPES))
  type!: PlatformType;

  @ApiProperty({ enum: PLATFORM_STATUSES, example: 'production' })
  @IsIn(PLATFORM_STATUSES, oneOf('status', PLATFORM_STATUSES))
  status!: PlatformStatus;

  @ApiPropertyOptional({ example: 'https://www.hamburg.de/urban-data-platform', format: 'uri' })
  @HttpUrl('homepage')
  homepage?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @MaxLength(10000)
  @IsString()
  @IsOptional()
  description?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Registry id of the operating organisation (of this Land or federal)',
  })
  @IsUUID('all', { message: 'operatorOrganisationId must be an organisation id (UUID)' })
  @IsOptional()
  operatorOrganisationId?: string;

  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS, example: 'state' })
  @IsIn(ADMINISTRATIVE_LEVELS, oneOf('administrativeLevel', ADMINISTRATIVE_LEVELS))
  @IsOptional()
  administrativeLevel?: AdministrativeLevel;

  @ApiPropertyOptional({
    enum: EU_THEMES,
    isArray: true,
    example: ['TRAN', 'ENVI'],
    description: 'EU data themes (DCAT-AP.de dcat:theme)',
  })
  @WordSet('themes', EU_THEMES)
  themes?: EuTheme[];

  @ApiPropertyOptional({
    type: [String],
    example: ['ogcapi-features', 'ogc-sensorthings'],
    description:
      'Codes from GET /api/v1/standards. Other spellings of a listed standard (CityGML, cityGml2, 3dTiles, OGC-CSW, wms …) are accepted and stored as its code.',
    uniqueItems: true,
    maxItems: 50,
    items: { type: 'string', pattern: STANDARD_CODE_PATTERN.source },
  })
  @Matches(STANDARD_CODE_PATTERN, { each: true, message: 'standards must contain standard codes' })
  @ArrayUnique({ message: 'standards must not repeat an entry' })
  @ArrayMaxSize(50)
  @IsArray({ message: 'standards must be an array' })
  @IsOptional()
  @CanonicalWords(canonicalStandardCode)
  standards?: string[];

  @ApiPropertyOptional({ default: false })
  @IsBoolean()
  @IsOptional()
  openSource?: boolean;

  @ApiPropertyOptional({ format: 'uri', example: 'https://bitbucket.org/geowerkstatt-hamburg/' })
  @HttpUrl('repositoryUrl')
  repositoryUrl?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['Masterportal', 'FROST-Server'],
    description: `Software components; common ones: ${KNOWN_COMPONENTS.join(', ')}`,
  })
  @TextSet('components', 30, 100)
  components?: string[];

  @ApiPropertyOptional({ enum: REUSABILITY_LEVELS, default: 'none' })
  @IsIn(REUSABILITY_LEVELS, oneOf('reusability', REUSABILITY_LEVELS))
  @IsOptional()
  reusability?: Reusability;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES, isArray: true })
  @WordSet('funding', FUNDING_SOURCES)
  funding?: FundingSource[];

  @ApiPropertyOptional({ enum: ACCESS_RIGHTS, default: 'PUBLIC' })
  @IsIn(ACCESS_RIGHTS, oneOf('accessRights', ACCESS_RIGHTS))
  @IsOptional()
  accessRights?: AccessRight;

  @ApiPropertyOptional({
    ...GEOMETRY_SCHEMA,
    description: 'Coverage area or location: a GeoJSON geometry in WGS84',
  })
  @IsGeoJsonGeometry()
  @IsOptional()
  geometry?: GeoJsonGeometry;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Linked endpoints (of this Land or federal)',
  })
  @RecordLinks('endpointIds')
  endpointIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Linked datasets (of this Land or federal)',
  })
  @RecordLinks('datasetIds')
  datasetIds?: string[];
}
