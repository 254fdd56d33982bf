import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RegistryPrincipals } from './registry-principals';
import { ViewerController } from './viewer.controller';
import { ViewerGuard } from './viewer.guard';

/** Public and reviewer views: see viewer.ts. */
@Module({
  controllers: [ViewerController],
  providers: [RegistryPrincipals, { provide: APP_GUARD, useClass: ViewerGuard }],
})
export class AuthModule {}
