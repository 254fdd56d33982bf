import { insidePolygon, landAnchor } from './anchor';

// A 100×100 square "Brandenburg" with a 20×20 hole "Berlin" left of its centre.
const square = [
  [0, 0],
  [100, 0],
  [100, 100],
  [0, 100],
  [0, 0],
];
const hole = [
  [30, 40],
  [50, 40],
  [50, 60],
  [30, 60],
  [30, 40],
];

describe('landAnchor', () => {
  it('finds the middle of a plain shape', () => {
    const [x, y] = landAnchor([square]) ?? [NaN, NaN];
    expect(Math.abs(x - 50)).toBeLessThan(5);
    expect(Math.abs(y - 50)).toBeLessThan(5);
  });

  it('stays away from a hole and from a city-state to avoid', () => {
    const anchor = landAnchor([square, hole], [{ x: 40, y: 50, r: 10 }]);
    expect(anchor).toBeDefined();
    const [x, y] = anchor ?? [0, 0];
    expect(insidePolygon([square, hole], x, y)).toBe(true);
    expect(Math.hypot(x - 40, y - 50)).toBeGreaterThan(30);
  });

  it('has no anchor for a degenerate ring', () => {
    expect(landAnchor([[[0, 0]]])).toBeUndefined();
  });
});

describe('insidePolygon', () => {
  it('counts holes as outside', () => {
    expect(insidePolygon([square, hole], 40, 50)).toBe(false);
    expect(insidePolygon([square, hole], 80, 50)).toBe(true);
    expect(insidePolygon([square], 150, 50)).toBe(false);
  });
});
