import { Module } from '@nestjs/common';
import { RecordStore } from '../harvest/record-store.repository';
import { JobsRepository } from '../jobs/jobs.repository';
import { SourcesRepository } from '../sources/sources.repository';

/** The repositories: the only code that touches the harvester's tables. */
@Module({
  providers: [SourcesRepository, JobsRepository, RecordStore],
  exports: [SourcesRepository, JobsRepository, RecordStore],
})
export class RepositoriesModule {}
