import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminTokensController } from './admin-tokens.controller';
import { ApiClientsRepository } from './api-clients.repository';
import { ApiClientsService } from './api-clients.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { PrincipalController } from './principal.controller';
import { ViewerGuard } from './viewer.guard';

@Module({
  controllers: [AdminTokensController, PrincipalController],
  providers: [
    ApiClientsRepository,
    ApiClientsService,
    BearerAuthGuard,
    // Every request with a bearer token is authenticated, reads included (issue 17).
    { provide: APP_GUARD, useClass: ViewerGuard },
  ],
  exports: [ApiClientsService, BearerAuthGuard],
})
export class AuthModule {}
