import { placeTooltip } from './tooltip-position';

describe('placeTooltip', () => {
  const map = [600, 400] as const;
  const inside = (p: { left: number; top: number }, size: readonly [number, number]) =>
    p.left >= 0 && p.top >= 0 && p.left + size[0] <= map[0] && p.top + size[1] <= map[1];

  it('sits right of the pointer, centred on it, where there is room', () => {
    expect(placeTooltip([100, 200], [120, 30], map)).toEqual({ left: 114, top: 185 });
  });

  it('flips to the left at the right edge', () => {
    const p = placeTooltip([580, 200], [200, 30], map);
    expect(p.left).toBe(580 - 14 - 200);
    expect(inside(p, [200, 30])).toBe(true);
  });

  it('stays inside at the top and bottom edges and in the corners', () => {
    for (const pointer of [
      [300, 0],
      [300, 400],
      [0, 0],
      [600, 400],
      [599, 1],
    ] as const) {
      expect(inside(placeTooltip(pointer, [260, 60], map), [260, 60])).toBe(true);
    }
  });

  it('pins a tooltip wider than the map to the left edge', () => {
    expect(placeTooltip([300, 200], [700, 30], map).left).toBe(4);
  });
});
