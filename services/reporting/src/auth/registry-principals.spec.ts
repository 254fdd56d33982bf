import { ServiceUnavailableException } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PinoLogger } from 'nestjs-pino';
import type { ReportingEnv } from '../config';
import { RegistryPrincipals } from './registry-principals';

/** A stand-in for the registry's GET /api/v1/auth/principal, counting the requests it answers. */
async function principalEndpoint(
  answer: (token: string) => { status: number; body?: object },
  delayMs = 20,
): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    requests.push(`${req.method} ${req.url} ${token}`);
    const { status, body } = answer(token);
    setTimeout(() => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? {}));
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, requests };
}

function principals(url: string, cacheMs = 60_000): RegistryPrincipals {
  const env: Partial<ReportingEnv> = {
    REGISTRY_URL: url,
    REGISTRY_AUTH_CACHE_MS: cacheMs,
    REGISTRY_AUTH_TIMEOUT_MS: 1000,
  };
  const config = { get: (name: keyof ReportingEnv) => env[name] };
  const logger = { setContext: () => undefined, warn: () => undefined };
  return new RegistryPrincipals(
    config as unknown as ConfigService<ReportingEnv, true>,
    logger as unknown as PinoLogger,
  );
}

describe('RegistryPrincipals', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  it('asks the registry once for requests that arrive together, and caches the answer', async () => {
    const registry = await principalEndpoint((token) =>
      token === 'reviewer-token'
        ? { status: 200, body: { name: 'ag-pruefer', role: 'reviewer', landCode: null } }
        : { status: 401 },
    );
    servers.push(registry.server);
    const lookups = principals(registry.url);

    const together = await Promise.all(
      Array.from({ length: 6 }, () => lookups.lookup('reviewer-token')),
    );
    expect(together).toEqual(
      Array(6).fill({ name: 'ag-pruefer', role: 'reviewer', landCode: null }),
    );
    expect(registry.requests).toEqual(['GET /api/v1/auth/principal reviewer-token']);

    expect(await lookups.lookup('reviewer-token')).toEqual(together[0]);
    expect(await lookups.lookup('unknown-token')).toBeNull();
    expect(await lookups.lookup('unknown-token')).toBeNull();
    expect(registry.requests).toHaveLength(2);
  });

  it('asks again once the cached answer expired (a revocation takes effect)', async () => {
    let known = true;
    const registry = await principalEndpoint(
      () => (known ? { status: 200, body: { name: 'a', role: 'reviewer' } } : { status: 401 }),
      0,
    );
    servers.push(registry.server);
    // The cache's clock is the test's: how long the registry takes to answer does not matter.
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const lookups = principals(registry.url, 50);
      expect(await lookups.lookup('t')).toEqual({ name: 'a', role: 'reviewer', landCode: null });
      known = false;
      now += 49;
      expect(await lookups.lookup('t')).not.toBeNull();
      expect(registry.requests).toHaveLength(1);
      now += 1;
      expect(await lookups.lookup('t')).toBeNull();
      expect(registry.requests).toHaveLength(2);
    } finally {
      clock.mockRestore();
    }
  });

  it('answers 503 when the registry is down, and does not remember the failure', async () => {
    const registry = await principalEndpoint(() => ({ status: 500 }), 0);
    servers.push(registry.server);
    const lookups = principals(registry.url);
    await expect(lookups.lookup('t')).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(lookups.lookup('t')).rejects.toBeInstanceOf(ServiceUnavailableException);
    expect(registry.requests).toHaveLength(2);

    const closed = principals('http://127.0.0.1:9');
    await expect(closed.lookup('t')).rejects.toBeInstanceOf(ServiceUnavailableException);
  });
});
