import type { Viewer } from './principal';

/**
 * What a viewer may read of the records that can be marked NON_PUBLIC: everything, or the public
 * ones plus the NON_PUBLIC ones of one Land (null: none).
 */
export type ReadScope = { all: true } | { all: false; ownLand: string | null };

/**
 * THE visibility rule (issue 17): a NON_PUBLIC record is seen by admins, reviewers and the editors
 * of the record's own Land; nobody else (anonymous callers, other Länder's editors, operators).
 * The registry renders it as SQL, reporting as its reviewer view; nothing else decides.
 */
export function readScopeOf(viewer: Viewer): ReadScope {
  if (viewer?.role === 'admin' || viewer?.role === 'reviewer') return { all: true };
  return { all: false, ownLand: viewer?.role === 'land-editor' ? (viewer.landCode ?? null) : null };
}
