import { TOPICS } from '@dpi/contracts';
import {
  createTestNamespace,
  eventually,
  KafkaProbe,
  kafkaBrokers,
  partitionEnds,
} from '@dpi/testing';
import { Partitioners } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { createKafka } from './config';
import { BatchConsumer, RawEvent } from './consumer';
import { HEADERS } from './envelope';
import { EventSender, ManagedProducer } from './producer';
import { dlqTopic, prefixedTopic } from './topics';

/** One fresh key per partition of a topic with `partitions` partitions, as our producer places keys. */
function keyPerPartition(topic: string, partitions: number): string[] {
  const partitionOf = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 0,
    replicas: [0],
    isr: [0],
  }));
  const keys = new Map<number, string>();
  while (keys.size < partitions) {
    const key = randomUUID();
    const partition = partitionOf({ topic, partitionMetadata, message: { key, value: null } });
    if (!keys.has(partition)) keys.set(partition, key);
  }
  return [...keys.values()];
}

describe('BatchConsumer (real Kafka)', () => {
  const kafka = createKafka(
    { KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC_PREFIX: '' },
    'consumer-int',
  );
  let producer: ManagedProducer;
  let topic: string;
  let groupId: string;
  const consumers: BatchConsumer<RawEvent>[] = [];

  const consumer = (
    handle: (events: RawEvent[]) => Promise<void>,
    isTransient?: (e: unknown) => boolean,
    options: { topic?: string; groupId?: string; concurrentPartitions?: number } = {},
  ) => {
    const c = new BatchConsumer<RawEvent>({
      kafka,
      groupId: options.groupId ?? groupId,
      topics: [options.topic ?? topic],
      concurrentPartitions: options.concurrentPartitions,
      decode: (raw) => {
        if (raw.headers.poison) throw new Error('undecodable');
        return raw;
      },
      handle,
      dlq: producer,
      retry: { retries: 2, initialMs: 20, maxMs: 50 },
      isTransient,
    });
    consumers.push(c);
    return c;
  };
  const send = (keys: string[], headers: Record<string, string> = {}, to = topic) =>
    producer.send(keys.map((key) => ({ topic: to, key, value: Buffer.from(key), headers })));
  let topicPrefix: string;

  beforeAll(async () => {
    const ns = await createTestNamespace('consumer');
    topicPrefix = ns.topicPrefix;
    topic = prefixedTopic(TOPICS.registryPlatform, ns.topicPrefix);
    groupId = `${ns.topicPrefix}group`;
    producer = new ManagedProducer(kafka);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await producer.disconnect();
  });

  it('applies batches, dead-letters what keeps failing, and commits so nothing is read twice', async () => {
    const dlq = await new KafkaProbe(dlqTopic(topic)).start();
    const applied: string[] = [];
    let transientFailures = 3;
    const first = consumer(
      async (events) => {
        if (transientFailures-- > 0)
          throw Object.assign(new Error('database down'), { transient: true });
        if (events.some((e) => e.key === 'bad')) throw new Error('cannot apply bad');
        applied.push(...events.map((e) => e.key));
      },
      (e) => (e as { transient?: boolean }).transient === true,
    );
    await first.start();
    const keys = Array.from({ length: 10 }, () => randomUUID());
    await send(keys.slice(0, 5));
    await send(['bad']);
    await send(['poisoned'], { poison: '1' });
    await send(keys.slice(5));
    await eventually(() => expect([...applied].sort()).toEqual([...keys].sort()), {
      timeoutMs: 20_000,
    });
    await eventually(() =>
      expect(dlq.messages.map((m) => m.key).sort()).toEqual(['bad', 'poisoned']),
    );
    const bad = dlq.messages.find((m) => m.key === 'bad');
    expect(bad?.headers[HEADERS.error]).toContain('cannot apply bad');
    expect(bad?.headers[HEADERS.consumerGroup]).toBe(groupId);
    expect(bad?.value?.toString()).toBe('bad');
    await first.stop();

    // Same group again: committed offsets hold, so only new records arrive. One new record in
    // every partition: a partition is read in order, so a record read again would come before it.
    const second: RawEvent[] = [];
    await consumer(async (events) => void second.push(...events)).start();
    const partitions = (await partitionEnds([topic])).length;
    const later = keyPerPartition(topic, partitions);
    await send(later);
    await eventually(
      () => expect(second.map((e) => e.key)).toEqual(expect.arrayContaining(later)),
      {
        timeoutMs: 20_000,
      },
    );
    expect(second.map((e) => e.key).sort()).toEqual([...later].sort());
    expect(new Set(second.map((e) => e.partition)).size).toBe(partitions);
    // Committed within the commit interval, without another batch or a stop to trigger it.
    const admin = kafka.admin();
    await admin.connect();
    try {
      const written = (await admin.fetchTopicOffsets(topic))
        .filter((p) => p.high !== '0')
        .map((p) => `${p.partition}:${p.high}`)
        .sort();
      await eventually(async () => {
        const [group] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const committed = group.partitions
          .filter((p) => p.offset !== '-1')
          .map((p) => `${p.partition}:${p.offset}`)
          .sort();
        expect(committed).toEqual(written);
      });
    } finally {
      await admin.disconnect();
    }
    await dlq.stop();
  });

  it('hands the batches of several partitions to one call, and a bad record fails only its own batch', async () => {
    const multi = prefixedTopic(TOPICS.registryDataset, topicPrefix); // 6 partitions
    const dlq = await new KafkaProbe(dlqTopic(multi)).start();
    const calls: RawEvent[][] = [];
    const applied: string[] = [];
    const merged = consumer(
      async (events) => {
        calls.push(events);
        if (events.some((e) => e.key === 'bad')) throw new Error('cannot apply bad');
        applied.push(...events.map((e) => e.key));
      },
      undefined,
      { topic: multi, groupId: `${groupId}-merged`, concurrentPartitions: 6 },
    );
    await merged.start();
    const keys = Array.from({ length: 60 }, () => randomUUID());
    await send([...keys.slice(0, 30), 'bad', ...keys.slice(30)], {}, multi);
    await eventually(() => expect([...applied].sort()).toEqual([...keys].sort()), {
      timeoutMs: 20_000,
    });
    await eventually(() => expect(dlq.messages.map((m) => m.key)).toEqual(['bad']));
    // One send spreads the keys over the partitions; one fetch brings them, one call applies them.
    const partitionsPerCall = calls.map((events) => new Set(events.map((e) => e.partition)).size);
    expect(Math.max(...partitionsPerCall)).toBeGreaterThan(1);
    await dlq.stop();
  });
  /**
   * A crash kafkajs does not restart (a non-retriable error out of a batch: here the dead-letter
   * send, failing once) leaves kafkajs's consumer stopped for good; the BatchConsumer replaces it,
   * and the records after the crash are applied. Negative control: without recovery the same
   * crash leaves it stopped.
   */
  it.each([true, false])(
    'after a crash kafkajs does not restart (recover: %s)',
    async (recover) => {
      // A topic of its own per case, so that one case's records are not the other's.
      const crashTopic = prefixedTopic(
        recover ? TOPICS.registryEndpoint : TOPICS.registryOrganisation,
        topicPrefix,
      );
      const applied: string[] = [];
      const crashes: boolean[] = [];
      let dlqFailures = 1;
      const dlq: EventSender = {
        send: async (events) => {
          if (dlqFailures-- > 0)
            throw Object.assign(new Error('dead-letter topic unreachable'), { retriable: false });
          await producer.send(events);
        },
      };
      const crashing = new BatchConsumer<RawEvent>({
        kafka,
        groupId: `${groupId}-crash-${recover}`,
        topics: [crashTopic],
        decode: (raw) => raw,
        handle: async (events) => {
          if (events.some((e) => e.key.startsWith('bad-'))) throw new Error('cannot apply bad');
          applied.push(...events.map((e) => e.key));
        },
        dlq,
        retry: { retries: 0, initialMs: 10, maxMs: 10 },
        recoverFromCrash: recover,
        observer: { crashed: (_group, recovering) => crashes.push(recovering) },
      });
      consumers.push(crashing);
      await crashing.start();
      await send([`bad-${recover}`], {}, crashTopic);
      await eventually(() => expect(crashes).toEqual([recover]), { timeoutMs: 30_000 });
      const after = Array.from({ length: 5 }, () => randomUUID());
      await send(after, {}, crashTopic);
      if (recover) {
        await eventually(() => expect(applied.sort()).toEqual([...after].sort()), {
          timeoutMs: 60_000,
        });
        expect(crashing.recoveries).toBe(1);
      } else {
        // kafkajs's consumer is stopped: it has left its group, so nothing more can arrive.
        const admin = kafka.admin();
        await admin.connect();
        try {
          await eventually(async () => {
            const { groups } = await admin.describeGroups([`${groupId}-crash-${recover}`]);
            expect(groups[0].members).toEqual([]);
          });
        } finally {
          await admin.disconnect();
        }
        expect(applied).toEqual([]);
        expect(crashing.recoveries).toBe(0);
      }
    },
  );
});
