import { OutboxRelayModule, ServiceCoreModule } from '@dpi/service-kit';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { harvesterEnvSchema } from './config';
import { harvesterDataSourceOptions } from './database/data-source';
import { JobsModule } from './jobs/jobs.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { SourcesModule } from './sources/sources.module';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      name: 'harvester',
      envSchema: harvesterEnvSchema,
      dataSource: harvesterDataSourceOptions,
    }),
    ScheduleModule.forRoot(),
    OutboxRelayModule,
    SourcesModule,
    JobsModule,
    SchedulingModule,
  ],
})
export class AppModule {}
