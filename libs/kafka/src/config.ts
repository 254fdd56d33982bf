import { Kafka, KafkaConfig, logLevel } from 'kafkajs';
import { z } from 'zod';
import { consoleErrorLogger, KafkaLogger, kafkaLogCreator } from './logging';

export type { KafkaLogger } from './logging';

/** Environment of every Kafka user. Services merge it into their own validated config. */
export const kafkaEnvSchema = z.object({
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:59092')
    .refine((value) => value.split(',').every((b) => /^[^\s:]+:\d{1,5}$/.test(b.trim())), {
      message: 'must be a comma-separated list of host:port',
    }),
  /** Prepended to every topic name; isolates test runs on a shared broker. */
  KAFKA_TOPIC_PREFIX: z
    .string()
    .regex(/^[a-z0-9._-]*$/, 'may contain only a-z, 0-9, ".", "_" and "-"')
    .default(''),
});
export type KafkaEnv = z.infer<typeof kafkaEnvSchema>;

export function kafkaConfig(env: KafkaEnv, clientId: string, logger?: KafkaLogger): KafkaConfig {
  return {
    clientId,
    brokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 100, retries: 8 },
    logLevel: logger ? logLevel.WARN : logLevel.ERROR,
    logCreator: kafkaLogCreator(logger ?? consoleErrorLogger),
  };
}

/** The one place a kafkajs client is constructed. */
export function createKafka(env: KafkaEnv, clientId: string, logger?: KafkaLogger): Kafka {
  return new Kafka(kafkaConfig(env, clientId, logger));
}
