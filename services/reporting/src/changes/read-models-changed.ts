import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject, Subscription } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { ChangeChannel } from './change-channel';

/** A NON_PUBLIC record among the ids of a change, with its Land (who may read it depends on it). */
export interface NonPublicRecord {
  id: string;
  landCode: string | null;
}

/**
 * One change of what reporting serves: rows of a read model (`model` one of READ_MODEL_NAMES, or
 * `aggregates` with no ids when this replica's precomputed aggregates changed), or the findings.
 */
export type ReadModelsChange =
  | {
      type: 'changed';
      model: string;
      ids: string[];
      at: string;
      /**
       * Those of `ids` that are NON_PUBLIC records, with their Land: streamed only to whom may
       * read them; never sent itself.
       */
      nonPublic?: NonPublicRecord[];
      /** This replica's projection applied it (the rules of the replica that applied run). */
      appliedHere?: boolean;
    }
  | { type: 'findings'; changed: number; removed: number; at: string };

/**
 * The one internal "read models changed" signal of a replica, followed by the rules, the
 * aggregates and the SSE stream. Changes of the read models and the findings arrive through
 * PostgreSQL (see ChangeChannel): every replica hears every change, whichever applied it, and
 * only once it is committed. What is this replica's own (its aggregates) is published here only.
 */
@Injectable()
export class ReadModelsChanged implements OnModuleDestroy {
  private readonly subject = new Subject<ReadModelsChange>();
  private readonly heard: Subscription;

  constructor(private readonly channel: ChangeChannel) {
    this.heard = channel.received.subscribe((change) => this.subject.next(change));
  }

  get changes(): Observable<ReadModelsChange> {
    return this.subject.asObservable();
  }

  /**
   * Tells every replica, this one included, once `manager`'s transaction commits (without one:
   * now): changes of the read models and of the findings, which all replicas serve.
   */
  announce(change: ReadModelsChange, manager?: EntityManager): Promise<void> {
    return this.channel.announce(change, manager);
  }

  /** Tells this replica's followers only: changes of what is this replica's own. */
  publish(change: ReadModelsChange): void {
    this.subject.next(change);
  }

  onModuleDestroy(): void {
    this.heard.unsubscribe();
  }
}
