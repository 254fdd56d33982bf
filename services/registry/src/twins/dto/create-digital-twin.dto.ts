import { DisplayName } from '@dpi/service-kit';
import {
  canonicalThreeDFormat,
  DIGIZ_DE_RELATIONS,
  DigizDeRelation,
  LAND_CODES,
  THREE_D_FORMATS,
  ThreeDFormat,
  TWIN_CAPABILITIES,
  TWIN_DATA_BASES,
  TWIN_KINDS,
  TWIN_SCOPES,
  TWIN_USE_CASES,
  TwinCapability,
  TwinDataBasis,
  TwinKind,
  TwinScope,
  TwinUseCase,
} from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GEOMETRY_SCHEMA } from '../../records/geometry.schema';
import {
  CanonicalWords,
  GeoJsonGeometry,
  HttpUrl,
  IsGeoJsonGeometry,
  oneOf,
  RecordLinks,
  WordSet,
} from '../../records/validation';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

// Decorators run bottom-up; with stopAtFirstError the basic check (present, right type) stands last.
export class CreateDigitalTwinDto {
  @ApiProperty({
    example: 'Digitaler Zwilling Sachsen',
    minLength: 1,
    pattern: '\\S',
    maxLength: 300,
  })
  @DisplayName('name', 300)
  name!: string;

  @ApiPropertyOptional({
    enum: LAND_CODES,
    example: 'DE-SN',
    description: 'Absent for federal twins (admin only)',
  })
  @IsIn(LAND_CODES, oneOf('landCode', LAND_CODES))
  @IsOptional()
  landCode?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @MaxLength(10000)
  @IsString()
  @IsOptional()
  description?: string;

  @ApiProperty({ enum: TWIN_SCOPES, example: 'state' })
  @IsIn(TWIN_SCOPES, oneOf('scope', TWIN_SCOPES))
  scope!: TwinScope;

  @ApiProperty({ enum: TWIN_KINDS, example: 'geobasis' })
  @IsIn(TWIN_KINDS, oneOf('kind', TWIN_KINDS))
  kind!: TwinKind;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 4,
    example: 2,
    description: 'DIN SPEC 91607 maturity level',
  })
  @Max(4)
  @Min(1)
  @IsInt({ message: 'maturityLevel must be an integer from 1 to 4' })
  maturityLevel!: number;

  @ApiPropertyOptional({ enum: TWIN_CAPABILITIES, isArray: true })
  @WordSet('capabilities', TWIN_CAPABILITIES)
  capabilities?: TwinCapability[];

  @ApiPropertyOptional({ enum: TWIN_USE_CASES, isArray: true })
  @WordSet('useCases', TWIN_USE_CASES)
  useCases?: TwinUseCase[];

  @ApiPropertyOptional({ enum: TWIN_DATA_BASES, isArray: true })
  @WordSet('dataBasis', TWIN_DATA_BASES)
  dataBasis?: TwinDataBasis[];

  @ApiPropertyOptional({
    enum: THREE_D_FORMATS,
    isArray: true,
    description:
      '3D formats offered, coded as the standard they follow (GET /api/v1/standards) with the major version where it matters. The words of earlier versions (cityGml2, cityGml3, cityJson, 3dTiles) are accepted and stored as these codes.',
  })
  @WordSet('formats', THREE_D_FORMATS)
  @CanonicalWords(canonicalThreeDFormat)
  formats?: ThreeDFormat[];

  @ApiPropertyOptional({ default: false })
  @IsBoolean()
  @IsOptional()
  realTime?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsBoolean()
  @IsOptional()
  simulation?: boolean;

  @ApiPropertyOptional({ enum: DIGIZ_DE_RELATIONS, default: 'none' })
  @IsIn(DIGIZ_DE_RELATIONS, oneOf('digizDe', DIGIZ_DE_RELATIONS))
  @IsOptional()
  digizDe?: DigizDeRelation;

  @ApiPropertyOptional({ format: 'uri' })
  @HttpUrl('homepage')
  homepage?: string;

  @ApiPropertyOptional({ ...GEOMETRY_SCHEMA, description: 'Area of the twin (GeoJSON, WGS84)' })
  @IsGeoJsonGeometry()
  @IsOptional()
  geometry?: GeoJsonGeometry;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Linked platforms (of this Land or federal)',
  })
  @RecordLinks('platformIds')
  platformIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Linked datasets (of this Land or federal)',
  })
  @RecordLinks('datasetIds')
  datasetIds?: string[];
}
