import { ServiceCoreModule } from '@dpi/service-kit';
import { Module } from '@nestjs/common';
import { reportingEnvSchema } from './config';
import { reportingDataSourceOptions } from './database/data-source';
import { InventoryModule } from './inventory/inventory.module';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      name: 'reporting',
      envSchema: reportingEnvSchema,
      dataSource: reportingDataSourceOptions,
    }),
    InventoryModule,
  ],
})
export class AppModule {}
