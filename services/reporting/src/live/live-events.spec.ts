import { PUBLIC_VIEWER, Viewer } from '../auth/viewer';
import { LiveEvent, liveEventFor } from './live-events';

const reviewer: Viewer = { reviewer: true, name: 'ag' };
const at = '2026-12-06T21:00:00.000Z';

describe('liveEventFor: what one SSE subscriber may receive (issue 17)', () => {
  const changed: LiveEvent = {
    type: 'changed',
    model: 'dataset',
    ids: ['a', 'secret'],
    at,
    nonPublicIds: ['secret'],
  };

  it('gives reviewers every id, without the internal list of NON_PUBLIC ids', () => {
    expect(liveEventFor(changed, reviewer)).toEqual({
      type: 'changed',
      model: 'dataset',
      ids: ['a', 'secret'],
      at,
    });
  });

  it('drops the ids of NON_PUBLIC records for the public', () => {
    expect(liveEventFor(changed, PUBLIC_VIEWER)).toEqual({
      type: 'changed',
      model: 'dataset',
      ids: ['a'],
      at,
    });
  });

  it('does not tell the public about a change of NON_PUBLIC records only', () => {
    expect(liveEventFor({ ...changed, ids: ['secret'] }, PUBLIC_VIEWER)).toBeNull();
  });

  it('passes other events and changes without ids (aggregates) unchanged', () => {
    const findings: LiveEvent = { type: 'findings', changed: 2, removed: 0, at };
    expect(liveEventFor(findings, PUBLIC_VIEWER)).toBe(findings);
    const aggregates: LiveEvent = { type: 'changed', model: 'aggregates', ids: [], at };
    expect(liveEventFor(aggregates, PUBLIC_VIEWER)).toEqual(aggregates);
  });
});
