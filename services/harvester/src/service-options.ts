import { BootstrapOptions } from '@dpi/service-kit';

export const SERVICE_OPTIONS: BootstrapOptions = {
  name: 'harvester',
  openApi: {
    title: 'Datenplattform-Inventar – Harvester API',
    description: 'Harvests ISO 19139 metadata from OGC CSW 2.0.2 catalogues.',
    version: '1',
  },
};
