/**
 * The map without a mouse: every Land and every marker group is one stop of a roving tabindex
 * (one Tab into the map, arrow keys within it). Pure functions; map/keys.ts binds them to buttons.
 */

export type KeyTarget =
  | { kind: 'land'; code: string; name: string }
  | { kind: 'group'; land: string; id: string; size: number };

export type KeyAction =
  | { type: 'move'; index: number }
  | { type: 'activate'; index: number }
  | { type: 'close' }
  | { type: 'none' };

/**
 * Länder in alphabetical order (as the table and the Land filter list them), each followed by its
 * marker groups, so the entries of a Land are the stops right after it.
 */
export function orderTargets(
  laender: readonly { code: string; name: string }[],
  groups: readonly { land: string; id: string; size: number }[],
): KeyTarget[] {
  const collator = new Intl.Collator('de');
  const targets: KeyTarget[] = [];
  for (const land of [...laender].sort((a, b) => collator.compare(a.name, b.name))) {
    targets.push({ kind: 'land', code: land.code, name: land.name });
    for (const group of groups)
      if (group.land === land.code)
        targets.push({ kind: 'group', land: group.land, id: group.id, size: group.size });
  }
  return targets;
}

/** What a key does at `index` of `length` stops. Arrows wrap around; Home/End jump. */
export function keyAction(key: string, index: number, length: number): KeyAction {
  if (length === 0) return key === 'Escape' ? { type: 'close' } : { type: 'none' };
  const at = Math.min(Math.max(index, 0), length - 1);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { type: 'move', index: (at + 1) % length };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { type: 'move', index: (at - 1 + length) % length };
    case 'Home':
      return { type: 'move', index: 0 };
    case 'End':
      return { type: 'move', index: length - 1 };
    case 'Enter':
    case ' ':
      return { type: 'activate', index: at };
    case 'Escape':
      return { type: 'close' };
    default:
      return { type: 'none' };
  }
}

/** Stable id of a target, so the focus survives a rebuild of the stops (new data, zoom). */
export function targetKey(target: KeyTarget): string {
  return target.kind === 'land' ? `land:${target.code}` : `group:${target.id}`;
}

/**
 * Where the focus goes after the stops were rebuilt: the same stop if it still exists, else the
 * Land it belonged to, else the first stop.
 */
export function refocusIndex(
  targets: readonly KeyTarget[],
  previous: KeyTarget | undefined,
): number {
  if (!previous || targets.length === 0) return 0;
  const key = targetKey(previous);
  const same = targets.findIndex((t) => targetKey(t) === key);
  if (same >= 0) return same;
  const land = previous.kind === 'land' ? previous.code : previous.land;
  const owner = targets.findIndex((t) => t.kind === 'land' && t.code === land);
  return owner >= 0 ? owner : 0;
}
