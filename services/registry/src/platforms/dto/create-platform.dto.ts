import {
  LAND_CODES,
  PLATFORM_STATUSES,
  PLATFORM_TYPES,
  PlatformStatus,
  PlatformType,
} from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';

// class-validator runs a property's decorators bottom-up; with stopAtFirstError the lowest failing
// one is reported, so the most basic check (present, right type) stands last.
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePlatformDto {
  @ApiProperty({ example: 'Urban Data Platform Hamburg', maxLength: 300 })
  @Transform(trim)
  @MaxLength(300)
  @IsNotEmpty()
  @IsString()
  @IsDefined({ message: 'name is required' })
  name!: string;

  @ApiProperty({ enum: LAND_CODES, example: 'DE-HH', description: 'ISO 3166-2 code of the Land' })
  @IsIn(LAND_CODES, {
    message: `landCode must be one of the 16 Länder codes: ${LAND_CODES.join(', ')}`,
  })
  landCode!: string;

  @ApiProperty({ enum: PLATFORM_TYPES, example: 'urbanDataPlatform' })
  @IsIn(PLATFORM_TYPES, { message: `type must be one of: ${PLATFORM_TYPES.join(', ')}` })
  type!: PlatformType;

  @ApiProperty({ enum: PLATFORM_STATUSES, example: 'production' })
  @IsIn(PLATFORM_STATUSES, { message: `status must be one of: ${PLATFORM_STATUSES.join(', ')}` })
  status!: PlatformStatus;

  @ApiPropertyOptional({ example: 'https://www.hamburg.de/urban-data-platform', format: 'uri' })
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'homepage must be an absolute http(s) URL' },
  )
  @IsOptional()
  homepage?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @MaxLength(10000)
  @IsString()
  @IsOptional()
  description?: string;
}
