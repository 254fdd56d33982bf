import { OutboxRelay } from '@dpi/db';
import { ManagedProducer } from '@dpi/kafka';
import { KAFKA_PRODUCER } from '@dpi/service-kit';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import { HarvesterEnv } from '../config';

/** Publishes the harvester's outbox (record and job events) to Kafka in commit order. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(ConfigService) config: ConfigService<HarvesterEnv, true>,
    @Inject(KAFKA_PRODUCER) producer: ManagedProducer,
    logger: PinoLogger,
  ) {
    logger.setContext('OutboxRelay');
    this.relay = new OutboxRelay({
      url: config.get('DATABASE_URL', { infer: true }),
      schema: config.get('DB_SCHEMA', { infer: true }),
      batchSize: config.get('OUTBOX_BATCH_SIZE', { infer: true }),
      pollIntervalMs: config.get('OUTBOX_POLL_INTERVAL_MS', { infer: true }),
      publish: (events) => producer.send(events),
      logger: logger.logger,
    });
  }

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  stats() {
    return this.relay.getStats();
  }
}
