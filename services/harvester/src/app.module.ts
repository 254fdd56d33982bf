import { ServiceCoreModule } from '@dpi/service-kit';
import { Module } from '@nestjs/common';
import { harvesterEnvSchema } from './config';
import { harvesterDataSourceOptions } from './database/data-source';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      name: 'harvester',
      envSchema: harvesterEnvSchema,
      dataSource: harvesterDataSourceOptions,
    }),
  ],
})
export class AppModule {}
