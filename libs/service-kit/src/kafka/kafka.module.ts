import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createKafka, KafkaEnv, ManagedProducer } from '@dpi/kafka';
import { Admin, Kafka } from 'kafkajs';
import { PinoLogger } from 'nestjs-pino';
import { ConsumerHost } from './consumer-host';
import { KAFKA, KAFKA_ADMIN, KAFKA_PRODUCER } from './kafka.tokens';

export { KAFKA, KAFKA_ADMIN, KAFKA_PRODUCER };

@Injectable()
class KafkaLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(KAFKA_PRODUCER) private readonly producer: ManagedProducer,
    @Inject(KAFKA_ADMIN) private readonly admin: Admin,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('KafkaLifecycle');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
    this.logger.info('Kafka producer and admin disconnected');
  }
}

/**
 * Thin Nest wrapper around @dpi/kafka: one client, one idempotent producer, one admin per service,
 * and the host of its consumers (see HostedConsumer).
 */
@Global()
@Module({})
export class KafkaModule {
  static forService(clientId: string): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        {
          provide: KAFKA,
          inject: [ConfigService, PinoLogger],
          useFactory: (config: ConfigService<KafkaEnv, true>, logger: PinoLogger) => {
            logger.setContext('kafkajs');
            return createKafka(
              {
                KAFKA_BROKERS: config.get('KAFKA_BROKERS', { infer: true }),
                KAFKA_TOPIC_PREFIX: config.get('KAFKA_TOPIC_PREFIX', { infer: true }),
              },
              clientId,
              logger.logger,
            );
          },
        },
        {
          provide: KAFKA_PRODUCER,
          inject: [KAFKA],
          useFactory: (kafka: Kafka) => new ManagedProducer(kafka),
        },
        { provide: KAFKA_ADMIN, inject: [KAFKA], useFactory: (kafka: Kafka) => kafka.admin() },
        KafkaLifecycle,
        ConsumerHost,
      ],
      exports: [KAFKA, KAFKA_PRODUCER, KAFKA_ADMIN, ConsumerHost],
    };
  }
}
