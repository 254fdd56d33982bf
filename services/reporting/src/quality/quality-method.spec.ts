import { qualityScore } from '../overview/overview.service';
import { dimensionMax, QUALITY_MAX, qualityRating } from './quality-method';

describe('metadata quality method', () => {
  it('has the dimension maxima the README documents', () => {
    expect(dimensionMax('findability')).toBe(100);
    expect(dimensionMax('accessibility')).toBe(100);
    expect(dimensionMax('interoperability')).toBe(110);
    expect(dimensionMax('reusability')).toBe(75);
    expect(dimensionMax('contextuality')).toBe(20);
    expect(QUALITY_MAX).toBe(405);
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
