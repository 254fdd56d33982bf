import { ServiceUnavailableException } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RemotePrincipals } from './remote-principals';

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

const quiet = { warn: () => undefined };

describe('RemotePrincipals', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  const lookupsAt = (registryUrl: string, cacheMs = 60_000, now?: () => number) =>
    new RemotePrincipals({ registryUrl, cacheMs, timeoutMs: 1000, now, logger: quiet });

  it('asks the registry once for requests that arrive together, and caches the answer', async () => {
    const registry = await principalEndpoint((token) =>
      token === 'reviewer-token'
        ? { status: 200, body: { name: 'ag-pruefer', role: 'reviewer', landCode: null } }
        : { status: 401 },
    );
    servers.push(registry.server);
    const lookups = lookupsAt(`${registry.url}/`);

    const together = await Promise.all(
      Array.from({ length: 6 }, () => lookups.resolve('reviewer-token')),
    );
    expect(together).toEqual(Array(6).fill({ name: 'ag-pruefer', role: 'reviewer' }));
    expect(registry.requests).toEqual(['GET /api/v1/auth/principal reviewer-token']);

    expect(await lookups.resolve('reviewer-token')).toEqual(together[0]);
    expect(await lookups.resolve('unknown-token')).toBeNull();
    expect(await lookups.resolve('unknown-token')).toBeNull();
    expect(registry.requests).toHaveLength(2);
  });

  it('keeps a Land editor’s Land and knows the operator role', async () => {
    const registry = await principalEndpoint((token) => ({
      status: 200,
      body:
        token === 'editor'
          ? { name: 'hh', role: 'land-editor', landCode: 'DE-HH' }
          : { name: 'ops', role: 'operator', landCode: null },
    }));
    servers.push(registry.server);
    const lookups = lookupsAt(registry.url);
    expect(await lookups.resolve('editor')).toEqual({
      name: 'hh',
      role: 'land-editor',
      landCode: 'DE-HH',
    });
    expect(await lookups.resolve('operator')).toEqual({ name: 'ops', role: 'operator' });
  });

  it('asks again once the cached answer expired (a revocation takes effect), on its own clock', async () => {
    let known = true;
    const registry = await principalEndpoint(
      () => (known ? { status: 200, body: { name: 'a', role: 'reviewer' } } : { status: 401 }),
      0,
    );
    servers.push(registry.server);
    // The cache's clock is the test's: how long the registry takes to answer does not matter.
    let now = 1_000_000;
    const lookups = lookupsAt(registry.url, 50, () => now);
    expect(await lookups.resolve('t')).toEqual({ name: 'a', role: 'reviewer' });
    known = false;
    now += 49;
    expect(await lookups.resolve('t')).not.toBeNull();
    expect(registry.requests).toHaveLength(1);
    now += 1;
    expect(await lookups.resolve('t')).toBeNull();
    expect(registry.requests).toHaveLength(2);
    // An unknown token is remembered for as long, too.
    now += 49;
    expect(await lookups.resolve('t')).toBeNull();
    expect(registry.requests).toHaveLength(2);
  });

  it('answers 503 when the registry is down or says something unusable, and does not remember it', async () => {
    const registry = await principalEndpoint(() => ({ status: 500 }), 0);
    servers.push(registry.server);
    const lookups = lookupsAt(registry.url);
    await expect(lookups.resolve('t')).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(lookups.resolve('t')).rejects.toBeInstanceOf(ServiceUnavailableException);
    expect(registry.requests).toHaveLength(2);

    const closed = lookupsAt('http://127.0.0.1:9');
    await expect(closed.resolve('t')).rejects.toBeInstanceOf(ServiceUnavailableException);

    // A role this service does not know (registry and service of different versions).
    const newer = await principalEndpoint(() => ({
      status: 200,
      body: { name: 'x', role: 'superuser' },
    }));
    servers.push(newer.server);
    await expect(lookupsAt(newer.url).resolve('t')).rejects.toBeInstanceOf(
      ServiceUnavailableException,
    );
  });
});
