import { decodeCursor, encodeCursor } from './cursor';

describe('page cursor', () => {
  it('round-trips sort, value and id', () => {
    const id = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
    expect(decodeCursor(encodeCursor('-name', 'Geoportal | Hessen', id))).toEqual({
      sort: '-name',
      value: 'Geoportal | Hessen',
      id,
    });
  });

  it('rejects garbage instead of throwing', () => {
    expect(decodeCursor('bm90LWEtY3Vyc29y')).toBeNull();
    expect(decodeCursor('')).toBeNull();
    expect(decodeCursor(Buffer.from('["a","b","not-a-uuid"]').toString('base64url'))).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeNull();
  });
});
