import 'reflect-metadata';
import { bootstrapService } from '@dpi/service-kit';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  name: 'registry',
  openApi: {
    title: 'Datenplattform-Inventar – Registry API',
    description: 'The Länder register and maintain their data platforms, digital twins, datasets and endpoints.',
    version: '1',
  },
});
