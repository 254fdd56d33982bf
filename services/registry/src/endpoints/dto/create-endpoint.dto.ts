import { DisplayName } from '@dpi/service-kit';
import {
  ENDPOINT_AUTHENTICATIONS,
  EndpointAuthentication,
  LAND_CODES,
  SERVICE_TYPES,
  ServiceType,
} from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, Matches } from 'class-validator';
import { HttpUrl } from '../../records/validation';

// Decorators run bottom-up; with stopAtFirstError the basic check (present, right type) stands last.
export class CreateEndpointDto {
  @ApiProperty({
    example: 'WFS Verwaltungsgrenzen Hamburg',
    minLength: 1,
    pattern: '\\S',
    maxLength: 300,
  })
  @DisplayName('name', 300)
  name!: string;

  @ApiPropertyOptional({
    enum: LAND_CODES,
    example: 'DE-HH',
    description: 'Absent for federal endpoints (admin only)',
  })
  @IsIn(LAND_CODES, {
    message: `landCode must be one of the 16 Länder codes: ${LAND_CODES.join(', ')}`,
  })
  @IsOptional()
  landCode?: string;

  @ApiProperty({ enum: SERVICE_TYPES, example: 'wfs' })
  @IsIn(SERVICE_TYPES, { message: `serviceType must be one of: ${SERVICE_TYPES.join(', ')}` })
  serviceType!: ServiceType;

  @ApiPropertyOptional({ example: '2.0.0', maxLength: 20, pattern: '^[0-9A-Za-z.+-]{1,20}$' })
  @Matches(/^[0-9A-Za-z.+-]{1,20}$/, { message: 'serviceVersion must be a version like 2.0.0' })
  @IsOptional()
  serviceVersion?: string;

  @ApiProperty({
    format: 'uri',
    example: 'https://geodienste.hamburg.de/HH_WFS_Verwaltungsgrenzen',
  })
  @HttpUrl('url', { required: true })
  url!: string;

  @ApiPropertyOptional({ format: 'uri' })
  @HttpUrl('capabilitiesUrl')
  capabilitiesUrl?: string;

  @ApiPropertyOptional({ enum: ENDPOINT_AUTHENTICATIONS, default: 'none' })
  @IsIn(ENDPOINT_AUTHENTICATIONS, {
    message: `authentication must be one of: ${ENDPOINT_AUTHENTICATIONS.join(', ')}`,
  })
  @IsOptional()
  authentication?: EndpointAuthentication;

  @ApiPropertyOptional({
    type: [String],
    example: ['EPSG:25832', 'EPSG:4326'],
    uniqueItems: true,
    items: {
      type: 'string',
      pattern: '^(EPSG|CRS|urn:ogc:def:crs:[A-Za-z]+:[0-9.]*):{0,2}[0-9A-Za-z]+$',
    },
  })
  @Matches(/^(EPSG|CRS|urn:ogc:def:crs:[A-Za-z]+:[0-9.]*):{0,2}[0-9A-Za-z]+$/, {
    each: true,
    message: 'crs must contain CRS identifiers like EPSG:25832',
  })
  @ArrayUnique({ message: 'crs must not repeat an entry' })
  @ArrayMaxSize(50)
  @IsArray()
  @IsOptional()
  crs?: string[];
}
