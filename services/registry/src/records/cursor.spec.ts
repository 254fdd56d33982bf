import { decodeCursor, encodeCursor } from './cursor';

describe('page cursor', () => {
  it('round-trips', () => {
    const createdAt = new Date('2026-11-23T10:00:00.123Z');
    const id = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
    expect(decodeCursor(encodeCursor(createdAt, id))).toEqual({ createdAt, id });
  });

  it('rejects garbage instead of throwing', () => {
    expect(decodeCursor('bm90LWEtY3Vyc29y')).toBeNull();
    expect(decodeCursor('')).toBeNull();
  });
});
