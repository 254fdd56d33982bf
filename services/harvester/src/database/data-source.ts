import { OutboxEventEntity, serviceDataSourceOptions } from '@dpi/db';
import { DataSourceOptions } from 'typeorm';
import { HarvesterEnv } from '../config';
import { HarvestJobEntity } from '../jobs/entities/harvest-job.entity';
import { JobIssueEntity } from '../jobs/entities/job-issue.entity';
import { HarvestSourceEntity } from '../sources/entities/harvest-source.entity';
import { HarvestTables1764100000000 } from './migrations/1764100000000-harvest-tables';
import { SeedCatalogues1764100000001 } from './migrations/1764100000001-seed-catalogues';
import { OutboxLz41764100000002 } from './migrations/1764100000002-outbox-lz4';

export const HARVESTER_ENTITIES = [
  HarvestSourceEntity,
  HarvestJobEntity,
  JobIssueEntity,
  OutboxEventEntity,
];
export const HARVESTER_MIGRATIONS = [
  HarvestTables1764100000000,
  SeedCatalogues1764100000001,
  OutboxLz41764100000002,
];

export function harvesterDataSourceOptions(
  env: Pick<HarvesterEnv, 'DATABASE_URL' | 'DB_SCHEMA' | 'DB_POOL_SIZE'>,
): DataSourceOptions & { url: string; schema: string } {
  return serviceDataSourceOptions({
    url: env.DATABASE_URL,
    schema: env.DB_SCHEMA,
    entities: HARVESTER_ENTITIES,
    migrations: HARVESTER_MIGRATIONS,
    poolSize: env.DB_POOL_SIZE,
    applicationName: 'harvester',
  }) as DataSourceOptions & { url: string; schema: string };
}
