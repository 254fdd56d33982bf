import { diffFields } from './field-diff';

describe('diffFields', () => {
  const fields = ['name', 'homepage', 'themes'] as const;

  it('lists changed fields with old and new values', () => {
    expect(
      diffFields(
        { name: 'A', homepage: null, themes: ['ENVI'] },
        { name: 'B', homepage: null, themes: ['ENVI', 'TRAN'] },
        fields,
      ),
    ).toEqual([
      { field: 'name', old: 'A', new: 'B' },
      { field: 'themes', old: ['ENVI'], new: ['ENVI', 'TRAN'] },
    ]);
  });

  it('treats creation and deletion as changes from and to null', () => {
    expect(diffFields(null, { name: 'A' }, ['name'])).toEqual([
      { field: 'name', old: null, new: 'A' },
    ]);
    expect(diffFields({ name: 'A' }, null, ['name'])).toEqual([
      { field: 'name', old: 'A', new: null },
    ]);
  });

  it('finds nothing between equal states (missing counts as null)', () => {
    expect(diffFields({ name: 'A', homepage: null }, { name: 'A' }, fields)).toEqual([]);
  });
});
