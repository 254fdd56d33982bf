import { Kafka, KafkaConfig, logLevel, LogEntry } from 'kafkajs';
import { z } from 'zod';

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

/** The subset of a pino-style logger this lib writes to. */
export interface KafkaLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

function logCreator(logger: KafkaLogger) {
  return () =>
    ({ level, label, log }: LogEntry) => {
      const { message, ...rest } = log;
      const entry = { kafkajs: rest, kafkaLabel: label };
      if (level <= logLevel.ERROR) logger.error(entry, message);
      else if (level === logLevel.WARN) logger.warn(entry, message);
      else if (level === logLevel.INFO) logger.info(entry, message);
      else logger.debug(entry, message);
    };
}

export function kafkaConfig(env: KafkaEnv, clientId: string, logger?: KafkaLogger): KafkaConfig {
  return {
    clientId,
    brokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { initialRetryTime: 100, retries: 8 },
    // Without a structured logger (CLIs, tests) only errors reach the console.
    logLevel: logger ? logLevel.WARN : logLevel.ERROR,
    ...(logger ? { logCreator: logCreator(logger) } : {}),
  };
}

/** The one place a kafkajs client is constructed. */
export function createKafka(env: KafkaEnv, clientId: string, logger?: KafkaLogger): Kafka {
  return new Kafka(kafkaConfig(env, clientId, logger));
}
