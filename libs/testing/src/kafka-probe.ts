import { createKafka, headersToStrings } from '@dpi/kafka';
import { Consumer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { kafkaBrokers } from './infra';

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
      },
    });
    await joined;
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
