import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips the sort values', () => {
    const cursor = encodeCursor(['straßen', 'a1']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['string', 'string'])).toEqual(['straßen', 'a1']);
  });

  it('is null for anything that is not one of ours', () => {
    expect(decodeCursor('bm9wZQ', ['string'])).toBeNull();
    expect(decodeCursor(encodeCursor([1, 'x']), ['string', 'string'])).toBeNull();
    expect(decodeCursor(encodeCursor(['x']), ['string', 'string'])).toBeNull();
  });
});
