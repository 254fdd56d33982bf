import {
  AUTH_OPTIONS,
  Authorized,
  BearerAuthGuard,
  BootstrapAdminToken,
  FirstKnown,
  HARVEST_MANAGER_ROLES,
  PrincipalResolver,
  RemotePrincipals,
} from '@dpi/auth';
import { Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HarvesterEnv } from '../config';

/**
 * Who a token is: the bootstrap admin token (DPI_ADMIN_TOKEN) is checked here, so the harvester
 * works without a registry (tests, the demo); every other token is asked of the registry at
 * REGISTRY_URL, which issues and revokes them. Without REGISTRY_URL only the bootstrap token works.
 */
export function harvesterPrincipals(config: ConfigService<HarvesterEnv, true>): PrincipalResolver {
  const bootstrap = new BootstrapAdminToken(config.get('DPI_ADMIN_TOKEN', { infer: true }));
  const registryUrl = config.get('REGISTRY_URL', { infer: true });
  if (!bootstrap.configured && !registryUrl) {
    new Logger('HarvesterAuth').warn(
      'neither DPI_ADMIN_TOKEN nor REGISTRY_URL is set: every write of the harvester API is refused',
    );
  }
  return new FirstKnown(
    bootstrap,
    registryUrl
      ? new RemotePrincipals({
          registryUrl,
          cacheMs: config.get('REGISTRY_AUTH_CACHE_MS', { infer: true }),
          timeoutMs: config.get('REGISTRY_AUTH_TIMEOUT_MS', { infer: true }),
        })
      : null,
  );
}

/**
 * Source and job writes: tokens with the role admin or operator (401 for an unknown token, 403 for
 * a known one without the role, 503 when the registry cannot be asked). Reads stay open.
 */
export const ManagesHarvests = () => Authorized(HARVEST_MANAGER_ROLES, { remote: true });

@Module({
  providers: [
    { provide: PrincipalResolver, inject: [ConfigService], useFactory: harvesterPrincipals },
    { provide: AUTH_OPTIONS, useValue: { realm: 'harvester' } },
    BearerAuthGuard,
  ],
  exports: [PrincipalResolver, AUTH_OPTIONS, BearerAuthGuard],
})
export class AuthModule {}
