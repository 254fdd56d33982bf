import { DbEnv, OutboxEnv, OutboxRelay } from '@dpi/db';
import { ManagedProducer } from '@dpi/kafka';
import {
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { PinoLogger } from 'nestjs-pino';
import { KAFKA_PRODUCER } from '../kafka/kafka.module';

type RelayEnv = DbEnv & OutboxEnv & { DB_SCHEMA: string };

/**
 * Publishes the service's outbox (its schema's `outbox` table) to Kafka in commit order while the
 * service is up; one relay per schema leads (advisory lock), see libs/db OutboxRelay.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(ConfigService) config: ConfigService<RelayEnv, true>,
    @Inject(KAFKA_PRODUCER) producer: ManagedProducer,
    logger: PinoLogger,
  ) {
    logger.setContext('OutboxRelay');
    this.relay = new OutboxRelay({
      url: config.get('DATABASE_URL', { infer: true }),
      schema: config.get('DB_SCHEMA', { infer: true }),
      batchSize: config.get('OUTBOX_BATCH_SIZE', { infer: true }),
      pollIntervalMs: config.get('OUTBOX_POLL_INTERVAL_MS', { infer: true }),
      lingerMs: config.get('OUTBOX_LINGER_MS', { infer: true }),
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

/** Import in a service whose env schema merges dbEnvSchema and outboxEnvSchema. */
@Module({ providers: [OutboxRelayService], exports: [OutboxRelayService] })
export class OutboxRelayModule {}
