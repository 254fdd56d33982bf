import { DisplayName } from '@dpi/service-kit';
import { ISO_OUTPUT_SCHEMA } from '@dpi/csw';
import { LAND_CODES } from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// class-validator runs a property's decorators bottom-up and reports the lowest failing one
// (stopAtFirstError), so the most basic check stands last.

/** One or more qualified XML names separated by spaces. */
const TYPE_NAMES = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?( [A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?)*$/;

export const CONSTRAINT_LANGUAGES = ['FILTER', 'CQL_TEXT'] as const;

export class SourceConstraintDto {
  @ApiProperty({
    enum: CONSTRAINT_LANGUAGES,
    description: 'FILTER = OGC Filter 1.1 XML (one ogc:Filter element); CQL_TEXT = OGC CQL',
  })
  @IsIn(CONSTRAINT_LANGUAGES, { message: 'language must be FILTER or CQL_TEXT' })
  language!: (typeof CONSTRAINT_LANGUAGES)[number];

  @ApiProperty({
    minLength: 1,
    maxLength: 20000,
    example:
      '<ogc:Filter xmlns:ogc="http://www.opengis.net/ogc"><ogc:PropertyIsEqualTo><ogc:PropertyName>apiso:Type</ogc:PropertyName><ogc:Literal>dataset</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>',
  })
  @MaxLength(20000)
  @IsNotEmpty()
  @IsString()
  @IsDefined({ message: 'text is required' })
  text!: string;
}

export class RetryPolicyDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 10,
    default: 3,
    description: 'Attempts per request',
  })
  @Max(10)
  @Min(1)
  @IsInt()
  @IsOptional()
  maxAttempts?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 600000,
    default: 2000,
    description: 'Delay before the first retry; doubles per attempt',
  })
  @Max(600000)
  @Min(0)
  @IsInt()
  @IsOptional()
  backoffMs?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 3600000, default: 60000 })
  @Max(3600000)
  @Min(0)
  @IsInt()
  @IsOptional()
  maxBackoffMs?: number;
}

const cronDescription =
  'Cron expression (5 fields: minute hour day-of-month month day-of-week, or 6 with seconds first, ' +
  'or @daily …) in HARVEST_CRON_TIMEZONE; null = no scheduled runs of this mode';

/** The writable fields of a harvest source (POST body; PATCH is a merge patch of these). */
export class SourceDto {
  @ApiProperty({ example: 'GDI-DE Geodatenkatalog', minLength: 1, maxLength: 200 })
  @DisplayName('name', 200)
  name!: string;

  @ApiPropertyOptional({
    enum: LAND_CODES,
    nullable: true,
    description: 'ISO 3166-2 code of the Land; null or absent = a federal catalogue',
  })
  @IsIn(LAND_CODES, {
    message: `landCode must be one of the 16 Länder codes (${LAND_CODES.join(', ')}) or null for a federal catalogue`,
  })
  @IsOptional()
  landCode?: string | null;

  @ApiProperty({
    example: 'https://gdk.gdi-de.org/gdi-de/srv/ger/csw',
    format: 'uri',
    maxLength: 2048,
  })
  @MaxLength(2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an absolute http(s) URL of the CSW endpoint' },
  )
  @IsDefined({ message: 'url is required' })
  url!: string;

  @ApiPropertyOptional({ enum: ['csw-2.0.2'], default: 'csw-2.0.2' })
  @IsIn(['csw-2.0.2'], { message: 'protocol must be csw-2.0.2 (the only one supported)' })
  @IsOptional()
  protocol?: 'csw-2.0.2';

  @ApiPropertyOptional({ default: ISO_OUTPUT_SCHEMA, minLength: 1, maxLength: 500 })
  @MaxLength(500)
  @IsNotEmpty()
  @IsString()
  @IsOptional()
  outputSchema?: string;

  @ApiPropertyOptional({ default: 'gmd:MD_Metadata', maxLength: 200, pattern: TYPE_NAMES.source })
  @Matches(TYPE_NAMES, {
    message:
      'typeNames must be one or more qualified names separated by spaces, e.g. gmd:MD_Metadata',
  })
  @MaxLength(200)
  @IsString()
  @IsOptional()
  typeNames?: string;

  @ApiPropertyOptional({ type: SourceConstraintDto, nullable: true })
  @ValidateNested()
  @Type(() => SourceConstraintDto)
  @IsObject({ message: 'constraint must be an object { language, text } or null' })
  @IsOptional()
  constraint?: SourceConstraintDto | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    default: 100,
    description: 'maxRecords per page',
  })
  @Max(1000)
  @Min(1)
  @IsInt()
  @IsOptional()
  pageSize?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 16,
    default: 1,
    description: 'Pagers working on disjoint ranges of the result set at once',
  })
  @Max(16)
  @Min(1)
  @IsInt()
  @IsOptional()
  concurrency?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1000,
    maximum: 600000,
    default: 120000,
    description: 'Per request, the whole response included',
  })
  @Max(600000)
  @Min(1000)
  @IsInt()
  @IsOptional()
  timeoutMs?: number;

  @ApiPropertyOptional({ type: RetryPolicyDto })
  @ValidateNested()
  @Type(() => RetryPolicyDto)
  @IsObject({ message: 'retry must be an object { maxAttempts, backoffMs, maxBackoffMs }' })
  @IsOptional()
  retry?: RetryPolicyDto;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0.01,
    maximum: 1000,
    nullable: true,
    description: 'Requests per second at most; null = unlimited',
  })
  @Max(1000)
  @Min(0.01)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsOptional()
  maxRequestsPerSecond?: number | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: 100,
    example: '15 1 * * *',
    nullable: true,
    description: cronDescription,
  })
  @MaxLength(100)
  @IsString()
  @IsOptional()
  incrementalSchedule?: string | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: 100,
    example: '30 2 * * 0',
    nullable: true,
    description: cronDescription,
  })
  @MaxLength(100)
  @IsString()
  @IsOptional()
  fullSchedule?: string | null;

  @ApiPropertyOptional({
    default: true,
    description: 'false: the schedules do not fire (manual runs still work)',
  })
  @IsBoolean()
  @IsOptional()
  enabled?: boolean;
}
