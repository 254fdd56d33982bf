import { Module } from '@nestjs/common';
import { RepositoriesModule } from '../database/repositories.module';
import { HarvestRunner } from '../harvest/harvest-runner';
import { ParseWorkerProvider } from '../harvest/parse-worker.provider';
import { JobSupervisor } from './job-supervisor.service';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Module({
  imports: [RepositoriesModule],
  providers: [HarvestRunner, ParseWorkerProvider, JobSupervisor, JobsService],
  controllers: [JobsController],
  exports: [JobSupervisor],
})
export class JobsModule {}
