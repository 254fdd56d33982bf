// Watches the registry's platform topic and notes, per record id, when its event arrived here,
// when the relay produced it (Kafka CreateTime) and when the change occurred (dpi-occurred-at,
// set just before the registry's transaction). The Kafka client comes from @dpi/kafka.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createKafka, headersToStrings, HEADERS } = require('@dpi/kafka');

/**
 * `maxWaitMs`/`minBytes` are the consumer's fetch settings. The defaults (short waits, so that the
 * consumer's own polling does not show up as relay lag) make it fetch as soon as anything arrived:
 * hundreds of small fetches per second at 500 events/s, which cost the broker and this process
 * CPU. A caller that needs only `producedAt`/`occurredAt` can fetch lazily.
 */
export async function watchTopic({ brokers, topic, groupId, maxWaitMs = 20, minBytes = 1 }) {
  const kafka = createKafka({ KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: '' }, 'registry-bench');
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: maxWaitMs, minBytes });
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
