import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

import type { Viewer } from '../auth/viewer';
import { readsNonPublic } from '../auth/visibility';

/** What the dashboard is told, as `event: <type>` with this JSON as data. */
export type LiveEvent =
  | {
      type: 'changed';
      model: string;
      ids: string[];
      at: string;
      /**
       * Those of `ids` that are NON_PUBLIC records, with their Land: streamed only to whom may
       * read them; never sent itself.
       */
      nonPublic?: { id: string; landCode: string | null }[];
    }
  | { type: 'findings'; changed: number; removed: number; at: string };

/**
 * The event as one subscriber may receive it (issue 17): the ids of NON_PUBLIC records only for
 * those who may read them (reviewers, the record's own Land); a change of nothing but records the
 * subscriber may not read is not streamed to it at all (null).
 */
export function liveEventFor(event: LiveEvent, viewer: Viewer): LiveEvent | null {
  if (event.type !== 'changed') return event;
  const { nonPublic = [], ...sent } = event;
  const hidden = new Set(
    nonPublic.filter((r) => !readsNonPublic(viewer.scope, r.landCode)).map((r) => r.id),
  );
  if (hidden.size === 0) return sent;
  const ids = sent.ids.filter((id) => !hidden.has(id));
  return ids.length === 0 ? null : { ...sent, ids };
}

/**
 * In-process bus from the projector and the rule evaluator to the SSE clients of this instance,
 * and to its precomputed aggregates (which refresh on it and announce new ones as `changed` with
 * model `aggregates`). Every instance runs its own projector (one consumer group), so each sees
 * every change.
 */
@Injectable()
export class LiveEvents {
  private readonly subject = new Subject<LiveEvent>();

  get events(): Observable<LiveEvent> {
    return this.subject.asObservable();
  }

  publish(event: LiveEvent): void {
    this.subject.next(event);
  }
}
