/* Creates every topic of TOPIC_SPECS (and its DLQ) when missing: `npm run topics`. Idempotent. */
import { TOPIC_SPECS } from '@dpi/contracts';
import { ensureTopics } from '../admin';
import { createKafka, kafkaEnvSchema } from '../config';

async function main(): Promise<void> {
  const parsed = kafkaEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    console.error(
      `invalid Kafka configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    process.exit(2);
  }
  const kafka = createKafka(parsed.data, 'dpi-topics');
  const result = await ensureTopics(kafka, TOPIC_SPECS, parsed.data.KAFKA_TOPIC_PREFIX);
  console.log(
    `topics on ${parsed.data.KAFKA_BROKERS}: ${result.created.length} created${result.created.length ? ` (${result.created.join(', ')})` : ''}, ${result.existing.length} already present`,
  );
}

main().catch((error: unknown) => {
  console.error(
    `creating topics failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
