import { Principal } from './principal';

/** Who reads: a token's principal, or null for an anonymous read. */
export type Viewer = Principal | null;

/**
 * What a viewer may read of the records that can be marked NON_PUBLIC (platforms and datasets,
 * every table with an `access_rights` column): everything, or the public ones plus the NON_PUBLIC
 * ones of one Land.
 */
export type ReadScope = { all: true } | { all: false; ownLand: string | null };

/**
 * THE visibility rule of the registry (issue 17): a NON_PUBLIC record is seen by admins, reviewers
 * and the editors of the record's own Land; nobody else (anonymous callers, other Länder's editors).
 * Every read renders it through `visibleSql`; nothing else decides visibility.
 */
export function readScopeOf(viewer: Viewer): ReadScope {
  if (viewer?.role === 'admin' || viewer?.role === 'reviewer') return { all: true };
  return { all: false, ownLand: viewer?.role === 'land-editor' ? (viewer.landCode ?? null) : null };
}

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
