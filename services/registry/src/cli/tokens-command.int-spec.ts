import { ApiClientsService } from '../auth/api-clients.service';
import { RegistryUnderTest, startRegistry } from '../registry.test-helper';
import { tokensCommand } from './tokens-command';

describe('tokens command (real PostgreSQL)', () => {
  let registry: RegistryUnderTest;
  let clients: ApiClientsService;

  beforeAll(async () => {
    registry = await startRegistry('tokenscli', 'tokens-cli-admin-token-0123456789');
    clients = registry.app.get(ApiClientsService);
  });
  afterAll(() => registry?.close());

  it('issues a working token, lists it, and revokes it', async () => {
    const issued = await tokensCommand(
      ['issue', '--name', 'sachsen-geosn', '--role', 'land-editor', '--land', 'DE-SN'],
      clients,
    );
    const token = issued.split('\n')[1];
    expect(token).toMatch(/^dpi_[A-Za-z0-9_-]{43}$/);
    const post = () =>
      registry.app.inject({
        method: 'POST',
        url: '/api/v1/platforms',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({
          name: 'Geoportal Sachsen',
          landCode: 'DE-SN',
          type: 'geoportal',
          status: 'production',
        }),
      });
    expect((await post()).statusCode).toBe(201);
    expect(await tokensCommand(['list'], clients)).toMatch(
      /sachsen-geosn\tland-editor\tDE-SN\tactive/,
    );
    expect(await tokensCommand(['revoke', 'sachsen-geosn'], clients)).toBe(
      'revoked token "sachsen-geosn"',
    );
    expect((await post()).statusCode).toBe(401);
    await expect(tokensCommand(['revoke', 'sachsen-geosn'], clients)).rejects.toThrow(
      'already revoked',
    );
  });

  it('explains wrong usage', async () => {
    await expect(tokensCommand(['issue', '--name', 'x'], clients)).rejects.toThrow(
      'issue needs --name and --role',
    );
    await expect(
      tokensCommand(['issue', '--name', 'xyz', '--role', 'root'], clients),
    ).rejects.toThrow('--role must be one of');
    await expect(tokensCommand(['frobnicate'], clients)).rejects.toThrow(
      'unknown command "frobnicate"',
    );
  });
});
