import { isTransientDbError } from '@dpi/db';
import { BatchConsumer, ManagedProducer, startConsumerWithRetry } from '@dpi/kafka';
import { ConsumerMetrics, KAFKA, KAFKA_PRODUCER } from '@dpi/service-kit';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { ReportingEnv } from '../config';
import { ReadModelsChanged } from '../changes/read-models-changed';
import { ReadModelsRepository } from './read-models.repository';
import { byModel, ReadModelChange, readModelDecoder, readModelTopics } from './read-models';

/** Projects every registry topic and dpi.harvest.job.v1 into reporting's read models. */
@Injectable()
export class ReadModelsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: BatchConsumer<ReadModelChange> | null = null;
  private starting: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: ManagedProducer,
    @Inject(ConfigService) private readonly config: ConfigService<ReportingEnv, true>,
    private readonly repository: ReadModelsRepository,
    private readonly changed: ReadModelsChanged,
    private readonly consumerMetrics: ConsumerMetrics,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('ReadModelsConsumer');
  }

  onApplicationBootstrap(): void {
    // Not awaited: the service boots (and reports not-ready) even while Kafka is down.
    this.starting = this.startWithRetry();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.consumer?.stop();
  }

  /**
   * One statement per read model of the batch (a batch is one partition of one topic), each
   * announced to every replica by its transaction.
   */
  private async apply(changes: ReadModelChange[]): Promise<void> {
    const at = new Date().toISOString();
    for (const [model, group] of byModel(changes))
      await this.repository.applyAndAnnounce(model, group, ({ ids, nonPublic }, manager) =>
        this.changed.announce({ type: 'changed', model, ids, at, nonPublic }, manager),
      );
  }

  private async startWithRetry(): Promise<void> {
    const prefix = this.config.get('KAFKA_TOPIC_PREFIX', { infer: true });
    this.consumer = await startConsumerWithRetry(
      () =>
        new BatchConsumer<ReadModelChange>({
          kafka: this.kafka,
          groupId: `${prefix}${this.config.get('KAFKA_GROUP_ID', { infer: true })}`,
          topics: readModelTopics(prefix),
          decode: readModelDecoder(prefix, {
            cronTimeZone: this.config.get('HARVEST_CRON_TIMEZONE', { infer: true }),
          }),
          handle: (changes) => this.apply(changes),
          dlq: this.producer,
          isTransient: isTransientDbError,
          logger: this.logger.logger,
          observer: this.consumerMetrics,
        }),
      { isStopped: () => this.stopped, logger: this.logger.logger, label: 'read-model topics' },
    );
  }
}
