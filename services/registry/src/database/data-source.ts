import { OutboxEventEntity, serviceDataSourceOptions } from '@dpi/db';
import { DataSourceOptions } from 'typeorm';
import { RegistryEnv } from '../config';
import { ApiClientEntity } from '../auth/entities/api-client.entity';
import { ChangeLogEntity } from '../history/entities/change-log.entity';
import { OrganisationEntity } from '../organisations/entities/organisation.entity';
import { DigitalTwinEntity } from '../twins/entities/digital-twin.entity';
import { DatasetEntity } from '../datasets/entities/dataset.entity';
import { EndpointEntity } from '../endpoints/entities/endpoint.entity';
import { LandEntity } from '../reference/land.entity';
import { StandardEntity } from '../reference/standard.entity';
import { PlatformEntity } from '../platforms/entities/platform.entity';
import { Initial1763900000000 } from './migrations/1763900000000-initial';
import { ApiClientsAndHistory1763900000002 } from './migrations/1763900000002-api-clients-and-history';
import { Organisations1763900000003 } from './migrations/1763900000003-organisations';
import { DigitalTwins1763900000004 } from './migrations/1763900000004-digital-twins';
import { Endpoints1763900000005 } from './migrations/1763900000005-endpoints';
import { FullModel1763900000006 } from './migrations/1763900000006-full-model';
import { OperatorRole1763900000007 } from './migrations/1763900000007-operator-role';
import { RecordIds1763900000008 } from './migrations/1763900000008-record-ids';
import { IdentifierSearch1763900000009 } from './migrations/1763900000009-identifier-search';
import { SurveyRounds1763900000010 } from './migrations/1763900000010-survey-rounds';
import { HarvestedDocuments1763900000012 } from './migrations/1763900000012-harvested-documents';
import { NormalisedVocabulary1763900000011 } from './migrations/1763900000011-normalised-vocabulary';
import { HarvestedDocumentsLz41763900000013 } from './migrations/1763900000013-harvested-documents-lz4';
import { HarvestedDocumentsGzip1763900000014 } from './migrations/1763900000014-harvested-documents-gzip';

export const REGISTRY_ENTITIES = [
  LandEntity,
  StandardEntity,
  PlatformEntity,
  OrganisationEntity,
  DigitalTwinEntity,
  EndpointEntity,
  DatasetEntity,
  ApiClientEntity,
  ChangeLogEntity,
  OutboxEventEntity,
];
export const REGISTRY_MIGRATIONS = [
  Initial1763900000000,
  ApiClientsAndHistory1763900000002,
  Organisations1763900000003,
  DigitalTwins1763900000004,
  Endpoints1763900000005,
  FullModel1763900000006,
  OperatorRole1763900000007,
  RecordIds1763900000008,
  IdentifierSearch1763900000009,
  SurveyRounds1763900000010,
  NormalisedVocabulary1763900000011,
  HarvestedDocuments1763900000012,
  HarvestedDocumentsLz41763900000013,
  HarvestedDocumentsGzip1763900000014,
];

export function registryDataSourceOptions(
  env: Pick<RegistryEnv, 'DATABASE_URL' | 'DB_SCHEMA' | 'DB_POOL_SIZE'>,
): DataSourceOptions & { url: string; schema: string } {
  return serviceDataSourceOptions({
    url: env.DATABASE_URL,
    schema: env.DB_SCHEMA,
    entities: REGISTRY_ENTITIES,
    migrations: REGISTRY_MIGRATIONS,
    poolSize: env.DB_POOL_SIZE,
    applicationName: 'registry',
  }) as DataSourceOptions & { url: string; schema: string };
}
