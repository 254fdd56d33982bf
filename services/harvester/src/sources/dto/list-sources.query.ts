import { LAND_CODES } from '@dpi/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export class ListSourcesQuery {
  @ApiPropertyOptional({
    enum: [...LAND_CODES, 'federal'],
    description: 'Sources of one Land, or `federal` for those without a Land',
  })
  @IsIn([...LAND_CODES, 'federal'], {
    message: 'landCode must be one of the 16 Länder codes or federal',
  })
  @IsOptional()
  landCode?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsBoolean({ message: 'enabled must be true or false' })
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsOptional()
  enabled?: boolean;
}
