import { Module } from '@nestjs/common';
import { RepositoriesModule } from '../database/repositories.module';
import { JobsModule } from '../jobs/jobs.module';
import { ScheduleService } from './schedule.service';

@Module({
  imports: [RepositoriesModule, JobsModule],
  providers: [ScheduleService],
  exports: [ScheduleService],
})
export class SchedulingModule {}
