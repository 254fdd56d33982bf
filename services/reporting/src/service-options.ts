import { BootstrapOptions } from '@dpi/service-kit';

export const SERVICE_OPTIONS: BootstrapOptions = {
  name: 'reporting',
  openApi: {
    title: 'Datenplattform-Inventar – Reporting API',
    description:
      "The AG Integrierte Datenplattformen's inventory: read models built from Kafka. Read-only. " +
      'Without a token every response is the public view; with `Authorization: Bearer <token>` ' +
      '(a registry token of the role reviewer or admin) lists, exports and findings include ' +
      'NON_PUBLIC platforms and datasets. An unknown or revoked token gets 401.',
    version: '1',
  },
};
