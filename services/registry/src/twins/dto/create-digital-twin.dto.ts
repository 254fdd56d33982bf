import {
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
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const oneOf = (field: string, words: readonly string[]) => ({
  message: `${field} must be one of: ${words.join(', ')}`,
});
const eachOf = (field: string, words: readonly string[]) => ({
  each: true,
  message: `${field} must contain only: ${words.join(', ')}`,
});
const unique = (field: string) => ({ message: `${field} must not repeat an entry` });

// Decorators run bottom-up; with stopAtFirstError the basic check (present, right type) stands last.
export class CreateDigitalTwinDto {
  @ApiProperty({ example: 'Digitaler Zwilling Sachsen', maxLength: 300 })
  @Transform(trim)
  @MaxLength(300)
  @IsNotEmpty()
  @IsString()
  @IsDefined({ message: 'name is required' })
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

  @ApiProperty({ minimum: 1, maximum: 4, example: 2, description: 'DIN SPEC 91607 maturity level' })
  @Max(4)
  @Min(1)
  @IsInt({ message: 'maturityLevel must be an integer from 1 to 4' })
  maturityLevel!: number;

  @ApiPropertyOptional({ enum: TWIN_CAPABILITIES, isArray: true })
  @IsIn(TWIN_CAPABILITIES, eachOf('capabilities', TWIN_CAPABILITIES))
  @ArrayUnique(unique('capabilities'))
  @IsArray()
  @IsOptional()
  capabilities?: TwinCapability[];

  @ApiPropertyOptional({ enum: TWIN_USE_CASES, isArray: true })
  @IsIn(TWIN_USE_CASES, eachOf('useCases', TWIN_USE_CASES))
  @ArrayUnique(unique('useCases'))
  @IsArray()
  @IsOptional()
  useCases?: TwinUseCase[];

  @ApiPropertyOptional({ enum: TWIN_DATA_BASES, isArray: true })
  @IsIn(TWIN_DATA_BASES, eachOf('dataBasis', TWIN_DATA_BASES))
  @ArrayUnique(unique('dataBasis'))
  @IsArray()
  @IsOptional()
  dataBasis?: TwinDataBasis[];

  @ApiPropertyOptional({ enum: THREE_D_FORMATS, isArray: true, description: '3D formats offered' })
  @IsIn(THREE_D_FORMATS, eachOf('formats', THREE_D_FORMATS))
  @ArrayUnique(unique('formats'))
  @IsArray()
  @IsOptional()
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
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'homepage must be an absolute http(s) URL' },
  )
  @IsOptional()
  homepage?: string;
}
