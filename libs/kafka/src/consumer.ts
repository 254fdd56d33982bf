import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { Coalescer } from './coalescer';
import { endSpans, startEventSpans } from './trace-context';
import { KafkaLogger } from './config';
import { HEADERS, headersToStrings } from './envelope';
import { dlqTopic } from './topics';
import type {
  BatchConsumerOptions,
  ConsumerObserver,
  RawEvent,
  RetryPolicy,
} from './consumer-options';

export type { BatchConsumerOptions, ConsumerObserver, RawEvent, RetryPolicy };

interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

const DEFAULT_RETRY: RetryPolicy = { retries: 5, initialMs: 100, maxMs: 5000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class ConsumerStopping extends Error {}

function toRaw(topic: string, partition: number, message: KafkaMessage): RawEvent {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : '',
    value: message.value,
    headers: headersToStrings(message.headers),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Batch consumer with manual offset commits: a batch's offsets are committed only after it was
 * applied (or dead-lettered), at most every `commitIntervalMs`, so a crash means redelivery,
 * never loss. Failed batches are retried with exponential backoff, then split into single
 * records; a record that still fails goes to `<topic>.dlq` with the error and its origin in
 * headers, and consumption continues.
 */
export class BatchConsumer<T> {
  private consumer: Consumer;
  private readonly retry: RetryPolicy;
  /** Set after a crash that kafkajs restarts: if the group is not rejoined by then, recover. */
  private rejoinTimer: NodeJS.Timeout | null = null;
  private recovering = false;
  /** How often kafkajs's consumer was replaced after a crash. */
  recoveries = 0;
  private readonly commitIntervalMs: number;
  private running = false;
  /** Per topic and partition, the offset after the last applied batch, not committed yet. */
  private readonly uncommitted = new Map<string, PartitionOffset>();
  private lastCommitAt = 0;
  private commitTimer: NodeJS.Timeout | null = null;
  private readonly concurrentPartitions: number;
  private readonly handle: (events: T[]) => Promise<void>;

  constructor(private readonly options: BatchConsumerOptions<T>) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.commitIntervalMs = options.commitIntervalMs ?? 200;
    this.concurrentPartitions = Math.max(1, options.concurrentPartitions ?? 1);
    if (this.concurrentPartitions > 1) {
      const coalescer = new Coalescer(options.handle, options.isTransient);
      this.handle = (events) => coalescer.submit(events);
    } else {
      this.handle = options.handle;
    }
    this.consumer = this.createConsumer();
  }

  private createConsumer(): Consumer {
    const { options } = this;
    const consumer = options.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      // A crashed member blocks its partitions until its session expires: keep that short.
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 100,
      // The heartbeat goes between batches: a batch must be applied well within the session.
      // Harvested records carry their ISO document (~45 KB, GZIP on the wire, issue 20): with
      // kafkajs's default 1 MB per partition a fetch of six partitions held ~1,200 of them, which
      // a loaded machine did not apply in 10 s (the member was dropped, the consumer crashed).
      maxBytesPerPartition: 256 * 1024,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => this.onCrash(consumer, payload));
    consumer.on(consumer.events.GROUP_JOIN, () => this.clearRejoinTimer());
    return consumer;
  }

  get isRunning(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    await this.run(this.consumer);
    this.running = true;
    this.options.observer?.started?.(this.options.groupId, this.options.topics);
  }

  private async run(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({
      topics: this.options.topics,
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.concurrentPartitions,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  private onCrash(consumer: Consumer, crash: { error: Error; restart: boolean }): void {
    if (!this.running || consumer !== this.consumer) return;
    const recover = this.options.recoverFromCrash ?? true;
    this.options.logger?.error(
      {
        groupId: this.options.groupId,
        error: describe(crash.error),
        kafkajsRestarts: crash.restart,
        recover,
      },
      crash.restart
        ? 'consumer crashed; kafkajs restarts it'
        : recover
          ? 'consumer crashed and kafkajs does not restart it; starting a new one'
          : 'consumer crashed and stays stopped',
    );
    this.options.observer?.crashed?.(this.options.groupId, recover);
    if (!recover) return;
    if (!crash.restart) {
      void this.recover();
      return;
    }
    this.clearRejoinTimer();
    this.rejoinTimer = setTimeout(() => {
      this.rejoinTimer = null;
      this.options.logger?.error(
        { groupId: this.options.groupId },
        'consumer did not rejoin its group after a restart; starting a new one',
      );
      void this.recover();
    }, this.options.rejoinDeadlineMs ?? 60_000);
    this.rejoinTimer.unref();
  }

  private clearRejoinTimer(): void {
    if (this.rejoinTimer) clearTimeout(this.rejoinTimer);
    this.rejoinTimer = null;
  }

  /**
   * Replaces kafkajs's consumer by a new one, with backoff while that fails. What was applied and
   * not committed is delivered again (handlers are idempotent).
   */
  private async recover(): Promise<void> {
    if (this.recovering) return;
    this.recovering = true;
    this.clearRejoinTimer();
    this.uncommitted.clear();
    let delay = 500;
    try {
      while (this.running) {
        const dead = this.consumer;
        await dead.disconnect().catch(() => undefined);
        this.consumer = this.createConsumer();
        try {
          await this.run(this.consumer);
          this.recoveries++;
          this.options.logger?.warn({ groupId: this.options.groupId }, 'consumer replaced');
          return;
        } catch (error) {
          this.options.logger?.warn(
            { groupId: this.options.groupId, error: describe(error) },
            'replacing the consumer failed; retrying',
          );
          await sleep(delay);
          delay = Math.min(delay * 2, 10_000);
        }
      }
    } finally {
      this.recovering = false;
    }
  }

  async stop(): Promise<void> {
    if (this.running) this.options.observer?.stopped?.(this.options.groupId);
    this.running = false;
    this.clearRejoinTimer();
    await this.commitApplied().catch((error: unknown) =>
      this.options.logger?.warn({ error: describe(error) }, 'offset commit on stop failed'),
    );
    await this.consumer.disconnect();
    this.options.logger?.info({ groupId: this.options.groupId }, 'consumer stopped');
  }

  /** Commits the offsets of the batches applied since the last commit. */
  private async commitApplied(): Promise<void> {
    if (this.commitTimer) clearTimeout(this.commitTimer);
    this.commitTimer = null;
    if (this.uncommitted.size === 0) return;
    const offsets = [...this.uncommitted.values()];
    this.uncommitted.clear();
    this.lastCommitAt = Date.now();
    await this.consumer.commitOffsets(offsets);
  }

  /** After a batch: commit now if the interval has passed, else when it has (if still pending). */
  private async commitSoon(): Promise<void> {
    const wait = this.lastCommitAt + this.commitIntervalMs - Date.now();
    if (wait <= 0) return this.commitApplied();
    // Stopping: a batch that ends after stop() committed is read again by the next consumer.
    if (!this.running) return;
    this.commitTimer ??= setTimeout(() => {
      this.commitTimer = null;
      // A rebalance may have moved the partitions: the new owner then repeats a few records.
      this.commitApplied().catch((error: unknown) =>
        this.options.logger?.warn({ error: describe(error) }, 'offset commit failed'),
      );
    }, wait);
  }

  private async onBatch({
    batch,
    heartbeat,
    isRunning,
    isStale,
    resolveOffset,
  }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0) return;
    const started = process.hrtime.bigint();
    let split = false;
    const decoded: { raw: RawEvent; value: T }[] = [];
    const dead: { raw: RawEvent; error: unknown }[] = [];
    for (const message of batch.messages) {
      const raw = toRaw(batch.topic, batch.partition, message);
      try {
        decoded.push({ raw, value: this.options.decode(raw) });
      } catch (error) {
        dead.push({ raw, error });
      }
    }
    const alive = () => isRunning() && !isStale();
    // A span per record, child of the trace its headers carry (when tracing is on).
    const spans = startEventSpans(
      'process',
      decoded.map((d) => d.raw),
    );
    try {
      if (dead.length > 0) await this.deadLetter(dead);
      if (decoded.length > 0) {
        const error = await this.attempt(
          () => this.handle(decoded.map((d) => d.value)),
          heartbeat,
          alive,
        );
        if (error !== undefined) {
          split = true;
          this.options.logger?.warn(
            {
              topic: batch.topic,
              partition: batch.partition,
              size: decoded.length,
              error: describe(error),
            },
            'batch failed after retries; applying its records one by one',
          );
          for (const item of decoded) {
            const single = await this.attempt(() => this.handle([item.value]), heartbeat, alive);
            if (single !== undefined) await this.deadLetter([{ raw: item.raw, error: single }]);
          }
        }
      }
    } catch (error) {
      endSpans(spans, error);
      if (error instanceof ConsumerStopping) return; // nothing committed: redelivered after restart
      throw error;
    }
    endSpans(spans);
    const last = batch.messages[batch.messages.length - 1].offset;
    resolveOffset(last);
    this.options.observer?.batchDone?.({
      groupId: this.options.groupId,
      topic: batch.topic,
      partition: batch.partition,
      records: batch.messages.length,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      split,
    });
    this.uncommitted.set(`${batch.topic}\u0000${batch.partition}`, {
      topic: batch.topic,
      partition: batch.partition,
      offset: (BigInt(last) + 1n).toString(),
    });
    await this.commitSoon();
    await heartbeat();
  }

  /** Runs `work` with backoff; returns the last error once retries are used up, undefined on success. */
  private async attempt(
    work: () => Promise<void>,
    heartbeat: () => Promise<void>,
    alive: () => boolean,
  ): Promise<unknown> {
    let delay = this.retry.initialMs;
    for (let attempt = 0; ; attempt++) {
      try {
        await work();
        return undefined;
      } catch (error) {
        const transient = this.options.isTransient?.(error) ?? false;
        if (!transient && attempt >= this.retry.retries) return error;
        this.options.logger?.warn(
          { attempt, transient, error: describe(error) },
          'consumer handler failed, retrying',
        );
        if (!alive()) throw new ConsumerStopping();
        await sleep(delay);
        delay = Math.min(delay * 2, this.retry.maxMs);
        await heartbeat();
      }
    }
  }

  private async deadLetter(items: { raw: RawEvent; error: unknown }[]): Promise<void> {
    for (const { raw, error } of items) {
      this.options.logger?.error(
        {
          topic: raw.topic,
          partition: raw.partition,
          offset: raw.offset,
          key: raw.key,
          error: describe(error),
        },
        'sending record to dead-letter topic',
      );
    }
    await this.options.dlq.send(
      items.map(({ raw, error }) => ({
        topic: dlqTopic(raw.topic),
        key: raw.key || `${raw.topic}/${raw.partition}/${raw.offset}`,
        value: raw.value,
        headers: {
          ...raw.headers,
          [HEADERS.error]: describe(error).slice(0, 2000),
          [HEADERS.originalTopic]: raw.topic,
          [HEADERS.originalPartition]: String(raw.partition),
          [HEADERS.originalOffset]: raw.offset,
          [HEADERS.consumerGroup]: this.options.groupId,
        },
      })),
    );
    for (const { raw } of items)
      this.options.observer?.deadLettered?.(this.options.groupId, raw.topic, 1);
  }
}

/**
 * Starts consumers made by `create` until one starts, with exponential backoff while Kafka is
 * unreachable (services boot and report not-ready instead of crashing). Returns null when
 * `isStopped()` turns true first.
 */
export async function startConsumerWithRetry<T>(
  create: () => BatchConsumer<T>,
  options: { isStopped: () => boolean; logger?: KafkaLogger; label: string },
): Promise<BatchConsumer<T> | null> {
  let delay = 500;
  while (!options.isStopped()) {
    const consumer = create();
    try {
      await consumer.start();
      options.logger?.info({ consumer: options.label }, 'consumer started');
      return consumer;
    } catch (error) {
      options.logger?.warn(
        { consumer: options.label, error: error instanceof Error ? error.message : String(error) },
        'consumer could not start; retrying',
      );
      await consumer.stop().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  }
  return null;
}
