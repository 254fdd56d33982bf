import { findNulCharacter } from './nul-characters';
import { applyMergePatch } from './merge-patch';
import { checkIfMatch } from './preconditions';

describe('applyMergePatch (RFC 7386 appendix A)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j + %j = %j', (target, patch, expected) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });
});

describe('checkIfMatch', () => {
  const status = (header: string | undefined) => {
    try {
      checkIfMatch(header, 3);
      return 'ok';
    } catch (error) {
      return (error as { getStatus(): number }).getStatus();
    }
  };

  it('needs the current version', () => {
    expect(status('"3"')).toBe('ok');
    expect(status('W/"3"')).toBe('ok');
    expect(status('"1", "3"')).toBe('ok');
    expect(status('*')).toBe('ok');
    expect(status('"2"')).toBe(412);
    expect(status('3')).toBe(412);
    expect(status(undefined)).toBe(428);
    expect(status(' ')).toBe(428);
  });
});

describe('findNulCharacter', () => {
  it('names the path of the first string or key with U+0000', () => {
    expect(findNulCharacter({ name: 'ok', contact: { email: 'a\u0000b' } })).toBe('contact.email');
    expect(findNulCharacter({ crs: ['EPSG:4326', '\u0000'] })).toBe('crs[1]');
    expect(findNulCharacter({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(findNulCharacter('\u0000')).toBe('(body)');
  });

  it('finds nothing in clean bodies', () => {
    expect(
      findNulCharacter({ name: 'Geoportal', n: 1, flags: [true, null], nested: { a: [] } }),
    ).toBeNull();
    expect(findNulCharacter(null)).toBeNull();
  });
});
