import { DisplayName } from '@dpi/service-kit';
import {
  ADMINISTRATIVE_LEVELS,
  AdministrativeLevel,
  LAND_CODES,
  Network,
  NETWORKS,
  ORGANISATION_TYPES,
  OrganisationType,
} from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  Validate,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/** Federal organisations have no Land; all others exactly one of the 16. */
@ValidatorConstraint({ name: 'landMatchesLevel' })
class LandMatchesLevel implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const { level } = args.object as { level?: string };
    return level === 'federal'
      ? value === undefined || value === null
      : LAND_CODES.includes(value as string);
  }

  defaultMessage(args: ValidationArguments): string {
    const { level } = args.object as { level?: string };
    return level === 'federal'
      ? 'landCode must be absent for federal organisations'
      : `landCode must be one of the 16 Länder codes: ${LAND_CODES.join(', ')}`;
  }
}

export class ContactDto {
  @ApiPropertyOptional({ example: 'Servicestelle Geodaten', maxLength: 200 })
  @MaxLength(200)
  @IsString()
  @IsOptional()
  name?: string;

  @ApiPropertyOptional({ example: 'geodaten@example.de', format: 'email' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @IsOptional()
  email?: string;

  @ApiPropertyOptional({ example: '+49 40 1234-0', maxLength: 50 })
  @MaxLength(50)
  @IsString()
  @IsOptional()
  phone?: string;
}

// Decorators run bottom-up; with stopAtFirstError the basic check (present, right type) stands last.
export class CreateOrganisationDto {
  @ApiProperty({
    example: 'Landesbetrieb Geoinformation und Vermessung',
    minLength: 1,
    pattern: '\\S',
    maxLength: 300,
  })
  @DisplayName('name', 300)
  name!: string;

  @ApiPropertyOptional({ example: 'LGV', maxLength: 50 })
  @MaxLength(50)
  @IsString()
  @IsOptional()
  shortName?: string;

  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS, example: 'state' })
  @IsIn(ADMINISTRATIVE_LEVELS, {
    message: `level must be one of: ${ADMINISTRATIVE_LEVELS.join(', ')}`,
  })
  level!: AdministrativeLevel;

  @ApiPropertyOptional({
    enum: LAND_CODES,
    example: 'DE-HH',
    description: 'Required unless level is federal',
  })
  @Validate(LandMatchesLevel)
  landCode?: string;

  @ApiProperty({ enum: ORGANISATION_TYPES, example: 'surveyingAuthority' })
  @IsIn(ORGANISATION_TYPES, { message: `type must be one of: ${ORGANISATION_TYPES.join(', ')}` })
  type!: OrganisationType;

  @ApiPropertyOptional({
    format: 'uri',
    example: 'https://www.hamburg.de/bsw/landesbetrieb-geoinformation-und-vermessung/',
  })
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'homepage must be an absolute http(s) URL' },
  )
  @IsOptional()
  homepage?: string;

  @ApiPropertyOptional({ type: ContactDto })
  @ValidateNested()
  @Type(() => ContactDto)
  @IsOptional()
  contact?: ContactDto;

  @ApiPropertyOptional({ enum: NETWORKS, isArray: true, example: ['gdiDe', 'adv'] })
  @IsIn(NETWORKS, { each: true, message: `networks must contain only: ${NETWORKS.join(', ')}` })
  @ArrayUnique({ message: 'networks must not repeat an entry' })
  @ArrayMaxSize(NETWORKS.length)
  @IsArray()
  @IsOptional()
  networks?: Network[];
}
