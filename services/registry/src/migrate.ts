/* Applies the registry's pending migrations: `nx run registry:migrate`. */
import { migrate } from '@dpi/db';
import { validateEnv } from '@dpi/service-kit';
import { registryEnvSchema } from './config';
import { registryDataSourceOptions } from './database/data-source';

async function main(): Promise<void> {
  const env = validateEnv(registryEnvSchema, process.env);
  const applied = await migrate(registryDataSourceOptions(env));
  console.log(
    `registry schema "${env.DB_SCHEMA}": ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`,
  );
}

main().catch((error: unknown) => {
  console.error(
    `registry migration failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
