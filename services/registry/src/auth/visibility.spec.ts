import { readScopeOf, visibleSql } from './visibility';

describe('the visibility rule (issue 17)', () => {
  it('lets admins and reviewers see everything', () => {
    expect(readScopeOf({ name: 'a', role: 'admin' })).toEqual({ all: true });
    expect(readScopeOf({ name: 'r', role: 'reviewer' })).toEqual({ all: true });
    expect(visibleSql({ all: true }, 'r', ':land')).toEqual({ sql: 'TRUE', values: [] });
  });

  it('lets a Land editor see the NON_PUBLIC records of its own Land only', () => {
    const scope = readScopeOf({ name: 'bb', role: 'land-editor', landCode: 'DE-BB' });
    expect(scope).toEqual({ all: false, ownLand: 'DE-BB' });
    expect(visibleSql(scope, 'r', '$2')).toEqual({
      sql: "(r.access_rights IS DISTINCT FROM 'NON_PUBLIC' OR r.land_code = $2)",
      values: ['DE-BB'],
    });
  });

  it('shows anonymous callers (and an editor without a Land) public records only', () => {
    for (const viewer of [null, { name: 'x', role: 'land-editor' as const }]) {
      const scope = readScopeOf(viewer);
      expect(scope).toEqual({ all: false, ownLand: null });
      expect(visibleSql(scope, 't', ':land')).toEqual({
        sql: "t.access_rights IS DISTINCT FROM 'NON_PUBLIC'",
        values: [],
      });
    }
  });
});
