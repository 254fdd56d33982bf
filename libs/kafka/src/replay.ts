import { Kafka } from 'kafkajs';
import { KafkaLogger } from './config';
import { HEADERS, headersToStrings } from './envelope';
import { EventSender, OutgoingEvent } from './producer';

export interface ReplayOptions {
  kafka: Kafka;
  /** The dead-letter topic to re-feed, e.g. `dpi.registry.platform.v1.dlq`. */
  dlqTopic: string;
  sender: EventSender;
  /** Remembers what was replayed, so a second run re-feeds only newer dead letters. */
  groupId?: string;
  dryRun?: boolean;
  logger?: Pick<KafkaLogger, 'info' | 'warn'>;
}

export interface ReplayResult {
  replayed: number;
  byTopic: Record<string, number>;
}

/** Headers a dead letter gained in the DLQ; the replayed record carries the original ones only. */
const DLQ_HEADERS = new Set<string>([
  HEADERS.error,
  HEADERS.originalTopic,
  HEADERS.originalPartition,
  HEADERS.originalOffset,
  HEADERS.consumerGroup,
]);

/**
 * Re-sends every dead letter that arrived before the call to the topic it came from (same key,
 * value and envelope headers), then stops. Consumers are idempotent, so a record that was
 * already applied elsewhere changes nothing when it comes back.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayResult> {
  const { kafka, dlqTopic } = options;
  const groupId = options.groupId ?? `dpi-dlq-replay.${dlqTopic}`;
  const admin = kafka.admin();
  await admin.connect();
  const end = new Map<number, bigint>();
  try {
    for (const p of await admin.fetchTopicOffsets(dlqTopic)) end.set(p.partition, BigInt(p.high));
    const [committed] = await admin.fetchOffsets({ groupId, topics: [dlqTopic] });
    const pending = committed.partitions.some((p) => {
      const from = p.offset === '-1' ? 0n : BigInt(p.offset);
      return from < (end.get(p.partition) ?? 0n);
    });
    if (!pending) return { replayed: 0, byTopic: {} };
  } finally {
    await admin.disconnect();
  }

  const result: ReplayResult = { replayed: 0, byTopic: {} };
  const remaining = new Set(
    [...end].filter(([, high]) => high > 0n).map(([partition]) => partition),
  );
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topic: dlqTopic, fromBeginning: true });
  let finish: () => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const markDone = (partition: number, nextOffset: bigint) => {
    if (nextOffset >= (end.get(partition) ?? 0n)) remaining.delete(partition);
    if (remaining.size === 0) finish();
  };
  try {
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const offset = BigInt(message.offset);
        if (offset >= (end.get(partition) ?? 0n)) return markDone(partition, offset);
        try {
          const headers = headersToStrings(message.headers);
          const target = headers[HEADERS.originalTopic];
          if (!target) {
            options.logger?.warn(
              { partition, offset: message.offset },
              'dead letter without original topic; skipped',
            );
          } else {
            const replay: OutgoingEvent = {
              topic: target,
              key: message.key?.toString('utf8') ?? '',
              value: message.value,
              headers: Object.fromEntries(
                Object.entries(headers).filter(([name]) => !DLQ_HEADERS.has(name)),
              ),
            };
            if (!options.dryRun) await options.sender.send([replay]);
            result.replayed++;
            result.byTopic[target] = (result.byTopic[target] ?? 0) + 1;
          }
          if (!options.dryRun) {
            await consumer.commitOffsets([
              { topic: dlqTopic, partition, offset: (offset + 1n).toString() },
            ]);
          }
          markDone(partition, offset + 1n);
        } catch (error) {
          fail(error);
          throw error;
        }
      },
    });
    await done;
  } finally {
    await consumer.disconnect();
  }
  options.logger?.info(
    { dlqTopic, ...result },
    options.dryRun ? 'dead letters found (dry run)' : 'dead letters replayed',
  );
  return result;
}
