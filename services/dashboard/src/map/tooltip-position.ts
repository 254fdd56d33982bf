/**
 * Where the tooltip goes so that it stays inside the map: right of the pointer, or left of it at
 * the right edge; vertically centred on it, clamped to the top and bottom edges. Pure.
 */
export function placeTooltip(
  pointer: readonly [number, number],
  size: readonly [number, number],
  map: readonly [number, number],
  gap = 14,
  margin = 4,
): { left: number; top: number } {
  const [px, py] = pointer;
  const [w, h] = size;
  const [mw, mh] = map;
  let left = px + gap;
  if (left + w > mw - margin) left = px - gap - w;
  left = clamp(left, margin, mw - margin - w);
  let top = py - h / 2;
  top = clamp(top, margin, mh - margin - h);
  return { left: Math.round(left), top: Math.round(top) };
}

/** Like Math.min(Math.max(…)), but when the range is empty (tooltip larger than the map) → low. */
function clamp(value: number, low: number, high: number): number {
  if (high < low) return low;
  return Math.min(Math.max(value, low), high);
}
