import { bearerToken, tokenDigest, tokenMatches } from './token';

describe('bearerToken', () => {
  const token = 'abcdefghijklmnop0123';

  it('reads the scheme case-insensitively, with one or more spaces (RFC 9110)', () => {
    for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER  ${token}`]) {
      expect(bearerToken(header)).toBe(token);
    }
  });

  it('is null for anything else', () => {
    for (const header of [
      undefined,
      '',
      token,
      `Basic ${token}`,
      `Bearer ${token} x`,
      'Bearer short',
    ]) {
      expect(bearerToken(header)).toBeNull();
    }
  });
});

describe('token digests', () => {
  it('keeps a token as its SHA-256 and matches only that token', () => {
    const digest = tokenDigest('dpi_secret-token-0123');
    expect(digest).toHaveLength(32);
    expect(digest.toString('hex')).not.toContain('secret');
    expect(tokenMatches('dpi_secret-token-0123', digest)).toBe(true);
    expect(tokenMatches('dpi_secret-token-0124', digest)).toBe(false);
    // Length does not matter to the comparison (digests are always 32 bytes).
    expect(tokenMatches('x', digest)).toBe(false);
  });
});
