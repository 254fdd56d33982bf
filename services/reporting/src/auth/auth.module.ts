import {
  AUTH_OPTIONS,
  BearerAuthGuard,
  PrincipalResolver,
  RemotePrincipals,
  ViewerGuard,
} from '@dpi/auth';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ReportingEnv } from '../config';
import { ViewerController } from './viewer.controller';

/**
 * Public and reviewer views (see viewer.ts): everything is readable without a token; a request
 * with one reads as its principal, which the registry tells (it issues and stores the tokens).
 */
@Module({
  controllers: [ViewerController],
  providers: [
    {
      provide: PrincipalResolver,
      inject: [ConfigService],
      useFactory: (config: ConfigService<ReportingEnv, true>) =>
        new RemotePrincipals({
          registryUrl: config.get('REGISTRY_URL', { infer: true }),
          cacheMs: config.get('REGISTRY_AUTH_CACHE_MS', { infer: true }),
          timeoutMs: config.get('REGISTRY_AUTH_TIMEOUT_MS', { infer: true }),
        }),
    },
    { provide: AUTH_OPTIONS, useValue: { realm: 'dpi' } },
    BearerAuthGuard,
    { provide: APP_GUARD, useClass: ViewerGuard },
  ],
})
export class AuthModule {}
