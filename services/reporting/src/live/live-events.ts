import type { Viewer } from '../auth/viewer';
import { readsNonPublic } from '../auth/visibility';
import type { ReadModelsChange } from '../changes/read-models-changed';

/**
 * What the dashboard is told, as `event: <type>` with this JSON as data: a change of the read
 * models as the replica's signal carries it (whichever replica applied it), less what is internal.
 */
export type LiveEvent = ReadModelsChange;

/**
 * The event as one subscriber may receive it (issue 17): the ids of NON_PUBLIC records only for
 * those who may read them (reviewers, the record's own Land); a change of nothing but records the
 * subscriber may not read is not streamed to it at all (null).
 */
export function liveEventFor(event: LiveEvent, viewer: Viewer): LiveEvent | null {
  if (event.type !== 'changed') return event;
  const { nonPublic = [], appliedHere: _internal, ...sent } = event;
  const hidden = new Set(
    nonPublic.filter((r) => !readsNonPublic(viewer.scope, r.landCode)).map((r) => r.id),
  );
  if (hidden.size === 0) return sent;
  const ids = sent.ids.filter((id) => !hidden.has(id));
  return ids.length === 0 ? null : { ...sent, ids };
}
