import { ServiceCoreModule } from '@dpi/service-kit';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AggregatesModule } from './aggregates/aggregates.module';
import { AuthModule } from './auth/auth.module';
import { reportingEnvSchema } from './config';
import { DatabaseUnavailableInterceptor } from './database/database-unavailable.interceptor';
import { reportingDataSourceOptions } from './database/data-source';
import { ExportsModule } from './exports/exports.module';
import { HandlungsbedarfeModule } from './handlungsbedarfe/handlungsbedarfe.module';
import { InventoryModule } from './inventory/inventory.module';
import { LiveModule } from './live/live.module';
import { MethodModule } from './method/method.module';
import { OverviewModule } from './overview/overview.module';
import { ProfileModule } from './profile/profile.module';
import { ProjectionModule } from './projection/projection.module';
import { QualityModule } from './quality/quality.module';
import { RoundsModule } from './rounds/rounds.module';
import { TrendsModule } from './trends/trends.module';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      name: 'reporting',
      envSchema: reportingEnvSchema,
      dataSource: reportingDataSourceOptions,
    }),
    AuthModule,
    LiveModule,
    HandlungsbedarfeModule,
    ProjectionModule,
    InventoryModule,
    AggregatesModule,
    OverviewModule,
    ProfileModule,
    QualityModule,
    TrendsModule,
    ExportsModule,
    MethodModule,
    RoundsModule,
  ],
  providers: [{ provide: APP_INTERCEPTOR, useClass: DatabaseUnavailableInterceptor }],
})
export class AppModule {}
