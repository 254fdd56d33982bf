import { BootstrapOptions } from '@dpi/service-kit';

export const SERVICE_OPTIONS: BootstrapOptions = {
  name: 'reporting',
  openApi: {
    title: 'Datenplattform-Inventar – Reporting API',
    description:
      "The AG Integrierte Datenplattformen's inventory: read models built from Kafka. Read-only. " +
      'Without a token every response is the public view; with `Authorization: Bearer <token>` ' +
      '(a registry token) lists, exports, findings and the live stream include the NON_PUBLIC ' +
      'platforms and datasets the token may read: all of them for the roles reviewer and admin, ' +
      "its own Land's for a land-editor. An unknown or revoked token gets 401.",
    version: '1',
  },
};
