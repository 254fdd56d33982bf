import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSourceOptions } from 'typeorm';
import { z, ZodTypeAny } from 'zod';
import { validateEnv } from './config';
import { HealthModule } from './health/health.module';
import { KafkaModule } from './kafka/kafka.module';
import { loggerParams } from './logger';
import { MetricsModule } from './metrics/metrics.module';

export interface ServiceCoreOptions<S extends ZodTypeAny> {
  /** Service name: logger name, Kafka client id, application_name. */
  name: string;
  envSchema: S;
  /** TypeORM options of the service's own schema, from its validated environment. */
  dataSource: (env: z.infer<S>) => DataSourceOptions;
}

/**
 * What every service imports first: validated config, JSON logger, its schema, Kafka, health,
 * metrics.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot<S extends ZodTypeAny>(options: ServiceCoreOptions<S>): DynamicModule {
    let env: z.infer<S> | undefined;
    const validate = (raw: Record<string, unknown>) => (env = validateEnv(options.envSchema, raw));
    const validated = (): z.infer<S> => {
      if (!env) throw new Error('configuration read before validation');
      return env;
    };
    return {
      module: ServiceCoreModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate }),
        LoggerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            loggerParams(
              options.name,
              config.getOrThrow<string>('LOG_LEVEL'),
              config.get<string>('LOG_FILE'),
            ),
        }),
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: () => ({
            ...options.dataSource(validated()),
            retryAttempts: 5,
            retryDelay: 1000,
          }),
        }),
        KafkaModule.forService(options.name),
        HealthModule,
        MetricsModule.forService(options.name),
      ],
    };
  }
}
