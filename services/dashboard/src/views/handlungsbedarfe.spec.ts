import { DEFAULT_STATE } from '../url-state';
import { findingsFilter } from './findings-query';

describe('the Handlungsbedarfe page’s query', () => {
  it('carries the overview’s Land, Art and Thema and the chosen severity', () => {
    expect(
      findingsFilter(
        { ...DEFAULT_STATE, land: 'DE-HH', kind: 'twin', theme: 'TRAN', q: 'ignored' },
        'high',
      ).toString(),
    ).toBe('landCode=DE-HH&kind=twin&theme=TRAN&severity=high');
    expect(findingsFilter(DEFAULT_STATE, undefined).toString()).toBe('');
  });
});
