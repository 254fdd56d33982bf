import { BootstrapOptions } from '@dpi/service-kit';

export const SERVICE_OPTIONS: BootstrapOptions = {
  name: 'reporting',
  openApi: {
    title: 'Datenplattform-Inventar – Reporting API',
    description: "The AG Integrierte Datenplattformen's inventory: read models built from Kafka.",
    version: '1',
  },
};
