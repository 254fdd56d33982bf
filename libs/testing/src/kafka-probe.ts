import { createKafka, headersToStrings } from '@dpi/kafka';
import { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { eventually } from './eventually';
import { kafkaBrokers } from './infra';
import { partitionEnds } from './kafka-offsets';

export interface ProbedMessage {
  key: string;
  value: Buffer | null;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

/** Reads everything a topic receives from the start, to assert on what was (not) published. */
export class KafkaProbe {
  readonly messages: ProbedMessage[] = [];
  /** Per partition, the offset after the last message read. */
  private readonly next = new Map<number, bigint>();
  private consumer: Consumer | null = null;

  constructor(private readonly topic: string) {}

  async start(): Promise<this> {
    const kafka = createKafka(
      { KAFKA_BROKERS: kafkaBrokers(), KAFKA_TOPIC_PREFIX: '' },
      'test-probe',
    );
    this.consumer = kafka.consumer({ groupId: `probe-${randomUUID()}`, maxWaitTimeInMs: 50 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    const joined = new Promise<void>((resolve) => {
      const off = this.consumer?.on(this.consumer.events.GROUP_JOIN, () => {
        off?.();
        resolve();
      });
    });
    await this.consumer.run({
      eachMessage: async ({ message, partition }) => {
        this.messages.push({
          key: message.key?.toString('utf8') ?? '',
          value: message.value,
          headers: headersToStrings(message.headers),
          partition,
          offset: message.offset,
        });
        this.next.set(partition, BigInt(message.offset) + 1n);
      },
    });
    await joined;
    return this;
  }

  /**
   * Waits until the probe has read everything the topic holds at the moment of the call. What it
   * has not read then was not published before the call: the barrier after which a test may
   * assert that nothing (more) was published.
   */
  async caughtUp({ timeoutMs = 15_000 }: { timeoutMs?: number } = {}): Promise<void> {
    const ends = await partitionEnds([this.topic]);
    await eventually(
      () => {
        const behind = ends.filter(
          ({ partition, low, high }) => high > low && (this.next.get(partition) ?? low) < high,
        );
        if (behind.length > 0)
          throw new Error(
            `probe of ${this.topic} has not read partitions ${behind.map((e) => e.partition).join(', ')} to their end`,
          );
      },
      { timeoutMs },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
