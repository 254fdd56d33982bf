import { BootstrapAdminToken, FirstKnown, Principal, PrincipalResolver } from '@dpi/auth';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RegistryEnv } from '../config';
import { ApiClientsService } from './api-clients.service';

/**
 * Who a token is, decided here: the registry owns the tokens. The bootstrap admin token
 * (DPI_ADMIN_TOKEN), then the unrevoked tokens issued through the admin API or CLI. The other
 * services ask this through GET /api/v1/auth/principal.
 */
@Injectable()
export class RegistryTokens extends PrincipalResolver {
  private readonly tokens: PrincipalResolver;

  constructor(
    @Inject(ConfigService) config: ConfigService<RegistryEnv, true>,
    clients: ApiClientsService,
  ) {
    super();
    this.tokens = new FirstKnown(
      new BootstrapAdminToken(config.get('DPI_ADMIN_TOKEN', { infer: true })),
      { resolve: (token) => clients.authenticate(token) },
    );
  }

  resolve(token: string): Promise<Principal | null> {
    return this.tokens.resolve(token);
  }
}
