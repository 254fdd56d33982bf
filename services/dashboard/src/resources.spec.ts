import { partRequests, partsChangedBy } from './resources';
import { parseState } from './url-state';

describe('resources', () => {
  it('requests each part for the state', () => {
    const state = parseState('?land=DE-HB&coverage=euTheme&q=wasser');
    const requests = partRequests(['laender', 'items', 'findings', 'coverage', 'harvest'], state);
    expect(Object.fromEntries(requests)).toEqual({
      laender: '/laender',
      'items:platform': '/items?landCode=DE-HB&kind=platform&q=wasser&limit=500',
      'items:twin': '/items?landCode=DE-HB&kind=twin&q=wasser&limit=500',
      findings: '/findings?limit=100&landCode=DE-HB',
      coverage: '/coverage?dimension=euTheme',
      harvest: '/harvest/sources?landCode=DE-HB',
    });
    expect([...partRequests(['summary'], state).keys()]).toEqual(['summary']);
    // The survey round: the current one, or the one in the URL.
    expect(partRequests(['rounds'], state).get('rounds')).toBe('/rounds/progress');
    const round = '0b5f7c2e-4a57-4c1e-9f61-3d2f3c7b9a10';
    expect(partRequests(['rounds'], parseState(`?round=${round}`)).get('rounds')).toBe(
      `/rounds/progress?round=${round}`,
    );
    expect([...partRequests(['items'], parseState('?kind=dataset')).keys()]).toEqual([
      'items:dataset',
    ]);
  });

  it('maps live events to the parts they make stale', () => {
    const changed = (model: string) => JSON.stringify({ model, ids: ['x'], at: 'now' });
    expect(partsChangedBy('changed', changed('platform'))).toEqual(['items:platform']);
    expect(partsChangedBy('changed', changed('twin'))).toEqual(['items:twin']);
    expect(partsChangedBy('changed', changed('aggregates'))).toEqual([
      'laender',
      'summary',
      'coverage',
    ]);
    expect(partsChangedBy('changed', changed('harvestJob'))).toEqual(['harvest']);
    expect(partsChangedBy('findings', '{"changed":1,"removed":0}')).toEqual(['findings']);
    expect(partsChangedBy('changed', changed('organisation'))).toEqual([]);
    // A confirmation, declaration or new round: only the round's progress.
    expect(partsChangedBy('changed', changed('round'))).toEqual(['rounds']);
    // Not understood: everything.
    expect(partsChangedBy('changed', changed('somethingNew'))).toHaveLength(10);
    expect(partsChangedBy('changed', 'not json')).toHaveLength(10);
  });
});
