import 'reflect-metadata';
import { bootstrapService } from '@dpi/service-kit';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  name: 'reporting',
  openApi: {
    title: 'Datenplattform-Inventar – Reporting API',
    description: 'The AG Integrierte Datenplattformen\'s inventory: read models built from Kafka.',
    version: '1',
  },
});
