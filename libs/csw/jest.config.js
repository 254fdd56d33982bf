module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'csw',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
