// Watches the registry's platform topic and notes, per record id, when its event arrived here,
// when the relay produced it (Kafka CreateTime) and when the change occurred (dpi-occurred-at,
// set just before the registry's transaction). The Kafka client comes from @dpi/kafka.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createKafka, headersToStrings, HEADERS } = require('@dpi/kafka');

export async function watchTopic({ brokers, topic, groupId }) {
  const kafka = createKafka({ KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: '' }, 'registry-bench');
  // Short fetch waits: the consumer's own polling should not show up as relay lag.
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 20, minBytes: 1 });
  const seen = new Map();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  await consumer.run({
    // Nothing to resume later: committing after every batch would only load the broker.
    autoCommit: false,
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch }) => {
      const receivedAt = Date.now();
      for (const message of batch.messages) {
        const headers = headersToStrings(message.headers);
        seen.set(message.key.toString(), {
          receivedAt,
          producedAt: Number(message.timestamp),
          occurredAt: Date.parse(headers[HEADERS.occurredAt]),
        });
      }
    },
  });
  await joined;
  return {
    seen,
    /** Resolves once every id arrived, or after timeoutMs; returns the ids still missing. */
    async waitFor(ids, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const missing = ids.filter((id) => !seen.has(id));
        if (missing.length === 0 || Date.now() > deadline) return missing;
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: () => consumer.disconnect(),
  };
}
