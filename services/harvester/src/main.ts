import 'reflect-metadata';
import { bootstrapService } from '@dpi/service-kit';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  name: 'harvester',
  openApi: {
    title: 'Datenplattform-Inventar – Harvester API',
    description: 'Harvests ISO 19139 metadata from OGC CSW 2.0.2 catalogues.',
    version: '1',
  },
});
