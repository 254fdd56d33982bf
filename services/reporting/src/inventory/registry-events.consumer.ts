import { TOPICS } from '@dpi/contracts';
import { isTransientDbError } from '@dpi/db';
import {
  BatchConsumer,
  ManagedProducer,
  prefixedTopic,
  RawEvent,
  startConsumerWithRetry,
} from '@dpi/kafka';
import { KAFKA, KAFKA_PRODUCER } from '@dpi/service-kit';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { ReportingEnv } from '../config';
import { InventoryRepository } from './inventory.repository';
import { PlatformChange, toPlatformChange } from './platform-event';
import { toTwinChange, TwinChange } from './twin-event';

/** A decoded registry event, tagged with the read model it belongs to. */
export type RegistryChange =
  { model: 'platform'; change: PlatformChange } | { model: 'twin'; change: TwinChange };

/** Decodes by topic: each registry topic carries one message type. */
export function registryDecoder(prefix: string): (raw: RawEvent) => RegistryChange {
  const platformTopic = prefixedTopic(TOPICS.registryPlatform, prefix);
  const twinTopic = prefixedTopic(TOPICS.registryDigitalTwin, prefix);
  return (raw) => {
    if (raw.topic === platformTopic) return { model: 'platform', change: toPlatformChange(raw) };
    if (raw.topic === twinTopic) return { model: 'twin', change: toTwinChange(raw) };
    throw new Error(`no read model for topic ${raw.topic}`);
  };
}

/** Projects the registry topics into reporting's read models. */
@Injectable()
export class RegistryEventsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer: BatchConsumer<RegistryChange> | null = null;
  private starting: Promise<void> | null = null;
  private stopped = false;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: ManagedProducer,
    @Inject(ConfigService) private readonly config: ConfigService<ReportingEnv, true>,
    private readonly repository: InventoryRepository,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('RegistryEventsConsumer');
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

  /** A batch holds one partition of one topic, so it is all of one model. */
  private async apply(changes: RegistryChange[]): Promise<void> {
    const platforms = changes.flatMap((c) => (c.model === 'platform' ? [c.change] : []));
    const twins = changes.flatMap((c) => (c.model === 'twin' ? [c.change] : []));
    if (platforms.length > 0) await this.repository.applyPlatformChanges(platforms);
    if (twins.length > 0) await this.repository.applyTwinChanges(twins);
  }

  private async startWithRetry(): Promise<void> {
    const prefix = this.config.get('KAFKA_TOPIC_PREFIX', { infer: true });
    const topics = [TOPICS.registryPlatform, TOPICS.registryDigitalTwin].map((t) =>
      prefixedTopic(t, prefix),
    );
    this.consumer = await startConsumerWithRetry(
      () =>
        new BatchConsumer<RegistryChange>({
          kafka: this.kafka,
          groupId: `${prefix}${this.config.get('KAFKA_GROUP_ID', { infer: true })}`,
          topics,
          decode: registryDecoder(prefix),
          handle: (changes) => this.apply(changes),
          dlq: this.producer,
          isTransient: isTransientDbError,
          logger: this.logger.logger,
        }),
      { isStopped: () => this.stopped, logger: this.logger.logger, label: 'registry topics' },
    );
  }
}
