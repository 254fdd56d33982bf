import { CompressionTypes, Kafka, Partitioners, Producer, TopicMessages } from 'kafkajs';

export interface OutgoingEvent {
  topic: string;
  /** The entity's identity: never empty, so each entity's changes stay in order. */
  key: string;
  /** null = tombstone. */
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Idempotent, ordered (one request in flight), Java-compatible partitioning. */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

/** Java's default partitioner (murmur2 of the key), which kafkajs's DefaultPartitioner also is. */
const partitionOf = Partitioners.DefaultPartitioner();

/** How many partitions a topic has (the producer's cached metadata, or an admin request). */
export type PartitionCount = (topic: string) => Promise<number>;

/**
 * Sends events in batch requests of at most MAX_CALL_BYTES each, grouped by topic, keeping their
 * order, and checks that the brokers acknowledged every partition sent to.
 *
 * kafkajs 2.2.4 can lose messages when a partition's leader moves during a sendBatch to a broker
 * that has already answered in the same call: its retry sends only to brokers without an answer,
 * and sendBatch resolves as if all was written (found by the fault suite: kill -9 of one of three
 * brokers; node_modules/kafkajs/src/producer/sendMessages.js, `brokersWithoutResponse`). So the
 * partition of each event is chosen here, with the same partitioner, and a call whose answer
 * lacks a partition fails: the caller sends the batch again — duplicates, which every consumer
 * absorbs, instead of a loss.
 */
export async function sendEvents(
  producer: Producer,
  events: readonly OutgoingEvent[],
  partitions: PartitionCount,
): Promise<void> {
  // One call after the other, in order (one request in flight): a failed call fails the whole
  // send, and the caller sends it all again (duplicates of the calls that went through).
  for (const chunk of byteBoundedChunks(events, MAX_CALL_BYTES)) {
    await sendCall(producer, chunk, partitions);
  }
}

/**
 * Most bytes (keys, values, headers) one call sends. A partition's messages of one call travel as
 * one record batch, which the broker takes up to 1 MB (message.max.bytes); without compression
 * that bound holds when the whole call stays below it, whatever the partitions. One event larger
 * than this goes alone (harvested documents are at most 256 KB before their compression).
 */
export const MAX_CALL_BYTES = 900 * 1024;

/** Consecutive runs of `events`, each of at most `maxBytes` unless a single event is larger. */
export function byteBoundedChunks(
  events: readonly OutgoingEvent[],
  maxBytes: number,
): OutgoingEvent[][] {
  const chunks: OutgoingEvent[][] = [];
  let current: OutgoingEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = eventBytes(event);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function eventBytes(event: OutgoingEvent): number {
  let bytes = Buffer.byteLength(event.key) + (event.value?.length ?? 0) + 70; // record overhead
  for (const [name, value] of Object.entries(event.headers)) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value) + 4;
  }
  return bytes;
}

async function sendCall(
  producer: Producer,
  events: readonly OutgoingEvent[],
  partitions: PartitionCount,
): Promise<void> {
  if (events.length === 0) return;
  const byTopic = new Map<string, TopicMessages>();
  const expected = new Set<string>();
  const topics = [...new Set(events.map((event) => event.topic))];
  const metadataOf = new Map(
    await Promise.all(
      topics.map(async (topic) => {
        const count = await partitions(topic);
        const metadata = Array.from({ length: count }, (_, id) => ({
          partitionId: id,
          leader: 0,
          replicas: [],
          isr: [],
          partitionErrorCode: 0,
        }));
        return [topic, metadata] as const;
      }),
    ),
  );
  for (const event of events) {
    if (!event.key) throw new Error(`refusing to send an event without key to ${event.topic}`);
    let group = byTopic.get(event.topic);
    if (!group) {
      group = { topic: event.topic, messages: [] };
      byTopic.set(event.topic, group);
    }
    const partition = partitionOf({
      topic: event.topic,
      partitionMetadata: metadataOf.get(event.topic) ?? [],
      message: { key: event.key, value: event.value },
    });
    expected.add(`${event.topic}\u0000${partition}`);
    group.messages.push({ key: event.key, value: event.value, headers: event.headers, partition });
  }
  const acknowledged = await producer.sendBatch({
    topicMessages: [...byTopic.values()],
    acks: -1,
    // No compression: the large values, harvested ISO documents, are gzip-compressed once where
    // they are harvested (iso_document_gzip) and GZIP gains nothing on them; it cost the
    // harvester, the registry and Kafka CPU for every batch (issue 20 follow-up, harvest
    // benchmark, one run each: registry 1.68 -> 1.19 ms and Kafka 1.74 -> 0.55 ms per record
    // without it). The other events are small. Consumers read either alike.
    compression: CompressionTypes.None,
  });
  for (const record of acknowledged) {
    if (record.errorCode === 0) expected.delete(`${record.topicName}\u0000${record.partition}`);
  }
  if (expected.size > 0) {
    const missing = [...expected].map((key) => key.replace('\u0000', '/')).join(', ');
    throw new Error(`the brokers did not acknowledge ${missing} (a leader moved during the send)`);
  }
}

export interface EventSender {
  send(events: readonly OutgoingEvent[]): Promise<void>;
}

/**
 * An idempotent producer that connects on first use and reconnects after a broker outage, so a
 * service can boot (and report "not ready") while Kafka is down instead of crashing.
 */
export class ManagedProducer implements EventSender {
  private readonly producer: Producer;
  private connecting: Promise<void> | null = null;
  private connected = false;

  /** Partition counts by topic: they only grow, and a grown topic is re-read on a restart. */
  private readonly partitionCounts = new Map<string, Promise<number>>();

  constructor(private readonly kafka: Kafka) {
    this.producer = createIdempotentProducer(kafka);
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connected = false;
    });
  }

  /** The underlying producer, connected. */
  async get(): Promise<Producer> {
    if (!this.connected) {
      this.connecting ??= this.producer
        .connect()
        .then(() => {
          this.connected = true;
        })
        .finally(() => {
          this.connecting = null;
        });
      await this.connecting;
    }
    return this.producer;
  }

  async send(events: readonly OutgoingEvent[]): Promise<void> {
    const producer = await this.get();
    try {
      await sendEvents(producer, events, (topic) => this.partitionCount(topic));
    } catch (error) {
      // kafkajs keeps a producer unusable after some failures; reconnect on the next call.
      this.connected = false;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private partitionCount(topic: string): Promise<number> {
    let count = this.partitionCounts.get(topic);
    if (!count) {
      count = (async () => {
        const admin = this.kafka.admin();
        await admin.connect();
        try {
          const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
          const n = topics[0]?.partitions.length ?? 0;
          if (n === 0) throw new Error(`topic ${topic} has no partitions (does it exist?)`);
          return n;
        } finally {
          await admin.disconnect();
        }
      })();
      // A failed look-up is asked again next time.
      count.catch(() => this.partitionCounts.delete(topic));
      this.partitionCounts.set(topic, count);
    }
    return count;
  }

  async disconnect(): Promise<void> {
    await this.connecting?.catch(() => undefined);
    await this.producer.disconnect();
    this.connected = false;
  }
}
