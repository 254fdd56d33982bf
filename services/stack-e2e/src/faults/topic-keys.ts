import { createKafka } from '@dpi/kafka';
import { eventually, partitionEnds } from '@dpi/testing';

/** Every key in `topic` now (a throwaway consumer group reads it from the start to its end). */
export async function keysInTopic(topic: string, brokers: string): Promise<Set<string>> {
  const ends = await partitionEnds([topic], brokers);
  const client = createKafka({ KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: '' }, 'probe');
  const consumer = client.consumer({ groupId: `faults-probe-${Date.now()}` });
  const keys = new Set<string>();
  const next = new Map<number, bigint>();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ partition, message }) => {
      if (message.key) keys.add(message.key.toString('utf8'));
      next.set(partition, BigInt(message.offset) + 1n);
    },
  });
  try {
    await eventually(
      () => {
        const behind = ends.filter(
          (e) => e.high > e.low && (next.get(e.partition) ?? e.low) < e.high,
        );
        if (behind.length > 0) throw new Error(`${behind.length} partitions not read to their end`);
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
  } finally {
    await consumer.disconnect();
  }
  return keys;
}
