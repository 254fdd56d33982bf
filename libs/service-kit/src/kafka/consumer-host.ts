import type { TopicName } from '@dpi/contracts';
import { isTransientDbError } from '@dpi/db';
import {
  BatchConsumer,
  BatchConsumerOptions,
  KafkaEnv,
  logicalTopic,
  ManagedProducer,
  prefixedTopic,
  RawEvent,
  startConsumerWithRetry,
} from '@dpi/kafka';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { ConsumerMetrics } from '../metrics/consumer-metrics';
import { KAFKA, KAFKA_PRODUCER } from './kafka.tokens';

/** What a service says about one consumer; the host adds everything else. */
export interface HostedConsumerOptions<T> extends Pick<
  BatchConsumerOptions<T>,
  'concurrentPartitions' | 'retry' | 'fromBeginning' | 'commitIntervalMs'
> {
  /** What it reads, for the logs (`harvest records`). */
  label: string;
  /** Logical topics (TOPICS.*): the host subscribes to them with the deployment's prefix. */
  topics: readonly TopicName[];
  /**
   * Validates and decodes one record; `raw.topic` is the logical topic (no prefix). A throw sends
   * the record to the topic's DLQ at once (it would never succeed).
   */
  decode: (raw: RawEvent) => T;
  /** The consumer group, default KAFKA_GROUP_ID; the prefix is added either way. */
  groupId?: string;
  /** Errors retried however long it takes, never dead-lettered (default: database unreachable). */
  isTransient?: (error: unknown) => boolean;
}

type HostEnv = KafkaEnv & { KAFKA_GROUP_ID: string };

/**
 * What every consumer of a service shares: its Kafka client, its producer (dead letters), the
 * topic prefix and group id from the configuration, the consumer metrics. Global (KafkaModule);
 * consumers get it injected and pass it to {@link HostedConsumer}.
 */
@Injectable()
export class ConsumerHost {
  private readonly prefix: string;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: ManagedProducer,
    @Inject(ConfigService) private readonly config: ConfigService<HostEnv, true>,
    private readonly metrics: ConsumerMetrics,
  ) {
    // One of the two places the prefix is applied (the other: the outbox relay, on publishing).
    this.prefix = config.get('KAFKA_TOPIC_PREFIX', { infer: true });
  }

  /** A BatchConsumer of `options`, not started. */
  consumer<T>(
    options: HostedConsumerOptions<T>,
    handle: (events: T[]) => Promise<void>,
    logger: PinoLogger,
  ): BatchConsumer<T> {
    const prefix = this.prefix;
    const decode = options.decode;
    const group = options.groupId ?? this.config.get('KAFKA_GROUP_ID', { infer: true });
    return new BatchConsumer<T>({
      kafka: this.kafka,
      groupId: `${prefix}${group}`,
      topics: options.topics.map((topic) => prefixedTopic(topic, prefix)),
      // Services see logical topics only; dead letters keep the prefixed origin (BatchConsumer).
      decode:
        prefix === ''
          ? decode
          : (raw) => decode({ ...raw, topic: logicalTopic(raw.topic, prefix) }),
      handle,
      concurrentPartitions: options.concurrentPartitions,
      retry: options.retry,
      fromBeginning: options.fromBeginning,
      commitIntervalMs: options.commitIntervalMs,
      dlq: this.producer,
      isTransient: options.isTransient ?? isTransientDbError,
      logger: logger.logger,
      observer: this.metrics,
    });
  }
}

/**
 * Base of every Kafka consumer of a service: give it the options, implement `handle`, provide the
 * subclass in its feature module. It starts on application bootstrap without being awaited (the
 * service boots, not ready, while Kafka is down), retries the start with backoff until it works,
 * and stops (committing what was applied) on shutdown. Retries, splitting failed batches, dead
 * letters: see libs/kafka BatchConsumer.
 *
 *     @Injectable()
 *     export class ThingsConsumer extends HostedConsumer<ThingChange> {
 *       constructor(host: ConsumerHost, private readonly things: ThingsRepository, logger: PinoLogger) {
 *         super(host, logger, { label: 'things', topics: [TOPICS.things], decode: toThingChange });
 *         logger.setContext('ThingsConsumer');
 *       }
 *       protected handle(changes: ThingChange[]): Promise<void> {
 *         return this.things.apply(changes);
 *       }
 *     }
 */
export abstract class HostedConsumer<T> implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: BatchConsumer<T> | null = null;
  private starting: Promise<void> | null = null;
  private stopped = false;

  protected constructor(
    private readonly host: ConsumerHost,
    private readonly hostLogger: PinoLogger,
    private readonly options: HostedConsumerOptions<T>,
  ) {}

  /** Applies a batch of decoded records in offset order; must be idempotent (batches can repeat). */
  protected abstract handle(events: T[]): Promise<void>;

  onApplicationBootstrap(): void {
    // Not awaited: the service boots (and reports not-ready) even while Kafka is down.
    this.starting = this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.consumer?.stop();
  }

  private async start(): Promise<void> {
    const logger = this.hostLogger.logger;
    this.consumer = await startConsumerWithRetry(
      () => this.host.consumer(this.options, (events) => this.handle(events), this.hostLogger),
      { isStopped: () => this.stopped, logger, label: this.options.label },
    );
  }
}
