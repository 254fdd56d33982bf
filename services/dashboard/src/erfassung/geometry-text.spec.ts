import { coordinatesText, parseCoordinates, roundGeometry } from './geometry-text';

describe('map picker coordinates as text', () => {
  it('reads and writes a point', () => {
    const point = parseCoordinates('geometry', ' 9.993682, 53.551086 ');
    expect(point).toEqual({ type: 'Point', coordinates: [9.99368, 53.55109] });
    expect(coordinatesText('geometry', point as object)).toBe('9.99368, 53.55109');
  });

  it('reads a polygon and closes its ring', () => {
    const polygon = parseCoordinates('geometry', '9.9 53.5; 10.1 53.5; 10.0 53.6');
    expect(polygon).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [9.9, 53.5],
          [10.1, 53.5],
          [10, 53.6],
          [9.9, 53.5],
        ],
      ],
    });
    expect(coordinatesText('geometry', polygon as object)).toBe('9.9 53.5; 10.1 53.5; 10 53.6');
  });

  it('reads a bbox as west, south, east, north', () => {
    expect(parseCoordinates('bbox', '9.7, 53.4, 10.3, 53.7')).toEqual([9.7, 53.4, 10.3, 53.7]);
    expect(coordinatesText('bbox', [9.7, 53.4, 10.3, 53.7])).toBe('9.7, 53.4, 10.3, 53.7');
  });

  it('empty is null, nonsense is undefined (the value stays)', () => {
    expect(parseCoordinates('geometry', '  ')).toBeNull();
    expect(parseCoordinates('geometry', 'Hamburg')).toBeUndefined();
    expect(parseCoordinates('bbox', '1, 2, 3')).toBeUndefined();
    expect(parseCoordinates('geometry', '1 2; 3 4')).toBeUndefined();
  });

  it('rounds to 5 decimals', () => {
    expect(roundGeometry([1.123456789, 2])).toEqual([1.12346, 2]);
    expect(roundGeometry({ type: 'Point', coordinates: [1.123456789, 2] })).toEqual({
      type: 'Point',
      coordinates: [1.12346, 2],
    });
  });
});
