/*
 * Re-feeds a dead-letter topic into the topics its records came from:
 *   npm run dlq:replay -- dpi.registry.platform.v1.dlq [--dry-run]
 * Idempotent: a consumer group remembers what was replayed.
 */
import { createKafka, kafkaEnvSchema } from '../config';
import { ManagedProducer } from '../producer';
import { replayDeadLetters } from '../replay';
import { DLQ_SUFFIX } from '@dpi/contracts';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const topic = args.find((a) => !a.startsWith('--'));
  if (!topic || !topic.endsWith(DLQ_SUFFIX)) {
    console.error(`usage: replay-dlq <topic>${DLQ_SUFFIX} [--dry-run]`);
    process.exit(2);
  }
  const env = kafkaEnvSchema.parse(process.env);
  const kafka = createKafka(env, 'dpi-dlq-replay');
  const sender = new ManagedProducer(kafka);
  try {
    const result = await replayDeadLetters({ kafka, dlqTopic: topic, sender, dryRun });
    const targets = Object.entries(result.byTopic).map(([t, n]) => `${n} → ${t}`);
    console.log(
      `${dryRun ? 'would replay' : 'replayed'} ${result.replayed} dead letter(s) from ${topic}${targets.length ? `: ${targets.join(', ')}` : ''}`,
    );
  } finally {
    await sender.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`replay failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
