import {
  compareNames,
  formatCount,
  formatEvidenceValue,
  formatPercent,
  formatProgress,
  formatShare,
  formatTimestamp,
} from './format';

describe('format', () => {
  it('writes numbers and shares the German way by default', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatPercent(0.125)).toBe('12,5\u00a0%');
    expect(formatShare(null)).toBe('–');
    expect(formatShare(1, 'en')).toBe('100%');
  });

  it('shows times in German time, whatever the machine’s zone', () => {
    expect(formatTimestamp('2025-11-23T14:38:02Z')).toBe('23.11.2025, 15:38:02 Uhr');
    expect(formatTimestamp('2025-07-01T10:00:00Z')).toBe('01.07.2025, 12:00:00 Uhr');
    expect(formatTimestamp(null)).toBe('–');
    expect(formatTimestamp('not a time')).toBe('not a time');
  });

  it('sorts umlauts with their base letter in German', () => {
    const names = ['Thüringen', 'Sachsen', 'Baden-Württemberg', 'Bayern', 'Saarland'];
    expect([...names].sort((a, b) => compareNames(a, b))).toEqual([
      'Baden-Württemberg',
      'Bayern',
      'Saarland',
      'Sachsen',
      'Thüringen',
    ]);
  });

  it('shows a harvest job’s progress once the server announced its total', () => {
    expect(formatProgress(0, 0)).toBe('–');
    expect(formatProgress(120, 0)).toBe('120');
    expect(formatProgress(250, 1000)).toBe('250 / 1.000 (25\u00a0%)');
    expect(formatProgress(1200, 1000)).toBe('1.200 / 1.000 (100\u00a0%)');
  });

  it('writes evidence values as one line', () => {
    expect(formatEvidenceValue(['a', 'b'])).toBe('a, b');
    expect(formatEvidenceValue(4200)).toBe('4.200');
    expect(formatEvidenceValue(true, 'en')).toBe('yes');
    expect(formatEvidenceValue({ a: 1 })).toBe('{"a":1}');
    expect(formatEvidenceValue(null)).toBe('–');
    expect(formatEvidenceValue([])).toBe('–');
  });
});
