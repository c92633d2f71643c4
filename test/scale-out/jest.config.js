/**
 * The scale-out topology (issue 15): n8n 2.41 in queue mode (main + worker, Redis, PostgreSQL) and two
 * backend replicas (the built backend/dist) on PostgreSQL, all real processes on loopback:
 *   npm run build -w backend && npm run test:scale-out
 * Needs PostgreSQL (CASEFLOW_TEST_PG_URL, default the machine's 127.0.0.1:5432) and Redis
 * (CASEFLOW_TEST_REDIS_URL, default redis://127.0.0.1:6379). The backend's transform is reused because
 * the spec imports the backend's types.
 */
const path = require('path');
const backend = require('../../backend/jest.config.js');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  displayName: 'scale-out',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/scale-out/*.spec.ts'],
  transform: backend.transform,
  transformIgnorePatterns: backend.transformIgnorePatterns,
  maxWorkers: 1,
  testTimeout: 10 * 60_000,
};
