import { AUTH_OPTIONS, BearerAuthGuard, PrincipalResolver, ViewerGuard } from '@dpi/auth';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminTokensController } from './admin-tokens.controller';
import { ApiClientsRepository } from './api-clients.repository';
import { ApiClientsService } from './api-clients.service';
import { PrincipalController } from './principal.controller';
import { RegistryTokens } from './registry-tokens';

@Module({
  controllers: [AdminTokensController, PrincipalController],
  providers: [
    ApiClientsRepository,
    ApiClientsService,
    { provide: PrincipalResolver, useClass: RegistryTokens },
    { provide: AUTH_OPTIONS, useValue: { realm: 'registry' } },
    BearerAuthGuard,
    // Every request with a bearer token is authenticated, reads included (issue 17).
    { provide: APP_GUARD, useClass: ViewerGuard },
  ],
  exports: [ApiClientsService, BearerAuthGuard, PrincipalResolver, AUTH_OPTIONS],
})
export class AuthModule {}
