import { TOPIC_SPECS } from '@dpi/contracts';
import { kafkaBrokers, newTestRunId } from '@dpi/testing';
import { ConfigResourceTypes } from 'kafkajs';
import { ensureTopics, recreateTopics } from './admin';
import { createKafka } from './config';
import { dlqTopic, prefixedTopic } from './topics';

describe('ensureTopics (real Kafka)', () => {
  const kafka = createKafka({ KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC_PREFIX: '' }, 'admin-int');

  it('creates every topic and its DLQ once, compacting registry topics', async () => {
    const prefix = `${process.env.DPI_TEST_RUN_ID ?? newTestRunId()}.admin.`;
    const first = await ensureTopics(kafka, TOPIC_SPECS, prefix);
    expect(first.created).toHaveLength(TOPIC_SPECS.length * 2);
    const second = await ensureTopics(kafka, TOPIC_SPECS, prefix);
    expect(second).toEqual({ created: [], existing: first.created });

    const admin = kafka.admin();
    await admin.connect();
    try {
      for (const spec of TOPIC_SPECS) {
        const name = prefixedTopic(spec.name, prefix);
        const [metadata] = (await admin.fetchTopicMetadata({ topics: [name] })).topics;
        expect(metadata.partitions).toHaveLength(spec.partitions);
        const { resources } = await admin.describeConfigs({
          includeSynonyms: false,
          resources: [
            { type: ConfigResourceTypes.TOPIC, name, configNames: ['cleanup.policy'] },
            {
              type: ConfigResourceTypes.TOPIC,
              name: dlqTopic(name),
              configNames: ['cleanup.policy'],
            },
          ],
        });
        const policy = (topic: string) =>
          resources.find((r) => r.resourceName === topic)?.configEntries[0]?.configValue;
        expect(policy(name)).toBe(spec.compacted ? 'compact' : 'delete');
        expect(policy(dlqTopic(name))).toBe('delete');
      }
    } finally {
      await admin.disconnect();
    }
  });

  it('recreateTopics empties the prefix: messages are gone, every topic exists again', async () => {
    const prefix = `${process.env.DPI_TEST_RUN_ID ?? newTestRunId()}.recreate.`;
    await ensureTopics(kafka, TOPIC_SPECS, prefix);
    const topic = prefixedTopic(TOPIC_SPECS[0].name, prefix);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'k', value: 'v' }] });
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    try {
      const sum = async () =>
        (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
      expect(await sum()).toBe(1);
      const result = await recreateTopics(kafka, TOPIC_SPECS, prefix);
      expect(result.created).toHaveLength(TOPIC_SPECS.length * 2);
      expect(await sum()).toBe(0);
    } finally {
      await admin.disconnect();
    }
    await expect(recreateTopics(kafka, TOPIC_SPECS, '')).rejects.toThrow('needs a topic prefix');
  });
});
