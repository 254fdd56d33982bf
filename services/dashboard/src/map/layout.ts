/**
 * Where the map draws its marker groups and count labels, in screen pixels: pure functions, no
 * OpenLayers, so the rules that keep Berlin, Hamburg and Bremen visible are unit-tested.
 *
 * - Entries are grouped per Land only: a group never mixes Brandenburg with Berlin.
 * - A city-state is an obstacle: no group sits on it, not even its own (that one goes beside it,
 *   with a leader line), so its area stays visible and clickable at every zoom.
 * - Groups do not overlap each other; count labels take the first place near their Land's centre
 *   that touches no group, no other label and no city-state but their own.
 */

export type Vec = readonly [number, number];

export interface Circle {
  x: number;
  y: number;
  r: number;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LayoutPoint {
  /** Index of the entry in the caller's list. */
  index: number;
  land: string;
  x: number;
  y: number;
}

export interface Group {
  land: string;
  /** Indexes of the entries in the group. */
  members: number[];
  /** Where the members are (their mean). */
  anchor: Vec;
  /** Where the group is drawn (the anchor unless it had to move). */
  x: number;
  y: number;
  r: number;
  /** Moved off a city-state or another group: drawn with a line to its anchor. */
  displaced: boolean;
}

/** A city-state's area on screen, as a circle around it. */
export interface Obstacle extends Circle {
  land: string;
}

export interface LabelRequest {
  land: string;
  text: string;
  /** The Land's centre for labels. */
  anchor: Vec;
}

export interface PlacedLabel {
  land: string;
  text: string;
  box: Box;
  anchor: Vec;
  /** Placed away from the anchor (beside a city-state): drawn with a leader line. */
  displaced: boolean;
}

/** Radius of a group's circle: 7 px for one entry, growing slowly, at most 20 px. */
export function groupRadius(size: number): number {
  return size <= 1 ? 7 : Math.min(20, 10 + Math.log2(size) * 2.5);
}

/**
 * Greedy grouping as OpenLayers' Cluster does it (a point joins the first group of its Land whose
 * first point lies within `distance` px), but never across Länder.
 */
export function groupPoints(points: readonly LayoutPoint[], distance: number): Group[] {
  const open: { land: string; x: number; y: number; members: LayoutPoint[] }[] = [];
  for (const point of points) {
    const near = open.find(
      (g) => g.land === point.land && Math.hypot(g.x - point.x, g.y - point.y) <= distance,
    );
    if (near) near.members.push(point);
    else open.push({ land: point.land, x: point.x, y: point.y, members: [point] });
  }
  return open.map((g) => {
    const n = g.members.length;
    const x = g.members.reduce((sum, p) => sum + p.x, 0) / n;
    const y = g.members.reduce((sum, p) => sum + p.y, 0) / n;
    return {
      land: g.land,
      members: g.members.map((p) => p.index),
      anchor: [x, y] as Vec,
      x,
      y,
      r: groupRadius(n),
      displaced: false,
    };
  });
}

/** Directions tried, in order, when a group must leave a city-state with no better hint. */
const FALLBACK_DIRECTIONS: Vec[] = [
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
  [1, 0],
  [0, -1],
  [-1, 0],
  [0, 1],
].map(([x, y]) => {
  const length = Math.hypot(x, y);
  return [x / length, y / length] as Vec;
});

/**
 * Moves groups off the city-states and apart from each other. A group on a city-state moves
 * straight away from its centre (its own group, sitting in the middle, to the north-east first),
 * to the first free spot; groups that overlap each other are pushed apart a few rounds, never
 * back onto a city-state.
 */
export function placeGroups(
  groups: readonly Group[],
  obstacles: readonly Obstacle[],
  gap = 3,
): Group[] {
  const placed: Group[] = [];
  const overlapsObstacle = (c: Circle) =>
    obstacles.some((o) => Math.hypot(o.x - c.x, o.y - c.y) < o.r + c.r + gap);
  const overlapsPlaced = (c: Circle) =>
    placed.some((p) => Math.hypot(p.x - c.x, p.y - c.y) < p.r + c.r + gap);
  // City-state groups first: they have the least room.
  const order = [...groups].sort(
    (a, b) =>
      Number(obstacles.some((o) => o.land === b.land)) -
      Number(obstacles.some((o) => o.land === a.land)),
  );
  for (const group of order) {
    const circle = { x: group.x, y: group.y, r: group.r };
    if (!overlapsObstacle(circle) && !overlapsPlaced(circle)) {
      placed.push({ ...group });
      continue;
    }
    const blocking =
      obstacles.find((o) => Math.hypot(o.x - circle.x, o.y - circle.y) < o.r + circle.r + gap) ??
      obstacles.find((o) => o.land === group.land);
    const origin: Vec = blocking ? [blocking.x, blocking.y] : [group.x, group.y];
    const away = [group.x - origin[0], group.y - origin[1]];
    const length = Math.hypot(away[0], away[1]);
    const directions: Vec[] =
      length > 0.5
        ? [[away[0] / length, away[1] / length], ...FALLBACK_DIRECTIONS]
        : FALLBACK_DIRECTIONS;
    const start = blocking ? blocking.r + group.r + gap : group.r;
    let spot: Circle | undefined;
    for (let step = 0; step < 40 && !spot; step++) {
      for (const [dx, dy] of directions) {
        const distance = start + step * 4;
        const candidate = {
          x: origin[0] + dx * distance,
          y: origin[1] + dy * distance,
          r: group.r,
        };
        if (!overlapsObstacle(candidate) && !overlapsPlaced(candidate)) {
          spot = candidate;
          break;
        }
      }
    }
    const chosen = spot ?? circle;
    placed.push({ ...group, x: chosen.x, y: chosen.y, displaced: spot !== undefined });
  }
  return placed;
}

/** Rough text box of a count label (12 px semi-bold digits, 3 px halo). */
export function labelSize(text: string): { w: number; h: number } {
  return { w: Math.max(12, text.length * 7.5 + 6), h: 18 };
}

/** Offsets tried around a Land's centre, nearest first (in label heights/widths). */
const LABEL_OFFSETS: Vec[] = [
  [0, 0],
  [0, 1],
  [0, -1],
  [1, 0],
  [-1, 0],
  [1, 1],
  [-1, 1],
  [1, -1],
  [-1, -1],
  [0, 2],
  [0, -2],
  [2, 0],
  [-2, 0],
  [0, 3],
  [0, -3],
];

/**
 * Places the count labels: each at the first offset from its anchor whose box touches no group,
 * no label placed before it and no other Land's city-state area. A city-state's own label goes
 * beside its area (its area stays visible), with a leader line. When nothing is free, the spot
 * with the fewest conflicts wins: a label is never dropped.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  groups: readonly Circle[],
  obstacles: readonly Obstacle[],
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  // City-states first: they have the fewest free spots.
  const order = [...requests].sort(
    (a, b) =>
      Number(obstacles.some((o) => o.land === b.land)) -
      Number(obstacles.some((o) => o.land === a.land)),
  );
  for (const request of order) {
    const { w, h } = labelSize(request.text);
    const own = obstacles.find((o) => o.land === request.land);
    const candidates: Vec[] = own
      ? FALLBACK_DIRECTIONS.flatMap(([dx, dy]) =>
          [0, 8, 16].map((extra) => {
            // Just outside the circle, the box's near edge towards the city-state.
            const reach = own.r + 4 + extra;
            return [own.x + dx * (reach + w / 2), own.y + dy * (reach + h / 2)] as Vec;
          }),
        )
      : LABEL_OFFSETS.map(
          ([dx, dy]) => [request.anchor[0] + dx * w, request.anchor[1] + dy * h] as Vec,
        );
    let best: { box: Box; conflicts: number } | undefined;
    for (const [cx, cy] of candidates) {
      const box = { x: cx - w / 2, y: cy - h / 2, w, h };
      const conflicts =
        groups.filter((g) => boxTouchesCircle(box, g)).length +
        placed.filter((p) => boxesOverlap(box, p.box)).length +
        obstacles.filter((o) => boxTouchesCircle(box, o)).length;
      if (!best || conflicts < best.conflicts) best = { box, conflicts };
      if (conflicts === 0) break;
    }
    if (!best) continue;
    placed.push({
      land: request.land,
      text: request.text,
      box: best.box,
      anchor: own ? [own.x, own.y] : request.anchor,
      displaced: own !== undefined,
    });
  }
  return placed;
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function boxTouchesCircle(box: Box, c: Circle): boolean {
  const nx = Math.max(box.x, Math.min(c.x, box.x + box.w));
  const ny = Math.max(box.y, Math.min(c.y, box.y + box.h));
  return Math.hypot(nx - c.x, ny - c.y) < c.r;
}

/** The point on a circle's edge towards `to`: where a leader line from a moved symbol ends. */
export function edgeTowards(circle: Circle, to: Vec): Vec {
  const dx = to[0] - circle.x;
  const dy = to[1] - circle.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return [circle.x, circle.y];
  return [circle.x + (dx / length) * circle.r, circle.y + (dy / length) * circle.r];
}
