/**
 * A withdrawn record is gone from the lists, but its history stays (`GET …/{id}/history`, "also
 * after deletion"): its last name or title, so the list can still say which entry was withdrawn.
 * Pure: no DOM, no fetch.
 */
export interface HistoryChange {
  operation: string;
  changes: { field: string; old?: unknown; new?: unknown }[];
}

/** The last non-empty `name` or `title` a record had, or '' when its history names none. */
export function lastTitle(items: readonly HistoryChange[]): string {
  let title = '';
  for (const item of items)
    for (const change of item.changes)
      if ((change.field === 'name' || change.field === 'title') && typeof change.new === 'string')
        title = change.new.trim() || title;
  return title;
}
