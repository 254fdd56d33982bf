import { PUBLIC_VIEWER, Viewer } from '../auth/viewer';
import { LiveEvent, liveEventFor } from './live-events';

const reviewer: Viewer = { reviewer: true, scope: { all: true }, name: 'ag' };
const editorOf = (land: string): Viewer => ({
  reviewer: false,
  scope: { all: false, ownLand: land },
  name: `editor-${land}`,
});
const at = '2026-12-06T21:00:00.000Z';

describe('liveEventFor: what one SSE subscriber may receive (issue 17)', () => {
  const changed: LiveEvent = {
    type: 'changed',
    model: 'dataset',
    ids: ['a', 'secret'],
    at,
    nonPublic: [{ id: 'secret', landCode: 'DE-BB' }],
  };

  it('gives reviewers every id, without the internal list of NON_PUBLIC records', () => {
    expect(liveEventFor(changed, reviewer)).toEqual({
      type: 'changed',
      model: 'dataset',
      ids: ['a', 'secret'],
      at,
    });
  });

  it("gives a Land editor the ids of its own Land's NON_PUBLIC records, not another Land's", () => {
    expect(liveEventFor(changed, editorOf('DE-BB'))).toEqual({
      type: 'changed',
      model: 'dataset',
      ids: ['a', 'secret'],
      at,
    });
    expect(liveEventFor(changed, editorOf('DE-BE'))).toEqual({
      type: 'changed',
      model: 'dataset',
      ids: ['a'],
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
    expect(liveEventFor({ ...changed, ids: ['secret'] }, editorOf('DE-BE'))).toBeNull();
  });

  it('passes other events and changes without ids (aggregates) unchanged', () => {
    const findings: LiveEvent = { type: 'findings', changed: 2, removed: 0, at };
    expect(liveEventFor(findings, PUBLIC_VIEWER)).toBe(findings);
    const aggregates: LiveEvent = { type: 'changed', model: 'aggregates', ids: [], at };
    expect(liveEventFor(aggregates, PUBLIC_VIEWER)).toEqual(aggregates);
  });
});
