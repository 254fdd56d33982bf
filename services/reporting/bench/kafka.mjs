// Kafka side of the reporting benchmark: its own topics (prefix, never the demo's) re-created with
// the production specs, and the lag of a consumer group (end offsets minus committed offsets,
// summed over all partitions of the read-model topics). The client comes from @dpi/kafka.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const kafkaLib = require('@dpi/kafka');
const { TOPIC_SPECS } = require('@dpi/contracts');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Deletes every topic with `prefix` and creates the production topics again under it. */
export const resetTopics = (kafka, prefix) => kafkaLib.recreateTopics(kafka, TOPIC_SPECS, prefix);

/** An admin client that answers "how far behind is `groupId` on `topics`". */
export async function lagProbe(kafka, groupId, topics) {
  const admin = kafka.admin();
  await admin.connect();
  return {
    /** { lag, end, committed } summed over every partition; no commit yet counts from low. */
    async lag() {
      const [committed, ...ends] = await Promise.all([
        admin.fetchOffsets({ groupId, topics }),
        ...topics.map((topic) => admin.fetchTopicOffsets(topic)),
      ]);
      const at = new Map();
      for (const t of committed)
        for (const p of t.partitions) at.set(`${t.topic}/${p.partition}`, Number(p.offset));
      let lag = 0;
      let end = 0;
      let done = 0;
      ends.forEach((partitions, i) => {
        for (const p of partitions) {
          const high = Number(p.high);
          const low = Number(p.low);
          const c = at.get(`${topics[i]}/${p.partition}`) ?? -1;
          const from = c >= 0 ? c : low;
          lag += Math.max(0, high - from);
          end += high;
          done += Math.max(0, from);
        }
      });
      return { lag, end, committed: done };
    },
    /**
     * Polls every `intervalMs` until the lag is 0 (and, if given, `alsoWait()` is true);
     * returns the time that took and the samples, or throws after `timeoutMs`.
     */
    async waitForZero({ intervalMs = 50, timeoutMs = 600_000, alsoWait, onSample } = {}) {
      const started = Date.now();
      const samples = [];
      for (;;) {
        const state = await this.lag();
        const t = Date.now() - started;
        samples.push({ t, lag: state.lag });
        onSample?.(state, t);
        if (state.lag === 0 && (!alsoWait || alsoWait())) return { ms: t, samples, ...state };
        if (t > timeoutMs)
          throw new Error(`consumer group ${groupId} still ${state.lag} behind after ${t} ms`);
        await sleep(intervalMs);
      }
    },
    async deleteGroup() {
      await admin.deleteGroups([groupId]).catch(() => undefined);
    },
    close: () => admin.disconnect(),
  };
}
