import { LAND_CODES } from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class ListPlatformsQuery {
  @ApiPropertyOptional({ enum: LAND_CODES })
  @IsOptional()
  @IsIn(LAND_CODES, {
    message: `landCode must be one of the 16 Länder codes: ${LAND_CODES.join(', ')}`,
  })
  landCode?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor is malformed' })
  cursor?: string;
}
