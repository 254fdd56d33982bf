import { partitions } from './paging';

describe('partitions', () => {
  it('splits the result set into contiguous ranges of whole pages; the last one is open-ended', () => {
    expect(partitions(23, 5, 3)).toEqual([
      { startPosition: 1, maxPages: 2 },
      { startPosition: 11, maxPages: 2 },
      { startPosition: 21, maxPages: undefined },
    ]);
  });

  it('never uses more pagers than pages', () => {
    expect(partitions(7, 5, 8)).toEqual([
      { startPosition: 1, maxPages: 1 },
      { startPosition: 6, maxPages: undefined },
    ]);
  });

  it('one pager for an empty or single-page result', () => {
    expect(partitions(0, 100, 4)).toEqual([{ startPosition: 1, maxPages: undefined }]);
    expect(partitions(100, 100, 4)).toEqual([{ startPosition: 1, maxPages: undefined }]);
  });

  it('drops pagers that would start beyond the result set', () => {
    // 10 pages over 4 pagers: 3 pages each, the fourth would start at 91 with one page left.
    expect(partitions(95, 10, 4).map((p) => p.startPosition)).toEqual([1, 31, 61, 91]);
    expect(partitions(61, 10, 4).map((p) => p.startPosition)).toEqual([1, 21, 41, 61]);
  });
});
