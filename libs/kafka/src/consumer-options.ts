import type { Kafka } from 'kafkajs';
import type { KafkaLogger } from './config';
import type { EventSender } from './producer';

/** What a BatchConsumer (consumer.ts) is given and reports. */

/** A record as read from Kafka, before the consumer's own decoding. */
export interface RawEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  /** null = tombstone. */
  value: Buffer | null;
  headers: Record<string, string>;
}

export interface RetryPolicy {
  retries: number;
  initialMs: number;
  maxMs: number;
}

/**
 * What a consumer reports as it works (metrics; see service-kit ConsumerMetrics). Called on the
 * consumer's path: implementations must be cheap and must not throw.
 */
export interface ConsumerObserver {
  /** The consumer joined its group and reads these topics (prefixed names). */
  started?(groupId: string, topics: readonly string[]): void;
  stopped?(groupId: string): void;
  /** One partition's batch was applied (or dead-lettered) and its offset resolved. */
  batchDone?(batch: {
    groupId: string;
    topic: string;
    partition: number;
    records: number;
    seconds: number;
    /** The batch failed as a whole and was applied record by record. */
    split: boolean;
  }): void;
  deadLettered?(groupId: string, topic: string, records: number): void;
  /** kafkajs crashed the consumer; `recovering`: this consumer starts a new one itself. */
  crashed?(groupId: string, recovering: boolean): void;
}

export interface BatchConsumerOptions<T> {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  /** Validates and decodes one record; a throw sends it straight to the DLQ (it would never succeed). */
  decode: (raw: RawEvent) => T;
  /**
   * Applies a batch of one partition, in offset order (with `concurrentPartitions` > 1: the batches
   * of several partitions at once, each in offset order). Must be idempotent: batches can repeat.
   */
  handle: (events: T[]) => Promise<void>;
  /**
   * How many partitions' batches are handled at once (default 1). With more, the batches of one
   * fetch are passed to `handle` together, one call instead of one per partition (see
   * {@link Coalescer}); only for handlers that need no order across partitions, as the events of
   * one key are always in one partition.
   */
  concurrentPartitions?: number;
  /** Where dead letters go: the service's ManagedProducer. */
  dlq: EventSender;
  retry?: Partial<RetryPolicy>;
  /** Errors for which retrying can help however long it takes (database down): never dead-lettered. */
  isTransient?: (error: unknown) => boolean;
  logger?: KafkaLogger;
  /** Read from the earliest offset when the group has none yet (default true: rebuildable read models). */
  fromBeginning?: boolean;
  /**
   * Applied offsets are committed at most this often, and when the consumer stops (default 200).
   * A commit per batch made the broker's offset log a large share of its work under load; after a
   * crash, at most this much more is delivered again, which the idempotent handlers absorb.
   */
  commitIntervalMs?: number;
  observer?: ConsumerObserver;
  /**
   * A consumer that kafkajs gave up on is replaced by a new one (default true): after a crash it
   * does not restart (a non-retriable cause), or one whose restart did not rejoin the group within
   * `rejoinDeadlineMs` (default 60 s; kafkajs's restart can fail without a further crash event).
   * Off, the crashed consumer stays dead (tests' negative control).
   */
  recoverFromCrash?: boolean;
  rejoinDeadlineMs?: number;
}
