/**
 * A Land's anchor — where its count label and its entries without a location go: the point inside
 * it furthest from its border and from the city-states it surrounds (a coarse pole of
 * inaccessibility). Brandenburg's anchor is thus not next to Berlin, nor Lower Saxony's next to
 * Bremen. Pure; coordinates in any planar unit (the map uses EPSG:3857 metres).
 */
export type Ring = readonly (readonly number[])[];
/** Outer ring first, then holes. */
export type PolygonRings = readonly Ring[];

export interface Avoid {
  x: number;
  y: number;
  /** Keep at least this far beyond the point (the city-state's own size). */
  r: number;
}

export function landAnchor(
  polygon: PolygonRings,
  avoid: readonly Avoid[] = [],
  steps = 32,
): [number, number] | undefined {
  const outer = polygon[0];
  if (!outer || outer.length < 3) return undefined;
  const xs = outer.map((p) => p[0]);
  const ys = outer.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  let best: { x: number; y: number; score: number } | undefined;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      const x = minX + ((maxX - minX) * (i + 0.5)) / (steps + 1);
      const y = minY + ((maxY - minY) * (j + 0.5)) / (steps + 1);
      if (!insidePolygon(polygon, x, y)) continue;
      let score = Math.min(...polygon.map((ring) => distanceToRing(ring, x, y)));
      for (const a of avoid) score = Math.min(score, Math.hypot(a.x - x, a.y - y) - a.r);
      if (!best || score > best.score) best = { x, y, score };
    }
  }
  return best ? [best.x, best.y] : undefined;
}

/** Even-odd rule over all rings: inside the outer ring and outside every hole. */
export function insidePolygon(polygon: PolygonRings, x: number, y: number): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

export function distanceToRing(ring: Ring, x: number, y: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    best = Math.min(best, distanceToSegment(x, y, ring[j], ring[i]));
  }
  return best;
}

function distanceToSegment(
  x: number,
  y: number,
  a: readonly number[],
  b: readonly number[],
): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / length2));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}
