import { createKafka } from '@dpi/kafka';
import { Admin } from 'kafkajs';
import { eventually } from './eventually';
import { kafkaBrokers } from './infra';

/** Where a partition's records start and where the next one will go. */
export interface PartitionEnd {
  topic: string;
  partition: number;
  low: bigint;
  high: bigint;
}

async function withAdmin<T>(
  use: (admin: Admin) => Promise<T>,
  brokers = kafkaBrokers(),
): Promise<T> {
  const kafka = createKafka({ KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: '' }, 'test-offsets');
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

/** The offsets of every partition of `topics` now (of the shared broker unless `brokers`). */
export function partitionEnds(topics: string[], brokers?: string): Promise<PartitionEnd[]> {
  return withAdmin(async (admin) => {
    const ends: PartitionEnd[] = [];
    for (const topic of topics)
      for (const { partition, low, high } of await admin.fetchTopicOffsets(topic))
        ends.push({ topic, partition, low: BigInt(low), high: BigInt(high) });
    return ends;
  }, brokers);
}

/**
 * Waits until consumer group `groupId` has committed, on every partition of `topics`, the end
 * offset of the moment of the call. Our consumers commit only what they applied (or
 * dead-lettered), so afterwards every record published before the call has had its effect: the
 * barrier after which a test may assert that some of those records had none.
 */
export async function consumerGroupCaughtUp(
  groupId: string,
  topics: string[],
  { timeoutMs = 15_000, brokers }: { timeoutMs?: number; brokers?: string } = {},
): Promise<void> {
  const ends = await partitionEnds(topics, brokers);
  await withAdmin(
    (admin) =>
      eventually(
        async () => {
          const committed = new Map<string, bigint>();
          for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics }))
            for (const { partition, offset } of partitions)
              committed.set(`${topic}/${partition}`, BigInt(offset));
          const behind = ends
            .filter(({ topic, partition, low, high }) => {
              const at = committed.get(`${topic}/${partition}`) ?? -1n;
              return high > low && at < high;
            })
            .map(({ topic, partition }) => `${topic}/${partition}`);
          if (behind.length > 0)
            throw new Error(`group ${groupId} has not caught up on ${behind.join(', ')}`);
        },
        { timeoutMs },
      ),
    brokers,
  );
}
