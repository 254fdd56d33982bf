import { decideDeletes } from './delete-policy';

describe('decideDeletes', () => {
  it('deletes nothing when every record was seen or the source had none', () => {
    expect(decideDeletes({ live: 100, missing: 0, threshold: 0.2 })).toEqual({ kind: 'none' });
    expect(decideDeletes({ live: 0, missing: 0, threshold: 0.2 })).toEqual({ kind: 'none' });
  });

  it('deletes missing records up to and including the threshold share', () => {
    expect(decideDeletes({ live: 100, missing: 1, threshold: 0.2 })).toEqual({
      kind: 'delete',
      count: 1,
    });
    expect(decideDeletes({ live: 100, missing: 20, threshold: 0.2 })).toEqual({
      kind: 'delete',
      count: 20,
    });
  });

  it('holds deletes back above the threshold and says how many and why', () => {
    const decision = decideDeletes({ live: 100, missing: 21, threshold: 0.2 });
    expect(decision).toMatchObject({ kind: 'holdBack', count: 21, share: 0.21 });
    expect(decision.kind === 'holdBack' && decision.message).toBe(
      'deletes held back: 21 of 100 records (21 %) were not delivered, more than the allowed 20 %; ' +
        'check the catalogue, then run a full harvest again or raise HARVEST_DELETE_THRESHOLD',
    );
  });

  it('holds back a catalogue that suddenly returns nothing', () => {
    expect(decideDeletes({ live: 5, missing: 5, threshold: 0.2 }).kind).toBe('holdBack');
  });

  it('with threshold 1 deletes even everything; with 0 never deletes', () => {
    expect(decideDeletes({ live: 5, missing: 5, threshold: 1 })).toEqual({
      kind: 'delete',
      count: 5,
    });
    expect(decideDeletes({ live: 5, missing: 1, threshold: 0 }).kind).toBe('holdBack');
  });
});
