import {
  decideAction,
  decideClose,
  decideReopen,
  landResult,
  nextRecordStatus,
  RoundRefusal,
} from './round-state';

const deadline = new Date('2026-12-31T23:59:59Z');
const open = { state: 'open' as const, deadline };
const closed = { state: 'closed' as const, deadline };

describe('survey round state machine (issue 22)', () => {
  it('takes confirmations while open, on time and late (after the deadline, before the close)', () => {
    expect(decideAction(open, new Date('2026-12-01T00:00:00Z'))).toEqual({ late: false });
    expect(decideAction(open, deadline)).toEqual({ late: false });
    expect(decideAction(open, new Date('2027-01-05T00:00:00Z'))).toEqual({ late: true });
  });

  it('refuses everything once closed', () => {
    const refusal = decideAction(closed, new Date('2026-12-01T00:00:00Z'));
    expect(refusal).toBeInstanceOf(RoundRefusal);
    expect((refusal as RoundRefusal).reason).toMatch(/closed/);
  });

  it('closes an open round once, and never reopens', () => {
    expect(decideClose(open)).toBe(true);
    expect(decideClose(closed)).toBeInstanceOf(RoundRefusal);
    expect(decideReopen(closed).reason).toMatch(/cannot be reopened/);
    expect(decideReopen(open).reason).toMatch(/is open/);
  });

  it('moves a record open → confirmed / updated / withdrawn', () => {
    expect(nextRecordStatus('open', 'confirm')).toBe('confirmed');
    expect(nextRecordStatus('open', 'update')).toBe('updated');
    expect(nextRecordStatus('open', 'withdraw')).toBe('withdrawn');
    expect(nextRecordStatus('confirmed', 'update')).toBe('updated');
    expect(nextRecordStatus('confirmed', 'confirm')).toBe('confirmed');
    // An update also confirmed it; a later confirmation does not hide that it changed.
    expect(nextRecordStatus('updated', 'confirm')).toBe('updated');
    expect(nextRecordStatus('updated', 'withdraw')).toBe('withdrawn');
  });

  it('keeps a withdrawn record withdrawn', () => {
    for (const action of ['confirm', 'update', 'withdraw'] as const)
      expect(nextRecordStatus('withdrawn', action)).toBeInstanceOf(RoundRefusal);
  });

  it('counts as open what nobody touched', () => {
    expect(
      landResult({ inScope: 10, confirmed: 3, updated: 2, withdrawn: 1, late: 1, created: 4 }),
    ).toEqual({ open: 4, confirmed: 3, updated: 2, withdrawn: 1, created: 4, late: 1 });
  });
});
