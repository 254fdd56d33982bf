import { TOPICS } from '@dpi/contracts';
import { createTestNamespace, eventually, KafkaProbe, kafkaBrokers } from '@dpi/testing';
import { randomUUID } from 'node:crypto';
import { createKafka } from './config';
import { HEADERS } from './envelope';
import { ManagedProducer } from './producer';
import { replayDeadLetters } from './replay';
import { dlqTopic, prefixedTopic } from './topics';

describe('replayDeadLetters (real Kafka)', () => {
  const kafka = createKafka(
    { KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC_PREFIX: '' },
    'replay-int',
  );
  let producer: ManagedProducer;

  beforeAll(() => {
    producer = new ManagedProducer(kafka);
  });
  afterAll(() => producer.disconnect());

  it('re-feeds dead letters to their original topic with their own headers, once', async () => {
    const ns = await createTestNamespace('replay');
    const topic = prefixedTopic(TOPICS.registryPlatform, ns.topicPrefix);
    const dlq = dlqTopic(topic);
    const keys = [randomUUID(), randomUUID()];
    await producer.send(
      keys.map((key) => ({
        topic: dlq,
        key,
        value: Buffer.from(key),
        headers: {
          [HEADERS.eventId]: `event-${key}`,
          [HEADERS.originalTopic]: topic,
          [HEADERS.error]: 'boom',
        },
      })),
    );
    const probe = await new KafkaProbe(topic).start();
    const groupId = `${ns.topicPrefix}replay`;

    expect(
      await replayDeadLetters({ kafka, dlqTopic: dlq, sender: producer, groupId, dryRun: true }),
    ).toEqual({
      replayed: 2,
      byTopic: { [topic]: 2 },
    });
    expect(
      await replayDeadLetters({ kafka, dlqTopic: dlq, sender: producer, groupId }),
    ).toMatchObject({ replayed: 2 });
    await eventually(() =>
      expect(probe.messages.map((m) => m.key).sort()).toEqual([...keys].sort()),
    );
    const replayed = probe.messages[0];
    expect(replayed.headers[HEADERS.eventId]).toBe(`event-${replayed.key}`);
    expect(replayed.headers[HEADERS.error]).toBeUndefined();
    expect(replayed.value?.toString()).toBe(replayed.key);

    expect(await replayDeadLetters({ kafka, dlqTopic: dlq, sender: producer, groupId })).toEqual({
      replayed: 0,
      byTopic: {},
    });
    await probe.stop();
  });
});
