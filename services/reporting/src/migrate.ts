/* Applies the reporting's pending migrations: `nx run reporting:migrate`. */
import { migrate } from '@dpi/db';
import { validateEnv } from '@dpi/service-kit';
import { reportingEnvSchema } from './config';
import { reportingDataSourceOptions } from './database/data-source';

async function main(): Promise<void> {
  const env = validateEnv(reportingEnvSchema, process.env);
  const applied = await migrate(reportingDataSourceOptions(env));
  console.log(
    `reporting schema "${env.DB_SCHEMA}": ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`,
  );
}

main().catch((error: unknown) => {
  console.error(
    `reporting migration failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
