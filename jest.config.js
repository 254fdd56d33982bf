// The whole suite in one jest run (npm test): unit tests, then integration tests against the real
// local PostgreSQL and Kafka, then end-to-end tests through the running services.
// Per-project unit tests also run alone: `npx nx test <project>`.
const preset = require('./jest.preset.js');
const testing = '<rootDir>/libs/testing/src';

// What an integration or end-to-end test file and the services it starts log goes to
// .infra/logs/test/<run>/<test file>.log; the reporter prints the end of that log when the test
// file fails. (Unit tests log nothing; their console stays jest's.)
const testLog = `${testing}/jest-test-log.ts`;

const realServers = {
  ...preset,
  rootDir: __dirname,
  globalSetup: `${testing}/jest-global-setup.ts`,
  globalTeardown: `${testing}/jest-global-teardown.ts`,
};

module.exports = {
  reporters: ['default', `${testing}/jest-log-reporter.js`],
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
      setupFilesAfterEnv: [testLog, `${testing}/jest-timeout-integration.ts`],
    },
    {
      ...realServers,
      displayName: 'e2e',
      testMatch: ['<rootDir>/services/*/src/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: [testLog, `${testing}/jest-timeout-e2e.ts`],
    },
  ],
};
