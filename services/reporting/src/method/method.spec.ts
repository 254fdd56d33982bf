import { QUALITY_DIMENSIONS, QUALITY_MAX, QUALITY_POINTS } from '../quality/quality-method';
import { QUALITY_THRESHOLD_PERCENT } from '../handlungsbedarfe/handlungsbedarfe.v1';
import { ACTIVE_RULE_SET } from '../handlungsbedarfe/rule-evaluator';
import { describeMethod, INDICATOR_NAMES, methodLanguage, ratingBands } from './method';

describe('the method page', () => {
  it.each(['de', 'en'] as const)('explains every active rule completely (%s)', (lang) => {
    const method = describeMethod(lang);
    expect(method.handlungsbedarfe.rules.map((r) => r.id)).toEqual(
      ACTIVE_RULE_SET.rules.map((r) => r.id),
    );
    for (const rule of method.handlungsbedarfe.rules) {
      for (const text of [rule.title, rule.checks, rule.why, rule.fix, rule.severityLabel])
        expect(text.length).toBeGreaterThan(2);
    }
    expect(method.handlungsbedarfe.severities.map((s) => s.level)).toEqual([
      'high',
      'medium',
      'low',
      'info',
    ]);
  });

  it('speaks English when asked and German otherwise', () => {
    const en = describeMethod('en');
    const de = describeMethod('de');
    expect(en.handlungsbedarfe.rules[0].title).toBe('Land without an open data portal');
    expect(de.handlungsbedarfe.rules[0].title).toBe('Land ohne Open-Data-Portal');
    expect(en.handlungsbedarfe.rules[0].why).not.toBe(de.handlungsbedarfe.rules[0].why);
    expect(methodLanguage(undefined, 'en-GB,en;q=0.9,de;q=0.8')).toBe('en');
    expect(methodLanguage(undefined, 'fr-FR,de;q=0.5,en;q=0.4')).toBe('de');
    expect(methodLanguage('de', 'en')).toBe('de');
    expect(methodLanguage(undefined, undefined)).toBe('de');
    expect(methodLanguage(undefined, 'en;q=0,de;q=0.1')).toBe('de');
  });

  it('takes the points per criterion from the quality method in force', () => {
    const { quality } = describeMethod('de');
    expect(quality.maxPoints).toBe(QUALITY_MAX);
    expect(quality.dimensions.map((d) => d.id)).toEqual([...QUALITY_DIMENSIONS]);
    for (const dimension of quality.dimensions) {
      const points = QUALITY_POINTS[dimension.id as keyof typeof QUALITY_POINTS] as Record<
        string,
        number
      >;
      expect(Object.fromEntries(dimension.criteria.map((c) => [c.id, c.points]))).toEqual(points);
      expect(dimension.maxPoints).toBe(Object.values(points).reduce((a, b) => a + b, 0));
      // Every criterion has a name (a new indicator without one fails here).
      for (const c of dimension.criteria) expect(INDICATOR_NAMES[c.id]).toBeDefined();
    }
  });

  it('reads the rating bands off the rating function, "good" where the rule draws its line', () => {
    const bands = ratingBands();
    expect(bands.map((b) => b.rating)).toEqual(['excellent', 'good', 'sufficient', 'bad']);
    expect(bands.find((b) => b.rating === 'good')?.fromPercent).toBeCloseTo(
      QUALITY_THRESHOLD_PERCENT,
      0,
    );
    expect(bands[3].fromPercent).toBe(0);
  });

  it('describes the map classes as a method, not as fixed limits', () => {
    const { mapClasses } = describeMethod('de');
    expect(mapClasses.how).toContain('aktuellen Werten der 16 Länder');
    expect(mapClasses.how).not.toMatch(/\d+,\d+ %/);
  });
});
