import { ServiceCoreModule } from '@dpi/service-kit';
import { Module } from '@nestjs/common';
import { reportingEnvSchema } from './config';
import { reportingDataSourceOptions } from './database/data-source';
import { ExportsModule } from './exports/exports.module';
import { HandlungsbedarfeModule } from './handlungsbedarfe/handlungsbedarfe.module';
import { InventoryModule } from './inventory/inventory.module';
import { LiveModule } from './live/live.module';
import { OverviewModule } from './overview/overview.module';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      name: 'reporting',
      envSchema: reportingEnvSchema,
      dataSource: reportingDataSourceOptions,
    }),
    LiveModule,
    HandlungsbedarfeModule,
    InventoryModule,
    OverviewModule,
    ExportsModule,
  ],
})
export class AppModule {}
