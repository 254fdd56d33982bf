import { createHash } from 'node:crypto';
import {
  landQuality,
  recordQuality,
  shareColumn,
  TIP_INDICATORS,
  tipColumn,
} from './quality-dimensions';
import * as v1 from './quality-dimensions.v1';
import { dimensionMax, QUALITY_DIMENSIONS, QUALITY_POINTS } from './quality-method';

const all = (share: number) =>
  Object.fromEntries(v1.INDICATORS_V1.map((i) => [shareColumn(i.id), share]));

describe('quality breakdown (MQA dimensions, tips)', () => {
  it('keeps version 1 frozen: indicators, SQL and tips', () => {
    const frozen = JSON.stringify({
      indicators: v1.INDICATORS_V1,
      tips: v1.TIPS_V1,
      counts: v1.DISTRIBUTION_COUNTS_V1({ known: 'K', nonProprietary: 'N', machineReadable: 'M' }),
    });
    expect(createHash('sha256').update(frozen).digest('hex')).toBe(
      '6b97530151b35d5c847a794e24847c4561a1df4907a8941447561ff5991e0b25',
    );
  });

  it('uses every indicator of quality method v1 once, with its points', () => {
    for (const d of QUALITY_DIMENSIONS) {
      const points = QUALITY_POINTS[d] as Record<string, number>;
      const ours = v1.INDICATORS_V1.filter((i) => i.dimension === d);
      expect(Object.fromEntries(ours.map((i) => [i.id, i.points]))).toEqual(points);
      expect(ours.reduce((s, i) => s + i.points, 0)).toBe(dimensionMax(d));
    }
    for (const tip of TIP_INDICATORS.keys()) expect(v1.TIPS_V1[tip]).toBeDefined();
  });

  it('gives a complete dataset full points and no tip', () => {
    const q = recordQuality(all(1));
    expect(q.score).toBe(100);
    expect(q.rating).toBe('excellent');
    expect(q.tips).toEqual([]);
  });

  it('tips a dataset without keywords and licence, with the points they bring', () => {
    const shares = { ...all(1), s_keywords: 0, s_licence: 0, s_licenceVocabulary: 0 };
    const q = recordQuality(shares);
    expect(q.tips.map((t) => [t.id, t.gain])).toEqual([
      ['keywords', 30],
      ['licence', 30],
    ]);
    expect(q.tips[0].text).toBe('Schlüsselwörter ergänzen');
    expect(q.dimensions.findability).toEqual({ points: 70, max: 100, percent: 70 });
    expect(q.dimensions.reusability.points).toBe(45);
    expect(q.score).toBe(85.2);
  });

  it('counts part-shares of per-distribution indicators', () => {
    const q = recordQuality({ ...all(1), s_mediaType: 0.5 });
    expect(q.tips).toEqual([expect.objectContaining({ id: 'mediaType', gain: 5 })]);
  });

  it('ranks a Land’s tips by the datasets they would improve', () => {
    const row: Record<string, unknown> = { datasets: 4, ...all(4) };
    row[shareColumn('keywords')] = 1;
    row[tipColumn('keywords')] = 3;
    row[shareColumn('issued')] = 3;
    row[tipColumn('issued')] = 1;
    const land = landQuality(row);
    expect(land.tips.map((t) => [t.id, t.datasets, t.share])).toEqual([
      ['keywords', 3, 0.75],
      ['issued', 1, 0.25],
    ]);
    expect(land.dimensions.findability).toBe(77.5);
    expect(landQuality(undefined)).toMatchObject({ datasets: 0, score: null, tips: [] });
  });
});
