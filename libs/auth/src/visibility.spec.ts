import { readScopeOf } from './visibility';

describe('readScopeOf: who sees NON_PUBLIC records (issue 17)', () => {
  it('is everything for admins and reviewers', () => {
    expect(readScopeOf({ name: 'a', role: 'admin' })).toEqual({ all: true });
    expect(readScopeOf({ name: 'r', role: 'reviewer' })).toEqual({ all: true });
  });

  it('is the own Land for a Land editor', () => {
    expect(readScopeOf({ name: 'hh', role: 'land-editor', landCode: 'DE-HH' })).toEqual({
      all: false,
      ownLand: 'DE-HH',
    });
  });

  it('is what the public sees for operators and anonymous callers', () => {
    for (const viewer of [null, { name: 'ops', role: 'operator' as const }]) {
      expect(readScopeOf(viewer)).toEqual({ all: false, ownLand: null });
    }
  });
});
