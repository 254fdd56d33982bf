import { LAND_CODES } from '@dpi/domain';
import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { BearerAuthGuard } from './bearer-auth.guard';
import { CurrentPrincipal } from './current-principal.decorator';
import { Principal, ROLES } from './principal';

export class PrincipalView {
  @ApiProperty({ description: 'The token’s name' }) name!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiPropertyOptional({ enum: LAND_CODES, nullable: true, type: String }) landCode!: string | null;
}

/**
 * Who a bearer token is: how the other services (reporting) learn a token's role without reading
 * the registry's tables. Any valid token may ask about itself; nothing else is revealed.
 */
@ApiTags('auth')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No, unknown or revoked token' })
@Controller('api/v1/auth/principal')
@UseGuards(BearerAuthGuard)
export class PrincipalController {
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse({ type: PrincipalView })
  whoAmI(@CurrentPrincipal() principal: Principal): PrincipalView {
    return { name: principal.name, role: principal.role, landCode: principal.landCode ?? null };
  }
}
