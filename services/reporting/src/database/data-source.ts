import { serviceDataSourceOptions } from '@dpi/db';
import { DataSourceOptions } from 'typeorm';
import { ReportingEnv } from '../config';
import { PlatformItemEntity } from '../inventory/entities/platform-item.entity';
import { Initial1763900000001 } from './migrations/1763900000001-initial';
import { TwinItems1763900000006 } from './migrations/1763900000006-twin-items';
import { ReadModels1763900000010 } from './migrations/1763900000010-read-models';
import { UnpublishedRecords1763900000020 } from './migrations/1763900000020-unpublished-records';
import { InventoryPublished1763900000030 } from './migrations/1763900000030-inventory-published';
import { DatasetTemporalDetail1763900000040 } from './migrations/1763900000040-dataset-temporal-detail';
import { FacetIndexes1763900000050 } from './migrations/1763900000050-facet-indexes';
import { UnpublishedRecordLand1763900000060 } from './migrations/1763900000060-unpublished-record-land';
import { ItemSearchAndIds1763900000070 } from './migrations/1763900000070-item-search-and-ids';
import { OutsideGermany1763900000080 } from './migrations/1763900000080-outside-germany';
import { RecordHistory1763900000090 } from './migrations/1763900000090-record-history';
import { NormalisedThreeDFormats1763900000100 } from './migrations/1763900000100-normalised-3d-formats';
import { HarvestedDocuments1763900000110 } from './migrations/1763900000110-harvested-documents';
import { SurveyRounds1763900000120 } from './migrations/1763900000120-survey-rounds';
import { RecordHistoryBackfill1763900000130 } from './migrations/1763900000130-record-history-backfill';

export function reportingDataSourceOptions(
  env: Pick<ReportingEnv, 'DATABASE_URL' | 'DB_SCHEMA' | 'DB_POOL_SIZE'>,
): DataSourceOptions & { url: string; schema: string } {
  return serviceDataSourceOptions({
    url: env.DATABASE_URL,
    schema: env.DB_SCHEMA,
    entities: [PlatformItemEntity],
    migrations: [
      Initial1763900000001,
      TwinItems1763900000006,
      ReadModels1763900000010,
      UnpublishedRecords1763900000020,
      InventoryPublished1763900000030,
      DatasetTemporalDetail1763900000040,
      FacetIndexes1763900000050,
      UnpublishedRecordLand1763900000060,
      ItemSearchAndIds1763900000070,
      OutsideGermany1763900000080,
      RecordHistory1763900000090,
      NormalisedThreeDFormats1763900000100,
      HarvestedDocuments1763900000110,
      SurveyRounds1763900000120,
      RecordHistoryBackfill1763900000130,
    ],
    poolSize: env.DB_POOL_SIZE,
    applicationName: 'reporting',
  }) as DataSourceOptions & { url: string; schema: string };
}
