import 'reflect-metadata';
import { bootstrapService } from '@dpi/service-kit';
import { AppModule } from './app.module';
import { boundHeapGrowth } from './memory';
import { SERVICE_OPTIONS } from './service-options';

boundHeapGrowth();

void bootstrapService(AppModule, SERVICE_OPTIONS);
