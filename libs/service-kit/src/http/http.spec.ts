import { displayNameProblem, normaliseName } from './display-name';
import { MAX_INPUT_DEPTH, screenBody, screenInput } from './input-screen';
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

describe('screenInput', () => {
  const field = (value: unknown) => screenInput(value)?.field ?? null;

  it('names the path of the first string or key with U+0000', () => {
    expect(field({ name: 'ok', contact: { email: 'a\u0000b' } })).toBe('contact.email');
    expect(field({ crs: ['EPSG:4326', '\u0000'] })).toBe('crs[1]');
    expect(field({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(screenInput('\u0000')).toEqual({
      field: '(body)',
      message: '(body) must not contain the character U+0000',
    });
  });

  it('names a lone surrogate, in a value or a key; a paired one is fine', () => {
    expect(screenInput({ name: 'x\ud800' })).toEqual({
      field: 'name',
      message: 'name must be well-formed Unicode (it contains a lone surrogate, e.g. \\ud800)',
    });
    expect(field({ tags: ['ok', '\udc00x'] })).toBe('tags[1]');
    expect(field({ ['k\ud83d']: 1 })).toBe('k\ud83d');
    expect(field({ name: 'Gr\u00fc\u00dfe \ud83c\udf0d' })).toBeNull();
  });

  it('refuses nesting deeper than the limit, also thousands of levels (once a stack overflow)', () => {
    const nested = (levels: number, leaf: unknown = 1): unknown =>
      JSON.parse('{"a":'.repeat(levels) + JSON.stringify(leaf) + '}'.repeat(levels));
    expect(screenInput(nested(MAX_INPUT_DEPTH))).toBeNull();
    expect(screenInput(nested(MAX_INPUT_DEPTH + 1))?.message).toBe(
      `${'a.'.repeat(MAX_INPUT_DEPTH).slice(0, -1)} nests deeper than ${MAX_INPUT_DEPTH} levels`,
    );
    expect(screenInput(nested(100_000))?.message).toMatch(/nests deeper than 64 levels$/);
    const arrays = JSON.parse('['.repeat(5000) + ']'.repeat(5000));
    expect(screenInput(arrays)?.field).toBe('[0]'.repeat(MAX_INPUT_DEPTH));
  });

  it('finds nothing in clean input', () => {
    expect(
      screenInput({ name: 'Geoportal', n: 1, flags: [true, null], nested: { a: [] } }),
    ).toBeNull();
    expect(screenInput(null)).toBeNull();
    expect(screenInput(undefined)).toBeNull();
  });
});

describe('display names', () => {
  it.each([
    ['zero-width spaces', '\u200b\u200b'],
    ['a Hangul filler', '\u3164'],
    ['a Braille blank', '\u2800 \u2800'],
    ['a soft hyphen and a joiner', '\u00ad\u200d'],
    ['combining marks only', '\u0301\u0308'],
  ])('refuses a name of %s as not visible', (_label, name) => {
    expect(displayNameProblem(name)).toBe('must contain a visible character');
  });

  it('refuses bidirectional overrides and isolates', () => {
    expect(displayNameProblem('Geoportal \u202etxt.exe')).toMatch(/bidirectional control/);
    expect(displayNameProblem('\u2066Geoportal\u2069')).toMatch(/bidirectional control/);
  });

  it('accepts real names, in any script', () => {
    for (const name of ['Geoportal Saarland', 'Ä', '東京', 'שלום', 'Straße 🌍']) {
      expect(displayNameProblem(name)).toBeNull();
    }
  });

  it('stores one spelling: NFC, trimmed', () => {
    expect(normaliseName('  Mu\u0308nchen ')).toBe('M\u00fcnchen');
    expect(normaliseName(42)).toBe(42);
  });
});

describe('screenBody', () => {
  it('refuses a null body, not an absent one, and screens the rest as screenInput', () => {
    expect(screenBody(null)?.message).toBe('the body must be a JSON object (or array), not null');
    expect(screenBody(undefined)).toBeNull();
    expect(screenBody({ mode: 'full' })).toBeNull();
    expect(screenBody([])).toBeNull();
    expect(screenBody({ name: 'x\u0000' })?.field).toBe('name');
  });
});
