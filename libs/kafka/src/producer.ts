import { Kafka, Partitioners, Producer, TopicMessages } from 'kafkajs';

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

/** Sends events in one batch request per call, grouped by topic, keeping their order. */
export async function sendEvents(
  producer: Producer,
  events: readonly OutgoingEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const byTopic = new Map<string, TopicMessages>();
  for (const event of events) {
    if (!event.key) throw new Error(`refusing to send an event without key to ${event.topic}`);
    let group = byTopic.get(event.topic);
    if (!group) {
      group = { topic: event.topic, messages: [] };
      byTopic.set(event.topic, group);
    }
    group.messages.push({ key: event.key, value: event.value, headers: event.headers });
  }
  await producer.sendBatch({ topicMessages: [...byTopic.values()], acks: -1 });
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

  constructor(kafka: Kafka) {
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
      await sendEvents(producer, events);
    } catch (error) {
      // kafkajs keeps a producer unusable after some failures; reconnect on the next call.
      this.connected = false;
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    await this.connecting?.catch(() => undefined);
    await this.producer.disconnect();
    this.connected = false;
  }
}
