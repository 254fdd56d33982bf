import { binder, hiddenIdsSql, PUBLIC_SCOPE, readsNonPublic, visibleItemsSql } from './visibility';

describe('reporting visibility: the one rule rendered over the read models (issue 17)', () => {
  const own = { all: false, ownLand: 'DE-BB' } as const;

  it('reads every item for reviewers, published ones for the public, plus its own Land for an editor', () => {
    const params: unknown[] = [];
    expect(visibleItemsSql({ all: true }, binder(params))).toBeNull();
    expect(visibleItemsSql(PUBLIC_SCOPE, binder(params))).toBe('published');
    expect(params).toEqual([]);
    expect(visibleItemsSql(own, binder(params))).toBe('(published OR land_code = $1)');
    expect(params).toEqual(['DE-BB']);
  });

  it("hides every NON_PUBLIC id from the public, other Länder's from an editor, none from reviewers", () => {
    const params: unknown[] = ['already bound'];
    expect(hiddenIdsSql({ all: true }, binder(params))).toBeNull();
    expect(hiddenIdsSql(PUBLIC_SCOPE, binder(params))).toBe('SELECT id FROM unpublished_record');
    expect(hiddenIdsSql(own, binder(params), 'platform')).toBe(
      'SELECT id FROM unpublished_record WHERE kind = $2 AND land_code IS DISTINCT FROM $3',
    );
    expect(params).toEqual(['already bound', 'platform', 'DE-BB']);
  });

  it('streams a NON_PUBLIC id to reviewers and to its own Land only', () => {
    expect(readsNonPublic({ all: true }, 'DE-BE')).toBe(true);
    expect(readsNonPublic(own, 'DE-BB')).toBe(true);
    expect(readsNonPublic(own, 'DE-BE')).toBe(false);
    expect(readsNonPublic(own, null)).toBe(false);
    expect(readsNonPublic(PUBLIC_SCOPE, 'DE-BB')).toBe(false);
  });
});
