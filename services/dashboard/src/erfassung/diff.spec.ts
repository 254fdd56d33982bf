import { changes, conflictOf, mergePatch, reapplyPatch, rebased, sameValue } from './diff';

const base = {
  id: 'p1',
  version: 3,
  name: 'Geoportal Hamburg',
  type: 'geoportal',
  status: 'production',
  description: '',
  homepage: null,
  themes: ['ENVI', 'TRAN'],
  openSource: false,
  geometry: null,
  updatedAt: '2026-12-01T00:00:00Z',
};

describe('entry form diffs', () => {
  it('sees no change where only representation differs (empty text, theme order, metadata)', () => {
    const form = { ...base, homepage: '', themes: ['TRAN', 'ENVI'], version: 9, updatedAt: 'x' };
    expect(changes('platform', base, form)).toEqual([]);
  });

  it('lists changed fields in the form order with before and after', () => {
    const form = { ...base, status: 'retired', name: 'Geoportal HH' };
    expect(changes('platform', base, form)).toEqual([
      { field: 'name', before: 'Geoportal Hamburg', after: 'Geoportal HH' },
      { field: 'status', before: 'production', after: 'retired' },
    ]);
  });

  it('compares geometries by content, not key order', () => {
    const a = { type: 'Point', coordinates: [10, 53.5] };
    const b = { coordinates: [10, 53.5], type: 'Point' };
    expect(sameValue(a, b)).toBe(true);
    expect(sameValue(a, { type: 'Point', coordinates: [10, 53.6] })).toBe(false);
  });

  it('makes a merge patch of the editor changes only; an emptied URL is null', () => {
    const form = { ...base, homepage: 'https://geoportal-hamburg.de' };
    expect(mergePatch(changes('platform', base, form))).toEqual({
      homepage: 'https://geoportal-hamburg.de',
    });
    const emptied = { ...form, homepage: '' };
    expect(mergePatch(changes('platform', form, emptied))).toEqual({ homepage: null });
  });

  describe('412: the other person saved in between', () => {
    const current = { ...base, version: 4, status: 'pilot', description: 'Neu beschrieben' };

    it('shows their changes, mine, and where both changed the same field', () => {
      const form = { ...base, status: 'retired', name: 'Geoportal HH' };
      const conflict = conflictOf('platform', base, form, current);
      expect(conflict.theirs.map((c) => [c.field, c.after])).toEqual([
        ['status', 'pilot'],
        ['description', 'Neu beschrieben'],
      ]);
      expect(conflict.mine.map((c) => c.field)).toEqual(['name', 'status']);
      expect(conflict.overlapping).toEqual(['status']);
      expect(conflict.agreed).toEqual([]);
    });

    it('re-applies mine on top of theirs, keeping theirs where the editor says so', () => {
      const form = { ...base, status: 'retired', name: 'Geoportal HH' };
      const conflict = conflictOf('platform', base, form, current);
      expect(reapplyPatch(conflict)).toEqual({ name: 'Geoportal HH', status: 'retired' });
      expect(reapplyPatch(conflict, new Set(['status']))).toEqual({ name: 'Geoportal HH' });
      const next = rebased('platform', current, reapplyPatch(conflict));
      expect(next).toMatchObject({
        name: 'Geoportal HH',
        status: 'retired',
        description: 'Neu beschrieben',
      });
    });

    it('does not resend a field both set to the same value', () => {
      const form = { ...base, status: 'pilot' };
      const conflict = conflictOf('platform', base, form, current);
      expect(conflict.overlapping).toEqual([]);
      expect(conflict.agreed).toEqual(['status']);
      expect(reapplyPatch(conflict)).toEqual({});
    });
  });
});
