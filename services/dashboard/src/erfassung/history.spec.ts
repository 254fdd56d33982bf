import { lastTitle } from './history';

describe('title of a withdrawn record from its history', () => {
  it('takes the last name set before the deletion', () => {
    expect(
      lastTitle([
        { operation: 'create', changes: [{ field: 'name', old: null, new: 'Geoportal' }] },
        { operation: 'update', changes: [{ field: 'status', old: 'pilot', new: 'production' }] },
        {
          operation: 'update',
          changes: [{ field: 'name', old: 'Geoportal', new: 'Geoportal HH' }],
        },
        { operation: 'delete', changes: [{ field: 'name', old: 'Geoportal HH', new: null }] },
      ]),
    ).toBe('Geoportal HH');
  });

  it('knows datasets by title and says nothing when the history names nothing', () => {
    expect(lastTitle([{ operation: 'create', changes: [{ field: 'title', new: 'Bäume' }] }])).toBe(
      'Bäume',
    );
    expect(lastTitle([{ operation: 'delete', changes: [] }])).toBe('');
  });
});
