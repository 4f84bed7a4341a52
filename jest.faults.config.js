/** The fault suite (`npm run test:faults`): its own Postgres and Redis, services as child processes. */
const base = require('./jest.config');
module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
  setupFiles: [],
  maxWorkers: 1,
  testTimeout: 180000,
};
