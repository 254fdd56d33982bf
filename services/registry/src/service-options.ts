import { BootstrapOptions } from '@dpi/service-kit';
import { MAX_IMPORT_BYTES } from './imports/import-kinds';

export const SERVICE_OPTIONS: BootstrapOptions = {
  name: 'registry',
  openApi: {
    title: 'Datenplattform-Inventar – Registry API',
    description:
      'The Länder register and maintain their data platforms, digital twins, datasets and endpoints.',
    version: '1',
  },
  bodyLimits: { '/api/v1/imports': MAX_IMPORT_BYTES },
};
