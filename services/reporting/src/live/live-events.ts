import { Injectable } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/** What the dashboard is told, as `event: <type>` with this JSON as data. */
export type LiveEvent =
  | { type: 'changed'; model: string; ids: string[]; at: string }
  | { type: 'findings'; changed: number; removed: number; at: string };

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
