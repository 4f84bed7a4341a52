/** Pure unit tests only (no database, no Redis): `npm run test:unit`. */
const base = require('./jest.config');
module.exports = {
  ...base,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/web/src/**/*.spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  setupFiles: [],
};
