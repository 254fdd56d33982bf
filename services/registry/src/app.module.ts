import { ServiceCoreModule } from '@dpi/service-kit';
import { Module } from '@nestjs/common';
import { registryEnvSchema } from './config';
import { registryDataSourceOptions } from './database/data-source';
import { OutboxModule } from './outbox/outbox.module';
import { PlatformsModule } from './platforms/platforms.module';

@Module({
  imports: [
    ServiceCoreModule.forRoot({
      name: 'registry',
      envSchema: registryEnvSchema,
      dataSource: registryDataSourceOptions,
    }),
    OutboxModule,
    PlatformsModule,
  ],
})
export class AppModule {}
