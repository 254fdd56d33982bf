import { DisplayName } from '@dpi/service-kit';
import { STANDARD_CATEGORIES, StandardCategory } from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { HttpUrl, oneOf, trim } from '../records/validation';

export class LandView {
  @ApiProperty({ example: 'DE-HH', description: 'ISO 3166-2' }) code!: string;
  @ApiProperty({ example: '02', description: 'Länderschlüssel (AGS prefix)' }) key!: string;
  @ApiProperty({ example: 'HH' }) abbr!: string;
  @ApiProperty({ example: 'Hamburg' }) name!: string;
  @ApiProperty({ example: 'Hamburg' }) capital!: string;
  @ApiProperty({
    example: 'http://dcat-ap.de/def/politicalGeocoding/stateKey/02',
    description: 'DCAT-AP.de political geocoding URI',
  })
  stateKeyUri!: string;
}

export class LandList {
  @ApiProperty({ type: [LandView] }) items!: LandView[];
}

export class PutStandardDto {
  @ApiProperty({ example: 'OGC API – Features', minLength: 1, pattern: '\\S', maxLength: 300 })
  @DisplayName('title', 300)
  title!: string;

  @ApiProperty({ example: 'OGC', minLength: 1, pattern: '\\S', maxLength: 200 })
  @Transform(trim)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  @IsDefined({ message: 'body is required' })
  body!: string;

  @ApiPropertyOptional({ example: '1.0', maxLength: 50 })
  @MaxLength(50)
  @IsString()
  @IsOptional()
  version?: string;

  @ApiProperty({ enum: STANDARD_CATEGORIES })
  @IsIn(STANDARD_CATEGORIES, oneOf('category', STANDARD_CATEGORIES))
  category!: StandardCategory;

  @ApiPropertyOptional({ format: 'uri' })
  @HttpUrl('url')
  url?: string;
}

export class StandardView {
  @ApiProperty({ example: 'ogcapi-features' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() version!: string;
  @ApiProperty({ enum: STANDARD_CATEGORIES }) category!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class StandardList {
  @ApiProperty({ type: [StandardView] }) items!: StandardView[];
}
