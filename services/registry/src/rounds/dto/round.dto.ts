import { LAND_CODES } from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ROUND_KINDS } from '../round-state';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Most records one confirmation request takes (a Land's whole inventory in a few requests). */
export const MAX_CONFIRMATIONS = 1000;

export class OpenRoundDto {
  @ApiProperty({ example: 'Erhebungsrunde Frühjahr 2027', maxLength: 200 })
  @Transform(trim)
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @IsString({ message: 'title must be a string' })
  @IsDefined({ message: 'title is required' })
  title!: string;

  @ApiProperty({ format: 'date', example: '2027-03-31', description: 'Stichtag (reference date)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'referenceDate must be a date, e.g. 2027-03-31' })
  @IsISO8601({ strict: true }, { message: 'referenceDate must be a date, e.g. 2027-03-31' })
  @IsDefined({ message: 'referenceDate is required' })
  referenceDate!: string;

  @ApiProperty({ format: 'date-time', example: '2027-04-30T22:00:00Z' })
  @IsISO8601(
    { strict: true },
    { message: 'deadline must be an ISO 8601 date-time, e.g. 2027-04-30T22:00:00Z' },
  )
  @IsDefined({ message: 'deadline is required' })
  deadline!: string;

  @ApiProperty({ enum: ROUND_KINDS, isArray: true, minItems: 1, uniqueItems: true })
  @IsIn(ROUND_KINDS, { each: true, message: `kinds must be of: ${ROUND_KINDS.join(', ')}` })
  @ArrayUnique({ message: 'kinds must not repeat' })
  @ArrayMinSize(1, { message: 'kinds must name at least one kind' })
  @IsArray({ message: 'kinds must be an array' })
  @IsDefined({ message: 'kinds is required' })
  kinds!: string[];

  @ApiProperty({ enum: LAND_CODES, isArray: true, minItems: 1, uniqueItems: true })
  @IsIn(LAND_CODES, {
    each: true,
    message: `landCodes must be of the 16 Länder codes: ${LAND_CODES.join(', ')}`,
  })
  @ArrayUnique({ message: 'landCodes must not repeat' })
  @ArrayMinSize(1, { message: 'landCodes must name at least one Land' })
  @IsArray({ message: 'landCodes must be an array' })
  @IsDefined({ message: 'landCodes is required' })
  landCodes!: string[];
}

export class ConfirmRecordsDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_CONFIRMATIONS,
    uniqueItems: true,
    description: 'Records the Land confirms unchanged (all or none are confirmed)',
  })
  @IsUUID('all', { each: true, message: 'recordIds must be record ids (UUID)' })
  @ArrayUnique({ message: 'recordIds must not repeat' })
  @ArrayMaxSize(MAX_CONFIRMATIONS, {
    message: `recordIds takes at most ${MAX_CONFIRMATIONS} ids per request`,
  })
  @ArrayMinSize(1, { message: 'recordIds must name at least one record' })
  @IsArray({ message: 'recordIds must be an array' })
  @IsDefined({ message: 'recordIds is required' })
  recordIds!: string[];
}

export class WithdrawRecordDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'recordId must be a record id (UUID)' })
  @IsDefined({ message: 'recordId is required' })
  recordId!: string;

  @ApiProperty({ maxLength: 1000, example: 'Plattform 2026 abgeschaltet' })
  @Transform(trim)
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  @IsNotEmpty({ message: 'reason must not be empty' })
  @IsString({ message: 'reason must be a string' })
  @IsDefined({ message: 'reason is required' })
  reason!: string;
}

const STATUSES = ['open', 'confirmed', 'updated', 'withdrawn'] as const;

export class RoundPageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(500, { message: 'limit must be at most 500' })
  limit?: number;

  @ApiPropertyOptional({
    description: 'Opaque cursor from a previous page',
    pattern: '^[A-Za-z0-9_-]{1,1000}$',
    minLength: 1,
    maxLength: 1000,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,1000}$/, { message: 'cursor is malformed' })
  cursor?: string;
}

export class RoundRecordsQuery extends RoundPageQuery {
  @ApiPropertyOptional({ enum: LAND_CODES, description: 'Only records of this Land' })
  @IsIn(LAND_CODES, { message: `land must be one of the 16 Länder codes` })
  @IsOptional()
  land?: string;

  @ApiPropertyOptional({ enum: STATUSES, description: 'Only records in this state' })
  @IsIn(STATUSES, { message: `status must be one of: ${STATUSES.join(', ')}` })
  @IsOptional()
  status?: (typeof STATUSES)[number];
}
