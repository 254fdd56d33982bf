import { LAENDER } from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

/** A Land by its ISO 3166-2 code (DE-HH) or its abbreviation (HH). */
const LAND_NAMES = LAENDER.flatMap((l) => [l.code, l.abbr]);

export class ReportQuery {
  @ApiPropertyOptional({
    enum: LAND_NAMES,
    example: 'HH',
    description: 'The report of one Land (its abbreviation or ISO 3166-2 code); without it, all 16',
  })
  @IsOptional()
  // HH → DE-HH: the rest of the API speaks ISO codes.
  @Transform(({ value }) =>
    typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? `DE-${value}` : value,
  )
  @IsIn(LAENDER.map((l) => l.code), {
    message: 'land must be a Land such as HH or DE-HH (one of the 16)',
  })
  land?: string;
}
