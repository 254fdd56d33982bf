import { buildScale, PALETTE, ZERO_COLOR } from './choropleth';
import {
  countsByCode,
  formatShare,
  formatTimestamp,
  type InventorySummary,
  landDescription,
  parseSummary,
  platformLabel,
  SummaryFormatError,
  summaryRows,
} from './summary';

const summary: InventorySummary = {
  total: 8,
  totalTwins: 3,
  generatedAt: '2025-11-23T14:38:02.000Z',
  laender: [
    { code: 'DE-TH', name: 'Thüringen', platforms: 1, twins: 0 },
    { code: 'DE-HH', name: 'Hamburg', platforms: 5, twins: 2 },
    { code: 'DE-BW', name: 'Baden-Württemberg', platforms: 2, twins: 1 },
    { code: 'DE-BY', name: 'Bayern', platforms: 0, twins: 0 },
  ],
};

describe('parseSummary', () => {
  it('accepts the agreed shape and keeps only the agreed fields', () => {
    const body = JSON.parse(JSON.stringify({ ...summary, extra: true }));
    body.laender[0].extra = 'x';
    expect(parseSummary(body)).toEqual(summary);
  });

  it.each([
    ['a non-object', []],
    ['a missing total', { laender: [], generatedAt: summary.generatedAt }],
    ['a negative total', { ...summary, total: -1 }],
    ['a missing totalTwins', { ...summary, totalTwins: undefined }],
    [
      'a fractional twin count',
      { ...summary, laender: [{ code: 'DE-HH', name: 'Hamburg', platforms: 1, twins: 0.5 }] },
    ],
    [
      'a fractional count',
      { ...summary, laender: [{ code: 'DE-HH', name: 'Hamburg', platforms: 1.5 }] },
    ],
    [
      'a count given as text',
      { ...summary, laender: [{ code: 'DE-HH', name: 'Hamburg', platforms: '3' }] },
    ],
    [
      'a malformed Land code',
      { ...summary, laender: [{ code: 'HH', name: 'Hamburg', platforms: 1 }] },
    ],
    ['an empty name', { ...summary, laender: [{ code: 'DE-HH', name: ' ', platforms: 1 }] }],
    ['laender not being a list', { ...summary, laender: {} }],
    ['an unparsable timestamp', { ...summary, generatedAt: 'gestern' }],
  ])('rejects %s', (_case, body) => {
    expect(() => parseSummary(body)).toThrow(SummaryFormatError);
  });
});

describe('summaryRows', () => {
  const scale = buildScale(summary.laender.map((land) => land.platforms));

  it('lists the Länder in German alphabetical order with colour, class and share', () => {
    expect(summaryRows(summary, scale)).toEqual([
      {
        code: 'DE-BW',
        name: 'Baden-Württemberg',
        platforms: 2,
        twins: 1,
        color: PALETTE[1],
        classLabel: '2',
        share: '25\u00a0%',
      },
      {
        code: 'DE-BY',
        name: 'Bayern',
        platforms: 0,
        twins: 0,
        color: ZERO_COLOR,
        classLabel: 'keine',
        share: '0\u00a0%',
      },
      {
        code: 'DE-HH',
        name: 'Hamburg',
        platforms: 5,
        twins: 2,
        color: PALETTE[4],
        classLabel: '5',
        share: '62,5\u00a0%',
      },
      {
        code: 'DE-TH',
        name: 'Thüringen',
        platforms: 1,
        twins: 0,
        color: PALETTE[0],
        classLabel: '1',
        share: '12,5\u00a0%',
      },
    ]);
  });

  it('does not reorder the summary it was given', () => {
    summaryRows(summary, scale);
    expect(summary.laender[0].code).toBe('DE-TH');
  });

  it('shows no share while there are no platforms at all', () => {
    const empty = {
      ...summary,
      total: 0,
      laender: summary.laender.map((land) => ({ ...land, platforms: 0 })),
    };
    expect(summaryRows(empty, buildScale([])).map((row) => row.share)).toEqual([
      '–',
      '–',
      '–',
      '–',
    ]);
  });
});

describe('texts', () => {
  it('counts platforms in German', () => {
    expect(platformLabel(0)).toBe('keine Plattform');
    expect(platformLabel(1)).toBe('1 Plattform');
    expect(platformLabel(2)).toBe('2 Plattformen');
    expect(platformLabel(1234)).toBe('1.234 Plattformen');
  });

  it('describes a Land with and without data', () => {
    expect(landDescription('Hamburg', 5)).toBe('Hamburg: 5 Plattformen');
    expect(landDescription('Hamburg', undefined)).toBe('Hamburg: keine Daten');
  });

  it('formats shares with a German decimal comma and a non-breaking space', () => {
    expect(formatShare(1, 3)).toBe('33,3\u00a0%');
    expect(formatShare(0, 0)).toBe('–');
  });

  it('shows timestamps in German time, whatever the machine time zone', () => {
    expect(formatTimestamp('2025-11-23T14:38:02.000Z')).toBe('23.11.2025, 15:38:02 Uhr');
    expect(formatTimestamp('2025-07-01T10:00:00Z')).toBe('01.07.2025, 12:00:00 Uhr');
    expect(formatTimestamp('kaputt')).toBe('kaputt');
  });

  it('indexes counts by Land code', () => {
    expect(countsByCode(summary).get('DE-HH')).toBe(5);
    expect(countsByCode(summary).get('DE-BY')).toBe(0);
    expect(countsByCode(summary).has('DE-NW')).toBe(false);
  });
});
