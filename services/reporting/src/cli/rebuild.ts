/*
 * Rebuilds reporting's read models from Kafka into a fresh schema and switches over:
 *   npm run rebuild:reporting [-- --keep-old]
 * Same environment as the service (DATABASE_URL, DB_SCHEMA, KAFKA_*); the service may keep running.
 */
import 'reflect-metadata';
import { validateEnv } from '@dpi/service-kit';
import pino from 'pino';
import { reportingEnvSchema } from '../config';
import { rebuildReadModels } from '../rebuild/rebuild';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--keep-old');
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown[0]}\nusage: rebuild [--keep-old]`);
    process.exit(2);
  }
  const env = validateEnv(reportingEnvSchema, process.env);
  const logger = pino({ name: 'reporting-rebuild', level: env.LOG_LEVEL });
  const result = await rebuildReadModels({ env, logger, keepOld: args.includes('--keep-old') });
  console.log(
    `rebuilt schema "${result.schema}" from ${result.events} events in ${(result.durationMs / 1000).toFixed(1)} s` +
      (result.deadLetters
        ? `; ${result.deadLetters} record(s) could not be applied (see log)`
        : '') +
      (result.keptOldSchema ? `; previous model kept as "${result.keptOldSchema}"` : ''),
  );
}

main().catch((error: unknown) => {
  console.error(`rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
