import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

import type { Viewer } from '../auth/viewer';

/** What the dashboard is told, as `event: <type>` with this JSON as data. */
export type LiveEvent =
  | {
      type: 'changed';
      model: string;
      ids: string[];
      at: string;
      /** Those of `ids` that are NON_PUBLIC records: streamed to reviewers only, never sent. */
      nonPublicIds?: string[];
    }
  | { type: 'findings'; changed: number; removed: number; at: string };

/**
 * The event as one subscriber may receive it (issue 17): the ids of NON_PUBLIC records only for
 * reviewers; a change of nothing but such records is not streamed to the public at all (null).
 */
export function liveEventFor(event: LiveEvent, viewer: Viewer): LiveEvent | null {
  if (event.type !== 'changed') return event;
  const { nonPublicIds = [], ...sent } = event;
  if (viewer.reviewer || nonPublicIds.length === 0) return sent;
  const hidden = new Set(nonPublicIds);
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
