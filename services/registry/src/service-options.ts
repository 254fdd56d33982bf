import { BootstrapOptions } from '@dpi/service-kit';

export const SERVICE_OPTIONS: BootstrapOptions = {
  name: 'registry',
  openApi: {
    title: 'Datenplattform-Inventar – Registry API',
    description:
      'The Länder register and maintain their data platforms, digital twins, datasets and endpoints.',
    version: '1',
  },
};
