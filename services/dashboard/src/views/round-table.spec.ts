import type { LandProgress } from '../model';
import { landProgress } from '../land-progress.test-helper';
import { roundState } from './round-table';

const progress = (changes: Partial<LandProgress> = {}) => landProgress('DE-HH', changes);

describe('roundState', () => {
  it('says how far a Land is, in German and English', () => {
    expect(roundState(undefined, 'de')).toBe('nicht in der Runde');
    expect(roundState(progress(), 'de')).toBe('nicht begonnen');
    expect(roundState(progress({ open: 1, confirmed: 3 }), 'de')).toBe('in Arbeit (75\u00a0%)');
    expect(roundState(progress({ open: 1, confirmed: 3 }), 'en')).toBe('in progress (75%)');
    expect(roundState(progress({ open: 0, confirmed: 4, complete: true }), 'de')).toBe('fertig');
    // Declared "nothing more to add" while records are still open: not done.
    expect(roundState(progress({ open: 2, confirmed: 2, complete: true }), 'de')).toBe(
      'erklärt, 2 offen',
    );
  });
});
