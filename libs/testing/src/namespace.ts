import { TOPIC_SPECS } from '@dpi/contracts';
import { createKafka, ensureTopics } from '@dpi/kafka';
import { randomBytes } from 'node:crypto';
import { currentTestLog, databaseUrl, kafkaBrokers } from './infra';
import { testRunId } from './run';

export interface TestNamespace {
  /** Database schema of the service under test, unique to this namespace. */
  schema: (service: string) => string;
  /** Prefix of every topic (and consumer group) in this namespace. */
  topicPrefix: string;
  /** Environment for a service process or Nest app running inside the namespace. */
  env: (service: string, extra?: Record<string, string>) => Record<string, string>;
}

/**
 * An isolated slice of the real servers for one test file: its own schemas and its own topics
 * (created here, with the production specs). Everything of the run is dropped in globalTeardown.
 */
export async function createTestNamespace(label: string): Promise<TestNamespace> {
  const run = testRunId();
  const tag = `${label.replace(/[^a-z0-9]/g, '')}${randomBytes(2).toString('hex')}`;
  const topicPrefix = `${run}.${tag}.`;
  const schema = (service: string) => `${service}_${run}_${tag}`.toLowerCase();
  const kafka = createKafka(
    { KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC_PREFIX: topicPrefix },
    `test-${tag}`,
  );
  await ensureTopics(kafka, TOPIC_SPECS, topicPrefix);
  const testLog = currentTestLog();
  return {
    schema,
    topicPrefix,
    env: (service, extra = {}) => ({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      // The test file's log, not the console: printed only when the test file fails.
      ...(testLog ? { LOG_FILE: testLog } : {}),
      DATABASE_URL: databaseUrl(),
      KAFKA_BROKERS: kafkaBrokers(),
      KAFKA_TOPIC_PREFIX: topicPrefix,
      DB_SCHEMA: schema(service),
      ...extra,
    }),
  };
}
