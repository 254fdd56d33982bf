import type { ReadScope } from '@dpi/auth';

/**
 * Reporting's rendering of THE visibility rule (@dpi/auth `readScopeOf`: a NON_PUBLIC platform or
 * dataset is seen by reviewers, admins and the editors of its own Land, nobody else). Every read
 * that can name such a record — item lists, OGC records, links, findings, the DCAT catalogue, the
 * live stream — asks one of these functions; nothing else decides (issue 17).
 */

/** What the public may read (also what the DCAT catalogue holds, whoever asks). */
export const PUBLIC_SCOPE: ReadScope = Object.freeze({ all: false, ownLand: null });

/** The ids (uuid) of every NON_PUBLIC record: what the public may not read. */
export const HIDDEN_FROM_PUBLIC_SQL = 'SELECT id FROM unpublished_record';

/** Adds `value` to the caller's statement parameters and returns its placeholder (`$3`). */
export type Bind = (value: unknown) => string;

/**
 * The condition on `inventory_item` rows the scope may read (null: every row). The view's own
 * column `published` keeps a public list on the order of the title indexes.
 */
export function visibleItemsSql(scope: ReadScope, bind: Bind): string | null {
  if (scope.all) return null;
  if (scope.ownLand === null) return 'published';
  return `(published OR land_code = ${bind(scope.ownLand)})`;
}

/**
 * A subquery of the ids (uuid) of the NON_PUBLIC records the scope may not read, of one kind when
 * given (rows of the view `unpublished_record`); null when it reads them all.
 */
export function hiddenIdsSql(
  scope: ReadScope,
  bind: Bind,
  kind?: 'platform' | 'dataset',
): string | null {
  if (scope.all) return null;
  const where = [
    ...(kind ? [`kind = ${bind(kind)}`] : []),
    ...(scope.ownLand === null ? [] : [`land_code IS DISTINCT FROM ${bind(scope.ownLand)}`]),
  ];
  return where.length
    ? `${HIDDEN_FROM_PUBLIC_SQL} WHERE ${where.join(' AND ')}`
    : HIDDEN_FROM_PUBLIC_SQL;
}

/**
 * The condition on rows with `access_rights` and `land_code` columns (read models, the trends'
 * `record_history`) that the scope may count: NON_PUBLIC ones only when it reads them. For the
 * per-viewer figures of the Land profile, the trends and the quality breakdown (issue 21).
 */
export function countedRowsSql(scope: ReadScope, bind: Bind): string {
  if (scope.all) return 'TRUE';
  const own = scope.ownLand === null ? 'FALSE' : `land_code = ${bind(scope.ownLand)}`;
  return `(access_rights IS DISTINCT FROM 'NON_PUBLIC' OR ${own})`;
}

/** Whether the scope reads a NON_PUBLIC record of Land `landCode` (null or '': federal, withdrawn). */
export function readsNonPublic(scope: ReadScope, landCode: string | null): boolean {
  return scope.all || (scope.ownLand !== null && scope.ownLand === landCode);
}

/** `$1`, `$2` … over `params`: the Bind of a statement under construction. */
export function binder(params: unknown[]): Bind {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}
