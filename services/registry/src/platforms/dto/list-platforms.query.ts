import { LAND_CODES } from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../records/page.query';

export class ListPlatformsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LAND_CODES })
  @IsOptional()
  @IsIn(LAND_CODES, {
    message: `landCode must be one of the 16 Länder codes: ${LAND_CODES.join(', ')}`,
  })
  landCode?: string;
}
