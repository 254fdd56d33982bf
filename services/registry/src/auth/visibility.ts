import type { ReadScope } from '@dpi/auth';

// THE visibility rule (who sees NON_PUBLIC records) is written once, in @dpi/auth; the registry
// renders it as SQL here, and every read goes through `visibleSql`.
export { readScopeOf, type ReadScope, type Viewer } from '@dpi/auth';

/**
 * The scope as an SQL condition over `alias` (a table with `access_rights` and `land_code`).
 * `placeholder` is how the caller's statement refers to the Land parameter (`:viewerLand`, `$2`);
 * `values` holds its value when the condition uses it.
 */
export function visibleSql(
  scope: ReadScope,
  alias: string,
  placeholder: string,
): { sql: string; values: string[] } {
  if (scope.all) return { sql: 'TRUE', values: [] };
  const published = `${alias}.access_rights IS DISTINCT FROM 'NON_PUBLIC'`;
  if (scope.ownLand === null) return { sql: published, values: [] };
  return { sql: `(${published} OR ${alias}.land_code = ${placeholder})`, values: [scope.ownLand] };
}
