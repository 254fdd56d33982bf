import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RegistryPrincipals } from './registry-principals';
import { ViewerGuard } from './viewer.guard';

/** Public and reviewer views: see viewer.ts. */
@Module({
  providers: [RegistryPrincipals, { provide: APP_GUARD, useClass: ViewerGuard }],
})
export class AuthModule {}
