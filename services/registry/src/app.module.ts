import { OutboxRelayModule, ServiceCoreModule } from '@dpi/service-kit';
import { Module } from '@nestjs/common';
import { registryEnvSchema } from './config';
import { registryDataSourceOptions } from './database/data-source';
import { DatasetsModule } from './datasets/datasets.module';
import { EndpointsModule } from './endpoints/endpoints.module';
import { HarvestedModule } from './harvested/harvested.module';
import { ImportsModule } from './imports/imports.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ReferenceModule } from './reference/reference.module';
import { PlatformsModule } from './platforms/platforms.module';
import { RoundsModule } from './rounds/rounds.module';
import { DigitalTwinsModule } from './twins/digital-twins.module';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      name: 'registry',
      envSchema: registryEnvSchema,
      dataSource: registryDataSourceOptions,
    }),
    OutboxRelayModule,
    ReferenceModule,
    OrganisationsModule,
    PlatformsModule,
    DigitalTwinsModule,
    EndpointsModule,
    DatasetsModule,
    HarvestedModule,
    ImportsModule,
    RoundsModule,
  ],
})
export class AppModule {}
