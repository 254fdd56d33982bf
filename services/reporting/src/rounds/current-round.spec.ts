import { shownRound } from './current-round';

describe('shownRound', () => {
  const closedNew = { id: 'c2', state: 'closed' as const };
  const open = { id: 'o1', state: 'open' as const };
  const closedOld = { id: 'c1', state: 'closed' as const };

  it('shows the newest open round, even when a newer one is closed', () => {
    expect(shownRound([closedNew, open, closedOld])).toBe(open);
  });

  it('shows the newest round when none is open', () => {
    expect(shownRound([closedNew, closedOld])).toBe(closedNew);
  });

  it('shows nothing without rounds', () => {
    expect(shownRound([])).toBeUndefined();
  });

  it('shows the chosen round, and nothing for an id it does not know', () => {
    expect(shownRound([closedNew, open, closedOld], 'c1')).toBe(closedOld);
    expect(shownRound([closedNew, open], 'nope')).toBeUndefined();
  });
});
