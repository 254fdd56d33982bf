import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RepositoriesModule } from '../database/repositories.module';
import { HarvestMetrics } from '../harvest/harvest-metrics';
import { HarvestRunner } from '../harvest/harvest-runner';
import { PageWriter } from '../harvest/page-writer';
import { ParseWorkerProvider } from '../harvest/parse-worker.provider';
import { JobSupervisor } from './job-supervisor.service';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Module({
  imports: [AuthModule, RepositoriesModule],
  providers: [
    HarvestRunner,
    PageWriter,
    HarvestMetrics,
    ParseWorkerProvider,
    JobSupervisor,
    JobsService,
  ],
  controllers: [JobsController],
  exports: [JobSupervisor],
})
export class JobsModule {}
