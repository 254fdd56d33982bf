import { bboxPolygon, geometryProblem, MAX_POSITIONS, normaliseGeometry } from './geometry';

describe('GeoJSON geometries', () => {
  it('accepts the six geometry types in WGS84', () => {
    const ring = [
      [9.9, 53.5],
      [10.1, 53.5],
      [10.1, 53.6],
      [9.9, 53.5],
    ];
    for (const geometry of [
      { type: 'Point', coordinates: [9.99, 53.55] },
      { type: 'MultiPoint', coordinates: [[9.99, 53.55]] },
      { type: 'LineString', coordinates: [ring[0], ring[1]] },
      { type: 'MultiLineString', coordinates: [[ring[0], ring[1]]] },
      { type: 'Polygon', coordinates: [ring] },
      { type: 'MultiPolygon', coordinates: [[ring]], bbox: [9.9, 53.5, 10.1, 53.6] },
    ])
      expect(geometryProblem(geometry)).toBeNull();
  });

  it.each([
    [null, 'must be a GeoJSON geometry object'],
    [{ type: 'GeometryCollection', geometries: [] }, 'type must be one of'],
    [{ type: 'Point', coordinates: [200, 10] }, 'WGS84'],
    [{ type: 'Point', coordinates: [10, Number.NaN] }, 'finite numbers'],
    [{ type: 'Point', coordinates: ['10', 50] }, 'finite numbers'],
    [{ type: 'Point', coordinates: [10] }, 'a position is an array'],
    // Once a 500 (PostGIS: "Geometry has Z dimension").
    [{ type: 'Point', coordinates: [10, 53, 5] }, 'heights are not stored'],
    [
      {
        type: 'LineString',
        coordinates: [
          [10, 53],
          [11, 53, 5],
        ],
      },
      'heights are not stored',
    ],
    [{ type: 'Point', coordinates: [10, 53, 5, 1] }, 'a position is an array'],
    [{ type: 'LineString', coordinates: [[10, 50]] }, 'at least 2 positions'],
    [
      {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      },
      'closed',
    ],
    [{ type: 'Polygon', coordinates: [] }, 'non-empty array'],
    [{ type: 'Point', coordinates: [10, 50], crs: 'EPSG:4326' }, 'unexpected member crs'],
  ])('refuses %j', (geometry, message) => {
    expect(geometryProblem(geometry)).toContain(message);
  });

  it('bounds the number of positions', () => {
    const line = Array.from({ length: MAX_POSITIONS + 1 }, (_, i) => [0, (i / MAX_POSITIONS) * 10]);
    expect(geometryProblem({ type: 'LineString', coordinates: line })).toContain('at most');
  });

  it('stores type and coordinates only, and turns a bbox into a closed polygon', () => {
    expect(
      normaliseGeometry({ type: 'Point', coordinates: [1, 2], bbox: [1, 2, 1, 2] } as never),
    ).toEqual({ type: 'Point', coordinates: [1, 2] });
    const polygon = bboxPolygon([8, 50, 9, 51]);
    expect(geometryProblem(polygon)).toBeNull();
    expect(polygon.coordinates[0]).toHaveLength(5);
  });
});
