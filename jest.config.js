// The whole suite in one jest run (npm test): unit tests, then integration tests against the real
// local PostgreSQL and Kafka, then end-to-end tests through the running services.
// Per-project unit tests also run alone: `npx nx test <project>`.
const preset = require('./jest.preset.js');
const testing = '<rootDir>/libs/testing/src';

const realServers = {
  ...preset,
  rootDir: __dirname,
  globalSetup: `${testing}/jest-global-setup.ts`,
  globalTeardown: `${testing}/jest-global-teardown.ts`,
};

module.exports = {
  projects: [
    {
      ...preset,
      rootDir: __dirname,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,services}/*/{src,server,scripts}/**/*.spec.ts'],
    },
    {
      ...realServers,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services}/*/src/**/*.int-spec.ts'],
      setupFilesAfterEnv: [`${testing}/jest-timeout-integration.ts`],
    },
    {
      ...realServers,
      displayName: 'e2e',
      testMatch: ['<rootDir>/services/*/src/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: [`${testing}/jest-timeout-e2e.ts`],
    },
  ],
};
