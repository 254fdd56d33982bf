/* Applies the harvester's pending migrations: `nx run harvester:migrate`. */
import { migrate } from '@dpi/db';
import { validateEnv } from '@dpi/service-kit';
import { harvesterEnvSchema } from './config';
import { harvesterDataSourceOptions } from './database/data-source';

async function main(): Promise<void> {
  const env = validateEnv(harvesterEnvSchema, process.env);
  const applied = await migrate(harvesterDataSourceOptions(env));
  console.log(
    `harvester schema "${env.DB_SCHEMA}": ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`,
  );
}

main().catch((error: unknown) => {
  console.error(
    `harvester migration failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
