import { qualityScore } from '../overview/overview.service';
import { createHash } from 'node:crypto';
import { dimensionMax, QUALITY_MAX, qualityRating } from './quality-method';
import * as v1 from './quality-method.v1';

describe('metadata quality method', () => {
  it('has the dimension maxima the README documents', () => {
    expect(dimensionMax('findability')).toBe(100);
    expect(dimensionMax('accessibility')).toBe(100);
    expect(dimensionMax('interoperability')).toBe(110);
    expect(dimensionMax('reusability')).toBe(75);
    expect(dimensionMax('contextuality')).toBe(20);
    expect(QUALITY_MAX).toBe(405);
  });

  it('keeps version 1 frozen: migration 1763900000010 built the view dataset_quality from it', () => {
    // A changed method is quality-method.v2.ts and a migration, never an edit of v1 (which would
    // change the score on fresh databases only). This digest fails the test on any edit of v1.
    const digest = createHash('sha256').update(JSON.stringify(v1)).digest('hex');
    expect(digest).toBe('04b078ca9a4c70f55660a01424f722d5f8799036d1df105cb91cf5105e4a8373');
  });

  it('rates like the MQA bands (351 / 221 / 121 of 405 points)', () => {
    expect(qualityRating(100)).toBe('excellent');
    expect(qualityRating((351 / 405) * 100)).toBe('excellent');
    expect(qualityRating(86.6)).toBe('good');
    expect(qualityRating((221 / 405) * 100)).toBe('good');
    expect(qualityRating(54.5)).toBe('sufficient');
    expect(qualityRating(29.8)).toBe('bad');
  });

  it('turns average points per dimension into percentages and a rating', () => {
    expect(
      qualityScore({
        land_code: 'DE-HH',
        datasets: 3,
        findability: '100',
        accessibility: '50',
        interoperability: '55',
        reusability: '75',
        contextuality: '0',
      }),
    ).toEqual({
      datasets: 3,
      score: 69.1,
      rating: 'good',
      dimensions: {
        findability: 100,
        accessibility: 50,
        interoperability: 50,
        reusability: 100,
        contextuality: 0,
      },
    });
    expect(qualityScore(undefined)).toMatchObject({ datasets: 0, score: null, rating: null });
  });
});
