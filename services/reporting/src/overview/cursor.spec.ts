import { decodeCursor, encodeCursor } from './cursor';

const ID = '0b7c2d0e-8a51-4b7e-9a0e-2f6c1d4e5a10';

describe('cursor', () => {
  it('round-trips the sort values', () => {
    const cursor = encodeCursor(['straßen', ID]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, ['string', 'uuid'])).toEqual(['straßen', ID]);
    expect(decodeCursor(encodeCursor([2, 'f-1']), ['int32', 'string'])).toEqual([2, 'f-1']);
  });

  it('is null for anything that is not one of ours', () => {
    expect(decodeCursor('bm9wZQ', ['string'])).toBeNull();
    expect(decodeCursor(encodeCursor([1, 'x']), ['string', 'string'])).toBeNull();
    expect(decodeCursor(encodeCursor(['x']), ['string', 'string'])).toBeNull();
  });

  it('is null for values that SQL would refuse (each once a 500)', () => {
    // WyJhIiwibm90LWEtdXVpZCJd: ["a","not-a-uuid"], the cursor a fuzzer sent to /items.
    expect(decodeCursor('WyJhIiwibm90LWEtdXVpZCJd', ['string', 'uuid'])).toBeNull();
    expect(decodeCursor(encodeCursor(['a\u0000b', ID]), ['string', 'uuid'])).toBeNull();
    for (const rank of [1e10, -(2 ** 31), 0.5, 1e300]) {
      expect(decodeCursor(encodeCursor([rank, 'f-1']), ['int32', 'string'])).toBeNull();
    }
  });
});
