module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'dashboard',
  rootDir: __dirname,
  testMatch: ['<rootDir>/{src,server,scripts}/**/*.spec.ts'],
};
