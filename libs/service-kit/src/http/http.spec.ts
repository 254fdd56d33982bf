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
