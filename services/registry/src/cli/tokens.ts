/* Issues, lists and revokes registry bearer tokens directly in the database: `npm run tokens -- …`. */
import 'reflect-metadata';
import { validateEnv } from '@dpi/service-kit';
import { HttpException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiClientsRepository } from '../auth/api-clients.repository';
import { ApiClientsService } from '../auth/api-clients.service';
import { registryEnvSchema } from '../config';
import { registryDataSourceOptions } from '../database/data-source';
import { TOKENS_USAGE, tokensCommand, UsageError } from './tokens-command';

async function main(): Promise<number> {
  const env = validateEnv(registryEnvSchema, process.env);
  const dataSource = await new DataSource(registryDataSourceOptions(env)).initialize();
  try {
    console.log(
      await tokensCommand(
        process.argv.slice(2),
        new ApiClientsService(new ApiClientsRepository(dataSource)),
      ),
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${TOKENS_USAGE}`);
      return 2;
    }
    if (error instanceof HttpException) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`tokens failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
