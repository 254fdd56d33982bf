import { isTransientDbError } from '@dpi/db';
import { BatchConsumer, ManagedProducer, startConsumerWithRetry } from '@dpi/kafka';
import { ConsumerMetrics, KAFKA, KAFKA_PRODUCER } from '@dpi/service-kit';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { ReportingEnv } from '../config';
import { RuleEvaluator } from '../handlungsbedarfe/rule-evaluator';
import { LiveEvents } from '../live/live-events';
import { ReadModelsRepository } from './read-models.repository';
import {
  byModel,
  ReadModelChange,
  readModelDecoder,
  ReadModelName,
  readModelTopics,
} from './read-models';

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
    private readonly live: LiveEvents,
    private readonly rules: RuleEvaluator,
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

  /** One statement per read model of the batch (a batch is one partition of one topic). */
  private async apply(changes: ReadModelChange[]): Promise<void> {
    const at = new Date().toISOString();
    const changed: ReadModelName[] = [];
    for (const [model, group] of byModel(changes)) {
      const ids = await this.repository.applyChanges(model, group);
      if (ids.length === 0) continue;
      changed.push(model);
      const nonPublic = await this.repository.nonPublicAmong(model, ids);
      this.live.publish({ type: 'changed', model, ids, at, nonPublic });
    }
    if (changed.length > 0) this.rules.requestEvaluation(changed);
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
