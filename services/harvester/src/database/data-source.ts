import { serviceDataSourceOptions } from '@dpi/db';
import { DataSourceOptions } from 'typeorm';
import { HarvesterEnv } from '../config';

/** Harvest sources, jobs and checksums arrive with the harvester issue; the schema exists from day one. */
export function harvesterDataSourceOptions(
  env: Pick<HarvesterEnv, 'DATABASE_URL' | 'DB_SCHEMA' | 'DB_POOL_SIZE'>,
): DataSourceOptions & { url: string; schema: string } {
  return serviceDataSourceOptions({
    url: env.DATABASE_URL,
    schema: env.DB_SCHEMA,
    entities: [],
    migrations: [],
    poolSize: env.DB_POOL_SIZE,
    applicationName: 'harvester',
  }) as DataSourceOptions & { url: string; schema: string };
}
