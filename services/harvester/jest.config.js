module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'harvester',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
