import {
  buildScale,
  classify,
  colorFor,
  contrastRatio,
  DARK_TEXT,
  legendEntries,
  methodText,
  naturalBreaks,
  fixedScale,
  NO_DATA_COLOR,
  PALETTE,
  textColorFor,
  ZERO_COLOR,
} from './choropleth';

describe('naturalBreaks', () => {
  it('splits where the values differ most', () => {
    expect(naturalBreaks([1, 2, 2, 3, 10, 11, 12, 40], 3)).toEqual([
      [1, 2, 2, 3],
      [10, 11, 12],
      [40],
    ]);
  });

  it('finds the optimum a greedy split would miss', () => {
    // Sum of squared deviations: [1,2][6,7,8][20] beats every other split into three.
    expect(naturalBreaks([8, 1, 20, 6, 2, 7], 3)).toEqual([[1, 2], [6, 7, 8], [20]]);
  });

  it('never puts equal values into different groups nor makes more groups than values', () => {
    expect(naturalBreaks([3, 3, 3, 3], 5)).toEqual([[3, 3, 3, 3]]);
    expect(naturalBreaks([1, 1, 2, 2], 5)).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(naturalBreaks([], 5)).toEqual([]);
    expect(naturalBreaks([1, 2, 3], 0)).toEqual([]);
  });
});

describe('buildScale', () => {
  it('has no classes while no Land has a platform', () => {
    expect(buildScale([0, 0, 0])).toEqual({ step: 0, classes: [], method: 'natural-breaks' });
    expect(buildScale([]).classes).toEqual([]);
  });

  it('gives every count its own class while counts are few', () => {
    const scale = buildScale([0, 1, 3, 2]);
    expect(scale.method).toBe('natural-breaks');
    expect(scale.classes.map((c) => c.label)).toEqual(['1', '2', '3']);
    // Three classes still run from the lightest to the darkest blue.
    expect(scale.classes.map((c) => c.color)).toEqual([PALETTE[0], PALETTE[2], PALETTE[4]]);
  });

  // The demo's shape: a few Länder with many platforms, most with a handful. Equal intervals put
  // 14 of 16 into the palest class; natural breaks spread them.
  const skewed = [2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 12, 14, 30, 41, 0];

  it('spreads skewed counts over the classes (no class holds most Länder)', () => {
    const scale = buildScale(skewed);
    expect(scale.classes).toHaveLength(5);
    const perClass = scale.classes.map(
      (cls) => skewed.filter((n) => classify(scale, n) === cls).length,
    );
    expect(Math.max(...perClass)).toBeLessThanOrEqual(7);
    expect(perClass.every((n) => n > 0)).toBe(true);
    // What the old equal intervals (1–10, 11–20, …) did with the same counts: 11 of 15 in 1–10.
    expect(skewed.filter((n) => n >= 1 && n <= 10)).toHaveLength(11);
  });

  it('makes contiguous integer classes from 1 to the largest count', () => {
    const scale = buildScale(skewed);
    expect(scale.classes[0].min).toBe(1);
    expect(scale.classes[scale.classes.length - 1].max).toBe(41);
    scale.classes.slice(1).forEach((cls, i) => expect(cls.min).toBe(scale.classes[i].max + 1));
    expect(scale.classes.map((c) => c.label)).toEqual(['1–5', '6–9', '10–14', '15–30', '31–41']);
  });

  it('never makes more classes than asked for or than the palette has', () => {
    const many = Array.from({ length: 40 }, (_, i) => i + 1);
    expect(buildScale(many).classes).toHaveLength(5);
    expect(buildScale(many, 3).classes).toHaveLength(3);
    expect(buildScale(many, 99).classes.length).toBeLessThanOrEqual(PALETTE.length);
  });

  it('formats large bounds the German way', () => {
    expect(buildScale([4800, 1]).classes.map((c) => c.label)).toEqual(['1', '2–4.800']);
  });

  it('ignores values that are not numbers', () => {
    expect(buildScale([Number.NaN, 2, Number.POSITIVE_INFINITY, 5]).classes).toHaveLength(2);
  });

  it('uses a middle shade when there is a single class', () => {
    expect(buildScale([1, 1, 0]).classes).toEqual([
      { min: 1, max: 1, color: PALETTE[2], label: '1' },
    ]);
  });
});

describe('classify and colorFor', () => {
  const scale = buildScale([0, 2, 3, 12, 14, 37]);

  it('puts every count into the class whose bounds contain it', () => {
    expect(scale.classes.map((c) => c.label)).toEqual(['1–2', '3', '4–12', '13–14', '15–37']);
    expect(classify(scale, 1)?.label).toBe('1–2');
    expect(classify(scale, 3)?.label).toBe('3');
    expect(classify(scale, 7)?.label).toBe('4–12');
    expect(classify(scale, 14)?.label).toBe('13–14');
    expect(classify(scale, 37)?.label).toBe('15–37');
  });

  it('puts counts beyond the last class into the last class', () => {
    expect(classify(scale, 500)?.label).toBe('15–37');
  });

  it('has no class for zero, and colours zero and missing data apart from the scale', () => {
    expect(classify(scale, 0)).toBeUndefined();
    expect(colorFor(scale, 0)).toBe(ZERO_COLOR);
    expect(colorFor(scale, undefined)).toBe(NO_DATA_COLOR);
    expect(PALETTE).not.toContain(ZERO_COLOR);
    expect(PALETTE).not.toContain(NO_DATA_COLOR);
  });

  it('matches the legend', () => {
    expect(legendEntries(scale)).toEqual([
      { color: ZERO_COLOR, label: 'keine' },
      ...scale.classes.map(({ color, label }) => ({ color, label })),
    ]);
  });
});

describe('methodText', () => {
  it('names the method in both languages', () => {
    expect(methodText('natural-breaks', 'de')).toContain('natürlichen Brüchen (Jenks)');
    expect(methodText('natural-breaks', 'en')).toContain('natural breaks (Jenks)');
    expect(methodText('fixed', 'de')).toContain('Feste Farbklassen');
    expect(fixedScale([1, 2], ['a', 'b']).method).toBe('fixed');
  });
});

describe('label contrast', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  it.each([...PALETTE, ZERO_COLOR, NO_DATA_COLOR])(
    'keeps map labels on %s readable (WCAG AA, 4.5:1)',
    (fill) => {
      expect(contrastRatio(fill, textColorFor(fill))).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('writes dark text on light fills and light text on the darkest', () => {
    expect(textColorFor(PALETTE[0])).toBe(DARK_TEXT);
    expect(textColorFor(PALETTE[PALETTE.length - 1])).toBe('#ffffff');
  });

  it('rejects colours it cannot read', () => {
    expect(() => contrastRatio('blue', '#ffffff')).toThrow('not a #rrggbb colour');
  });
});
