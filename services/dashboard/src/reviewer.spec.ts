import { checkToken, filenameOf, saveSession, storedSession } from './reviewer';

class MemoryStorage {
  private readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
}

describe('reviewer session', () => {
  it('keeps the session and forgets it', () => {
    const storage = new MemoryStorage();
    expect(storedSession(storage)).toBeNull();
    saveSession(storage, { token: 'dpi_0123456789abcdef', name: 'ag-pruefer' });
    expect(storedSession(storage)).toEqual({ token: 'dpi_0123456789abcdef', name: 'ag-pruefer' });
    saveSession(storage, null);
    expect(storedSession(storage)).toBeNull();
    storage.setItem('dpi.pruefansicht', '{not json');
    expect(storedSession(storage)).toBeNull();
  });

  it('reads the download name from Content-Disposition', () => {
    expect(
      filenameOf(`attachment; filename="items.csv"; filename*=UTF-8''eintr%C3%A4ge.csv`, 'x'),
    ).toBe('einträge.csv');
    expect(filenameOf('attachment; filename="items.csv"', 'x')).toBe('items.csv');
    expect(filenameOf(null, 'export.csv')).toBe('export.csv');
  });
});

describe('checkToken', () => {
  // What the reporting API answers GET /api/v1/viewer, by Authorization header.
  const answers: Record<string, [number, object]> = {
    'Bearer reviewer-token-0123456789': [200, { reviewer: true, name: 'ag-pruefer' }],
    'Bearer editor-token-0123456789ab': [200, { reviewer: false, name: 'hh-editor' }],
    'Bearer busy-token-0123456789abcd': [503, { title: 'Service Unavailable' }],
  };
  const asked: string[] = [];
  const reporting = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    asked.push(String(input));
    const auth = new Headers(init?.headers).get('authorization') ?? '';
    const [status, body] = answers[auth] ?? [401, { title: 'Unauthorized' }];
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };

  it('accepts a reviewer token (trimmed) and names it', async () => {
    expect(await checkToken(' reviewer-token-0123456789 ', reporting)).toEqual({
      ok: true,
      session: { token: 'reviewer-token-0123456789', name: 'ag-pruefer' },
    });
    expect(asked).toContain('/api/v1/viewer');
  });

  it('tells an unknown, a malformed, a non-reviewer token and an unavailable check apart', async () => {
    const outcome = (token: string, impl = reporting) => checkToken(token, impl);
    expect(await outcome('unknown-token-0123456789')).toEqual({ ok: false, reason: 'invalid' });
    expect(await outcome('kurz')).toEqual({ ok: false, reason: 'invalid' });
    expect(await outcome('editor-token-0123456789ab')).toEqual({
      ok: false,
      reason: 'notReviewer',
    });
    expect(await outcome('busy-token-0123456789abcd')).toEqual({
      ok: false,
      reason: 'unavailable',
    });
    const down = () => Promise.reject(new TypeError('fetch failed'));
    expect(await outcome('reviewer-token-0123456789', down)).toEqual({
      ok: false,
      reason: 'unavailable',
    });
  });
});
