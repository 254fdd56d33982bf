import { ADMINISTRATIVE_LEVELS, AdministrativeLevel, LAND_CODES } from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListQuery } from '../../records/list.query';

export class ListOrganisationsQuery extends ListQuery(['createdAt', 'updatedAt', 'name']) {
  @ApiPropertyOptional({ enum: LAND_CODES })
  @IsOptional()
  @IsIn(LAND_CODES, {
    message: `landCode must be one of the 16 Länder codes: ${LAND_CODES.join(', ')}`,
  })
  landCode?: string;

  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS })
  @IsOptional()
  @IsIn(ADMINISTRATIVE_LEVELS, {
    message: `level must be one of: ${ADMINISTRATIVE_LEVELS.join(', ')}`,
  })
  level?: AdministrativeLevel;
}
