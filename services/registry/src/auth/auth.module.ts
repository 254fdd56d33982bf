import { Module } from '@nestjs/common';
import { AdminTokensController } from './admin-tokens.controller';
import { ApiClientsRepository } from './api-clients.repository';
import { ApiClientsService } from './api-clients.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { PrincipalController } from './principal.controller';

@Module({
  controllers: [AdminTokensController, PrincipalController],
  providers: [ApiClientsRepository, ApiClientsService, BearerAuthGuard],
  exports: [ApiClientsService, BearerAuthGuard],
})
export class AuthModule {}
