/**
 * GeoJSON geometries (RFC 7946, WGS84) as the API accepts them for coverage areas and points.
 * Checked completely before PostGIS sees them, so ST_GeomFromGeoJSON can never fail on input.
 */
export type Position = number[];
export type GeoJsonGeometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'MultiPoint'; coordinates: Position[] }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
] as const;

/** At most this many positions per geometry (a simplified Land outline needs a few thousand). */
export const MAX_POSITIONS = 20_000;

class GeometryError extends Error {}

function position(value: unknown, counter: { n: number }): void {
  // RFC 7946 allows a height as a third member; the inventory stores 2D geometries (PostGIS
  // refused a height as a 500), so one is refused here with a message instead of dropped silently.
  if (Array.isArray(value) && value.length === 3)
    throw new GeometryError(
      'a position is [longitude, latitude]; heights are not stored, leave the third value out',
    );
  if (!Array.isArray(value) || value.length !== 2)
    throw new GeometryError('a position is an array [longitude, latitude]');
  if (!value.every((v) => typeof v === 'number' && Number.isFinite(v)))
    throw new GeometryError('coordinates must be finite numbers');
  const [lon, lat] = value as [number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
    throw new GeometryError(
      'coordinates must be WGS84 longitude [-180, 180] and latitude [-90, 90]',
    );
  if (++counter.n > MAX_POSITIONS)
    throw new GeometryError(`a geometry may have at most ${MAX_POSITIONS} positions`);
}

function positions(value: unknown, min: number, what: string, counter: { n: number }): void {
  if (!Array.isArray(value) || value.length < min)
    throw new GeometryError(`${what} needs at least ${min} positions`);
  for (const p of value) position(p, counter);
}

function ring(value: unknown, counter: { n: number }): void {
  positions(value, 4, 'a polygon ring', counter);
  const ringPositions = value as [number, number][];
  const first = ringPositions[0] as [number, number];
  const last = ringPositions[ringPositions.length - 1] as [number, number];
  if (first[0] !== last[0] || first[1] !== last[1])
    throw new GeometryError('a polygon ring must be closed (first position = last position)');
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new GeometryError(`${what} must be a non-empty array`);
  return value;
}

function polygon(value: unknown, counter: { n: number }): void {
  for (const r of list(value, 'polygon coordinates')) ring(r, counter);
}

/** Why `value` is not an acceptable geometry, or null when it is. */
export function geometryProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'must be a GeoJSON geometry object';
  const { type, coordinates, ...rest } = value as Record<string, unknown>;
  if (!(GEOMETRY_TYPES as readonly unknown[]).includes(type))
    return `type must be one of: ${GEOMETRY_TYPES.join(', ')}`;
  const { bbox, ...extra } = rest;
  const unexpected = Object.keys(extra)[0];
  if (unexpected !== undefined) return `unexpected member ${unexpected}`;
  if (
    bbox !== undefined &&
    !(
      Array.isArray(bbox) &&
      (bbox.length === 4 || bbox.length === 6) &&
      bbox.every((v) => typeof v === 'number' && Number.isFinite(v))
    )
  )
    return 'bbox must hold 4 (or 6) numbers';
  const counter = { n: 0 };
  try {
    switch (type) {
      case 'Point':
        position(coordinates, counter);
        break;
      case 'MultiPoint':
        positions(coordinates, 1, 'a MultiPoint', counter);
        break;
      case 'LineString':
        positions(coordinates, 2, 'a LineString', counter);
        break;
      case 'MultiLineString':
        for (const line of list(coordinates, 'MultiLineString coordinates'))
          positions(line, 2, 'a LineString', counter);
        break;
      case 'Polygon':
        polygon(coordinates, counter);
        break;
      case 'MultiPolygon':
        for (const p of list(coordinates, 'MultiPolygon coordinates')) polygon(p, counter);
        break;
    }
  } catch (error) {
    if (error instanceof GeometryError) return error.message;
    throw error;
  }
  return null;
}

/** The geometry as stored: only type and coordinates (a GeoJSON `bbox` member is dropped). */
export function normaliseGeometry(
  value: GeoJsonGeometry | null | undefined,
): GeoJsonGeometry | null {
  if (!value) return null;
  return { type: value.type, coordinates: value.coordinates } as GeoJsonGeometry;
}

/** A bounding box [west, south, east, north] as a polygon. */
export function bboxPolygon(bbox: readonly number[]): GeoJsonGeometry {
  const [west, south, east, north] = bbox as [number, number, number, number];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/** True when west, south, east, north are finite WGS84 degrees with west ≤ east, south ≤ north. */
export function isWgs84Bbox(west: number, south: number, east: number, north: number): boolean {
  return (
    [west, south, east, north].every(Number.isFinite) &&
    west >= -180 &&
    east <= 180 &&
    south >= -90 &&
    north <= 90 &&
    west <= east &&
    south <= north
  );
}
