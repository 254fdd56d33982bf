import { saveSession, SESSION_KEY, signIn, storedSession } from './session';

const TOKEN = 'editor-hh-token-0123456789abcdef';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

const answering = (status: number, body: unknown) => {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
};

describe('entry UI session', () => {
  it('signs a Land editor in; the token goes in a header, never into the URL', async () => {
    const { calls, fetchImpl } = answering(200, {
      name: 'hh',
      role: 'land-editor',
      landCode: 'DE-HH',
    });
    const result = await signIn(` ${TOKEN} `, fetchImpl);
    expect(result).toEqual({
      ok: true,
      session: { token: TOKEN, principal: { name: 'hh', role: 'land-editor', landCode: 'DE-HH' } },
    });
    expect(calls[0].url).toBe('/registry-api/v1/auth/principal');
    expect(calls[0].url).not.toContain(TOKEN);
    expect((calls[0].init?.headers as Record<string, string>)['authorization']).toBe(
      `Bearer ${TOKEN}`,
    );
  });

  it.each([
    [401, {}, 'invalid'],
    [200, { name: 'ag', role: 'reviewer', landCode: null }, 'notEditor'],
    [200, { name: 'root', role: 'admin', landCode: null }, 'notEditor'],
    [503, {}, 'unavailable'],
  ])('refuses HTTP %p %j as %p', async (status, body, reason) => {
    expect(await signIn(TOKEN, answering(status, body).fetchImpl)).toEqual({ ok: false, reason });
  });

  it('refuses a malformed token without asking', async () => {
    const { calls, fetchImpl } = answering(200, {});
    expect(await signIn('kurz', fetchImpl)).toEqual({ ok: false, reason: 'invalid' });
    expect(calls).toHaveLength(0);
  });

  it('keeps the session in the given storage and drops garbage', () => {
    const storage = memoryStorage();
    const session = {
      token: TOKEN,
      principal: { name: 'hh', role: 'land-editor', landCode: 'DE-HH' },
    };
    saveSession(storage, session);
    expect(storedSession(storage)).toEqual(session);
    saveSession(storage, null);
    expect(storedSession(storage)).toBeNull();
    storage.setItem(SESSION_KEY, '{not json');
    expect(storedSession(storage)).toBeNull();
  });
});
