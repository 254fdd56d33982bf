import { TOPIC_SPECS } from '@dpi/contracts';
import { kafkaBrokers, newTestRunId } from '@dpi/testing';
import { ensureTopics } from './admin';
import { createKafka } from './config';
import { recordingLogger } from './logging.test-helper';

describe('ensureTopics waits until new topics are served (real Kafka)', () => {
  it('returns once every partition answers, and logs no error while it waits', async () => {
    const prefix = `${process.env.DPI_TEST_RUN_ID ?? newTestRunId()}.served.`;
    const env = { KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC_PREFIX: '' };
    const creator = recordingLogger();
    const { created } = await ensureTopics(
      createKafka(env, 'served-int', creator.logger),
      TOPIC_SPECS,
      prefix,
    );
    expect(created).toHaveLength(TOPIC_SPECS.length * 2);
    expect(creator.lines.filter((l) => l.level === 'error')).toEqual([]);

    // A client that has not waited: every partition answers its first offset request.
    const reader = recordingLogger();
    const admin = createKafka(env, 'served-int-reader', reader.logger).admin();
    await admin.connect();
    try {
      for (const topic of created) {
        const spec = TOPIC_SPECS.find((s) => topic === `${prefix}${s.name}`);
        const offsets = await admin.fetchTopicOffsets(topic);
        expect(offsets).toHaveLength(spec?.partitions ?? 1);
      }
    } finally {
      await admin.disconnect();
    }
    expect(reader.lines.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
  });
});
