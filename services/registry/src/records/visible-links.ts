import { FieldChange } from '../history/field-diff';
import { LINKS } from './links';

/** Which of `ids` of `table` the reader may see (RecordsRepository.visibleIds under its scope). */
export type VisibleIds = (table: string, ids: readonly string[]) => Promise<Set<string>>;

const linksFrom = (table: string) => LINKS.filter((l) => l.from === table && !l.reference);

const idsIn = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? [value]
      : [];

/** A link field's value without the ids that are not in `visible` (a lone id becomes null). */
function withoutHidden(value: unknown, visible: Set<string>): unknown {
  if (Array.isArray(value)) return value.filter((v) => typeof v !== 'string' || visible.has(v));
  if (typeof value === 'string') return visible.has(value) ? value : null;
  return value;
}

/** Per linked table: the ids among `values` the reader may see (one query per table). */
async function visibleByTable(
  fields: { table: string; values: unknown[] }[],
  visibleIds: VisibleIds,
): Promise<Map<string, Set<string>>> {
  const wanted = new Map<string, Set<string>>();
  for (const { table, values } of fields)
    for (const value of values)
      for (const id of idsIn(value)) {
        const ids = wanted.get(table) ?? new Set<string>();
        wanted.set(table, ids.add(id));
      }
  const visible = new Map<string, Set<string>>();
  for (const [table, ids] of wanted) visible.set(table, await visibleIds(table, [...ids]));
  return visible;
}

/**
 * Records as the reader may see them: link fields (`datasetIds`, `platformIds`, …) keep only the
 * ids of records the reader may see, so a public record does not name NON_PUBLIC ones. Fields
 * whose links are not plain id lists (dataset distributions → endpoints) link kinds that cannot
 * be NON_PUBLIC and stay as they are.
 */
export async function hideInvisibleLinks<E extends object>(
  table: string,
  records: readonly E[],
  visibleIds: VisibleIds,
): Promise<E[]> {
  const links = linksFrom(table).filter((l) =>
    records.some((r) => {
      const value = (r as Record<string, unknown>)[l.field];
      return Array.isArray(value) || typeof value === 'string';
    }),
  );
  if (links.length === 0) return [...records];
  const visible = await visibleByTable(
    links.map((l) => ({
      table: l.to,
      values: records.map((r) => (r as Record<string, unknown>)[l.field]),
    })),
    visibleIds,
  );
  return records.map((record) => {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(record) as object) as E, record);
    for (const link of links)
      (copy as Record<string, unknown>)[link.field] = withoutHidden(
        (record as Record<string, unknown>)[link.field],
        visible.get(link.to) ?? new Set(),
      );
    return copy;
  });
}

/** History entries with the same treatment: old and new values of link fields lose hidden ids. */
export async function hideInvisibleLinkChanges(
  table: string,
  changes: readonly FieldChange[][],
  visibleIds: VisibleIds,
): Promise<FieldChange[][]> {
  const links = new Map(linksFrom(table).map((l) => [l.field, l]));
  const touched = changes.flat().flatMap((c) => {
    const link = links.get(c.field);
    return link ? [{ table: link.to, values: [c.old, c.new] }] : [];
  });
  if (touched.length === 0) return changes.map((c) => [...c]);
  const visible = await visibleByTable(touched, visibleIds);
  return changes.map((entry) =>
    entry.flatMap((change) => {
      const link = links.get(change.field);
      if (!link) return [change];
      const ids = visible.get(link.to) ?? new Set<string>();
      const shown = {
        ...change,
        old: withoutHidden(change.old, ids),
        new: withoutHidden(change.new, ids),
      };
      // A change only of hidden ids would still tell that something hidden was linked.
      return JSON.stringify(shown.old) === JSON.stringify(shown.new) ? [] : [shown];
    }),
  );
}
