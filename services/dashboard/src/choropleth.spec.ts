import {
  buildScale,
  classify,
  colorFor,
  contrastRatio,
  DARK_TEXT,
  legendEntries,
  niceStep,
  NO_DATA_COLOR,
  PALETTE,
  textColorFor,
  ZERO_COLOR,
} from './choropleth';

describe('niceStep', () => {
  it.each([
    [0, 1],
    [0.6, 1],
    [1, 1],
    [1.2, 2],
    [3, 5],
    [7.4, 10],
    [12, 20],
    [20.2, 25],
    [26, 50],
    [180, 200],
    [2100, 2500],
  ])('rounds %p up to %p', (raw, step) => {
    expect(niceStep(raw)).toBe(step);
  });
});

describe('buildScale', () => {
  it('has no classes while no Land has a platform', () => {
    expect(buildScale([0, 0, 0])).toEqual({ step: 0, classes: [] });
    expect(buildScale([])).toEqual({ step: 0, classes: [] });
  });

  it('gives every count its own class while counts are small', () => {
    const scale = buildScale([0, 1, 3, 2]);
    expect(scale.step).toBe(1);
    expect(scale.classes.map((c) => c.label)).toEqual(['1', '2', '3']);
    // Three classes still run from the lightest to the darkest blue.
    expect(scale.classes.map((c) => c.color)).toEqual([PALETTE[0], PALETTE[2], PALETTE[4]]);
  });

  it('uses rounded equal intervals that cover the maximum', () => {
    const scale = buildScale([37, 4, 0, 12]);
    expect(scale.step).toBe(10);
    expect(scale.classes.map(({ min, max, label }) => ({ min, max, label }))).toEqual([
      { min: 1, max: 10, label: '1–10' },
      { min: 11, max: 20, label: '11–20' },
      { min: 21, max: 30, label: '21–30' },
      { min: 31, max: 40, label: '31–40' },
    ]);
    expect(scale.classes.map((c) => c.color)).toEqual([
      PALETTE[0],
      PALETTE[1],
      PALETTE[3],
      PALETTE[4],
    ]);
  });

  it('never makes more classes than asked for or than the palette has', () => {
    expect(buildScale([1000]).classes).toHaveLength(5);
    expect(buildScale([1000], 3).classes.length).toBeLessThanOrEqual(3);
    expect(buildScale([1000], 99).classes.length).toBeLessThanOrEqual(PALETTE.length);
  });

  it('formats large bounds the German way', () => {
    expect(buildScale([4800]).classes[0].label).toBe('1–1.000');
  });

  it('ignores values that are not numbers', () => {
    expect(buildScale([Number.NaN, 2, Number.POSITIVE_INFINITY]).classes).toHaveLength(2);
  });

  it('uses a middle shade when there is a single class', () => {
    expect(buildScale([1, 1, 0]).classes).toEqual([
      { min: 1, max: 1, color: PALETTE[2], label: '1' },
    ]);
  });
});

describe('classify and colorFor', () => {
  const scale = buildScale([0, 5, 37]);

  it('puts every count into the class whose bounds contain it', () => {
    expect(classify(scale, 1)?.label).toBe('1–10');
    expect(classify(scale, 10)?.label).toBe('1–10');
    expect(classify(scale, 11)?.label).toBe('11–20');
    expect(classify(scale, 37)?.label).toBe('31–40');
  });

  it('puts counts beyond the last class into the last class', () => {
    expect(classify(scale, 500)?.label).toBe('31–40');
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
