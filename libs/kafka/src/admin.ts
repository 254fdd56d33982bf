import { TopicSpec } from '@dpi/contracts';
import { Admin, Kafka } from 'kafkajs';
import { dlqTopic, prefixedTopic } from './topics';

export interface EnsureTopicsResult {
  created: string[];
  existing: string[];
}

/**
 * Creates the missing topics (and their DLQs) and returns once they serve requests; leaves existing
 * ones alone. Idempotent.
 */
export async function ensureTopics(
  kafka: Kafka,
  specs: readonly TopicSpec[],
  prefix: string,
): Promise<EnsureTopicsResult> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = specs.flatMap((spec) => {
      const name = prefixedTopic(spec.name, prefix);
      return [
        {
          topic: name,
          numPartitions: spec.partitions,
          replicationFactor: -1,
          configEntries: spec.compacted
            ? [
                { name: 'cleanup.policy', value: 'compact' },
                { name: 'min.compaction.lag.ms', value: '60000' },
              ]
            : [],
        },
        // Dead letters are kept for inspection and replay, never compacted away.
        {
          topic: dlqTopic(name),
          numPartitions: 1,
          replicationFactor: -1,
          configEntries: [{ name: 'retention.ms', value: String(30 * 24 * 3600 * 1000) }],
        },
      ];
    });
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length > 0) {
      try {
        // waitUntilServed below waits for the leaders. kafkajs's own wait (waitForLeaders) throws
        // when the broker's metadata does not list a just-created topic yet, and a retry then
        // reported the topics it had created as existing.
        await admin.createTopics({ topics: missing, waitForLeaders: false });
      } catch (error) {
        // Another process may have created them in the meantime; only fail if still missing.
        const now = new Set(await admin.listTopics());
        if (missing.some((t) => !now.has(t.topic))) throw error;
      }
    }
    const created = missing.map((t) => t.topic);
    await waitUntilServed(admin, created);
    return {
      created,
      existing: wanted.filter((t) => existing.has(t.topic)).map((t) => t.topic),
    };
  } finally {
    await admin.disconnect();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Deletes every topic whose name starts with `prefix` and creates `specs` again under it (the
 * benchmarks start each run on empty topics of their own) and returns once every new topic serves
 * offset requests. Refuses an empty prefix: that would be every topic of the cluster.
 */
export async function recreateTopics(
  kafka: Kafka,
  specs: readonly TopicSpec[],
  prefix: string,
): Promise<EnsureTopicsResult> {
  if (!prefix) throw new Error('recreateTopics needs a topic prefix');
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ours = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (ours.length) await admin.deleteTopics({ topics: ours, timeout: 30_000 });
    for (let i = 0; i < 60; i++) {
      if (!(await admin.listTopics()).some((t) => t.startsWith(prefix))) break;
      await pause(500);
    }
  } finally {
    await admin.disconnect();
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await ensureTopics(kafka, specs, prefix);
    } catch (error) {
      if (attempt >= 20) throw error; // the deletion may still be settling in the broker
      await pause(500);
    }
  }
}

/** How long `ensureTopics` waits for new topics to be served before it gives up. */
const TOPICS_SERVED_TIMEOUT_MS = 30_000;

/**
 * Waits until every partition of `topics` has a leader in the metadata and that leader answers an
 * offset request; polls until `timeoutMs` has passed, then names what is missing. A leader in the
 * metadata alone is not enough: the broker names it a moment before it serves the partition (about
 * half a second for a dozen new topics on the local broker), and a caller that reads offsets or
 * produces right away would see "not the leader for that topic-partition" (./logging keeps
 * kafkajs from printing that as an error while this polls).
 */
async function waitUntilServed(
  admin: Admin,
  topics: string[],
  timeoutMs = TOPICS_SERVED_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waiting = [...topics];
  let reason = '';
  while (waiting.length > 0) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: waiting });
      const leaderless = metadata.flatMap((t) =>
        t.partitions.filter((p) => p.leader < 0).map((p) => `${t.name}[${p.partitionId}]`),
      );
      if (leaderless.length > 0) {
        reason = `no leader yet for ${leaderless.join(', ')}`;
      } else {
        for (const topic of [...waiting]) {
          await admin.fetchTopicOffsets(topic);
          waiting = waiting.filter((t) => t !== topic);
        }
      }
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    if (waiting.length === 0) return;
    if (Date.now() >= deadline)
      throw new Error(`topics not served after ${timeoutMs} ms (${waiting.join(', ')}): ${reason}`);
    await pause(100);
  }
}
