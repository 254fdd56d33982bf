import { LAND_CODES, SERVICE_TYPES, ServiceType } from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListQuery } from '../../records/list.query';

export class ListEndpointsQuery extends ListQuery(['createdAt', 'updatedAt', 'name']) {
  @ApiPropertyOptional({ enum: LAND_CODES })
  @IsOptional()
  @IsIn(LAND_CODES, {
    message: `landCode must be one of the 16 Länder codes: ${LAND_CODES.join(', ')}`,
  })
  landCode?: string;

  @ApiPropertyOptional({ enum: SERVICE_TYPES })
  @IsOptional()
  @IsIn(SERVICE_TYPES, { message: `serviceType must be one of: ${SERVICE_TYPES.join(', ')}` })
  serviceType?: ServiceType;
}
