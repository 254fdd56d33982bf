/**
 * A geometry as text and back, for the map picker's coordinates field (the keyboard's way to set
 * it): a point `10.0, 53.55`; a polygon `9.9 53.5; 10.1 53.5; 10.0 53.6` (closed automatically);
 * a bbox `9.7, 53.4, 10.3, 53.7` (west, south, east, north). Degrees in WGS 84, 5 decimals (~1 m).
 * Pure: no DOM.
 */

type Mode = 'geometry' | 'bbox';
interface Geometry {
  type: string;
  coordinates: unknown;
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;

/** Rounds every coordinate of a geometry (or a bbox array) to 5 decimals. */
export function roundGeometry<T>(value: T): T {
  const walk = (v: unknown): unknown =>
    typeof v === 'number' ? round5(v) : Array.isArray(v) ? v.map(walk) : v;
  if (Array.isArray(value)) return walk(value) as T;
  const g = value as unknown as Geometry;
  return { ...g, coordinates: walk(g.coordinates) } as T;
}

export function coordinatesText(mode: Mode, value: object | null): string {
  if (!value) return '';
  if (mode === 'bbox') return (value as number[]).join(', ');
  const g = value as Geometry;
  if (g.type === 'Point') return (g.coordinates as number[]).join(', ');
  if (g.type === 'Polygon') {
    const ring = (g.coordinates as number[][][])[0] ?? [];
    return ring
      .slice(0, -1)
      .map(([x, y]) => `${x} ${y}`)
      .join('; ');
  }
  return JSON.stringify(g);
}

/**
 * The value a text stands for: null for an empty field, undefined when it does not parse (the
 * field keeps the text; the value stays as it was).
 */
export function parseCoordinates(mode: Mode, text: string): object | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const numbers = (part: string) =>
    part
      .split(/[,\s]+/)
      .filter((s) => s !== '')
      .map(Number);
  if (mode === 'bbox') {
    const n = numbers(trimmed);
    return n.length === 4 && n.every(Number.isFinite) ? n.map(round5) : undefined;
  }
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed) as object;
    } catch {
      return undefined;
    }
  }
  if (!trimmed.includes(';')) {
    const n = numbers(trimmed);
    return n.length === 2 && n.every(Number.isFinite)
      ? { type: 'Point', coordinates: n.map(round5) }
      : undefined;
  }
  const points = trimmed
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(numbers);
  if (points.length < 3 || points.some((p) => p.length !== 2 || !p.every(Number.isFinite)))
    return undefined;
  const ring = points.map((p) => p.map(round5));
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}
