import { FormatError, parseResponse } from './model';

const landOverview = {
  code: 'DE-HH',
  key: '02',
  abbr: 'HH',
  name: 'Hamburg',
  platforms: 3,
  twins: 1,
  datasets: 10,
  openDatasets: 4,
  openDataShare: 0.4,
  endpoints: 2,
  organisations: 1,
  maxMaturity: 2,
  findings: { high: 0, medium: 1, low: 2, info: 0 },
  quality: { datasets: 10, score: 55.1, rating: 'good', dimensions: {} },
};

describe('parseResponse', () => {
  it('accepts the reporting API’s shapes', () => {
    const body = {
      laender: [landOverview],
      generatedAt: '2025-11-23T14:38:02Z',
      asOf: '2025-11-23T14:38:01Z',
    };
    expect(parseResponse('laender', body)).toBe(body);
  });

  it.each([
    ['a missing list', {}, 'laender.laender must be an array'],
    [
      'a negative count',
      { laender: [{ ...landOverview, platforms: -1 }], generatedAt: 'x', asOf: 'x' },
      'laender.laender[0].platforms must be a non-negative integer',
    ],
    [
      'a missing quality score',
      { laender: [{ ...landOverview, quality: undefined }], generatedAt: 'x', asOf: 'x' },
      'laender.laender[0].quality must be an object',
    ],
  ])('names the field when %s', (_case, body, message) => {
    expect(() => parseResponse('laender', body)).toThrow(new FormatError(message));
  });

  it('checks items, findings and harvest sources', () => {
    expect(() =>
      parseResponse('items', {
        items: [{ kind: 'platform', id: 'x', title: 1 }],
        nextCursor: null,
        total: 1,
      }),
    ).toThrow(FormatError);
    expect(parseResponse('findings', { items: [], nextCursor: null, total: 0 }).items).toEqual([]);
    expect(() => parseResponse('harvest', { sources: [{}], generatedAt: 'x' })).toThrow(
      'harvest.sources[0].sourceId must be a string',
    );
  });
});
