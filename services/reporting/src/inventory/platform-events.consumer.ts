import { TOPICS } from '@dpi/contracts';
import { isTransientDbError } from '@dpi/db';
import { BatchConsumer, ManagedProducer, prefixedTopic } from '@dpi/kafka';
import { KAFKA, KAFKA_PRODUCER } from '@dpi/service-kit';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { ReportingEnv } from '../config';
import { InventoryRepository } from './inventory.repository';
import { PlatformChange, toPlatformChange } from './platform-event';

/** Projects dpi.registry.platform.v1 into the platform read model. */
@Injectable()
export class PlatformEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: BatchConsumer<PlatformChange> | null = null;
  private starting: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: ManagedProducer,
    @Inject(ConfigService) private readonly config: ConfigService<ReportingEnv, true>,
    private readonly repository: InventoryRepository,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('PlatformEventsConsumer');
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

  private async startWithRetry(): Promise<void> {
    const prefix = this.config.get('KAFKA_TOPIC_PREFIX', { infer: true });
    let delay = 500;
    while (!this.stopped) {
      const consumer = new BatchConsumer<PlatformChange>({
        kafka: this.kafka,
        groupId: `${prefix}${this.config.get('KAFKA_GROUP_ID', { infer: true })}`,
        topics: [prefixedTopic(TOPICS.registryPlatform, prefix)],
        decode: toPlatformChange,
        handle: (changes) => this.repository.applyPlatformChanges(changes),
        dlq: this.producer,
        isTransient: isTransientDbError,
        logger: this.logger.logger,
      });
      try {
        if (this.stopped) return;
        await consumer.start();
        this.consumer = consumer;
        this.logger.info('consuming dpi.registry.platform.v1');
        return;
      } catch (error) {
        this.logger.warn(
          { error: error instanceof Error ? error.message : String(error) },
          'consumer could not start; retrying',
        );
        await consumer.stop().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 10_000);
      }
    }
  }
}
