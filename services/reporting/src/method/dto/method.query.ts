import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { METHOD_LANGUAGES } from '../method';

export class MethodQuery {
  @ApiPropertyOptional({
    enum: METHOD_LANGUAGES,
    description: 'Language; without it the Accept-Language header decides (German by default)',
  })
  @IsOptional()
  @IsIn(METHOD_LANGUAGES, { message: `lang must be one of: ${METHOD_LANGUAGES.join(', ')}` })
  lang?: string;
}
