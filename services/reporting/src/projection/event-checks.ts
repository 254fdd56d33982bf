import { LAND_CODES } from '@dpi/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
]);

/**
 * Checks applied to every decoded registry or harvest message before it reaches a read model.
 * A throw sends the record to the DLQ: it would fail the same way on every retry.
 */

/** A Land code of the 16, or null for federal records where `federalAllowed`. */
export function landCodeOf(code: string, federalAllowed: boolean): string | null {
  if (code === '') {
    if (federalAllowed) return null;
    throw new Error('record without Land code');
  }
  if (!LAND_CODES.includes(code)) throw new Error(`unknown Land code ${code}`);
  return code;
}

/** Registry ids linking records: UUIDs, deduplicated. */
export function recordIds(ids: readonly string[], what: string): string[] {
  for (const id of ids) if (!UUID.test(id)) throw new Error(`${what} contains a non-UUID id ${id}`);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** A GeoJSON geometry as text for ST_GeomFromGeoJSON, or null; rejects what PostGIS would. */
export function geometryText(geojson: string): string | null {
  if (geojson.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(geojson);
  } catch {
    throw new Error('geometry is not JSON');
  }
  const geometry = parsed as { type?: unknown; coordinates?: unknown };
  if (
    typeof geometry !== 'object' ||
    geometry === null ||
    !GEOMETRY_TYPES.has(String(geometry.type))
  )
    throw new Error(`geometry type ${String(geometry?.type)} is not supported`);
  if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0)
    throw new Error('geometry without coordinates');
  return JSON.stringify({ type: geometry.type, coordinates: geometry.coordinates });
}

/** A WGS84 bounding box [west, south, east, north], or null when none is given. */
export function wgs84Bbox(values: readonly number[]): [number, number, number, number] | null {
  if (values.length === 0) return null;
  if (values.length !== 4 || !values.every(Number.isFinite))
    throw new Error('bbox must have four finite numbers [west, south, east, north]');
  const [west, south, east, north] = values as [number, number, number, number];
  if (west < -180 || east > 180 || south < -90 || north > 90 || south > north)
    throw new Error(`bbox ${values.join(',')} is not a WGS84 box`);
  return [west, south, east, north];
}

export const nullIfEmpty = (value: string): string | null => (value === '' ? null : value);
