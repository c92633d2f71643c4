/**
 * Template tests: `npx jest -c test/templates/jest.config.js`.
 * - definitions.spec.ts: every bundled template installs into the real backend, twice, without duplicates.
 * - e2e.spec.ts: each template runs end to end in a real n8n 2.41 (test/n8n) against the real backend.
 * - stack.spec.ts: the local stack (`npm start`) from a fresh data folder, stopped and started again.
 *
 * The backend's transform is reused because the specs start the real backend in-process.
 */
const path = require('path');
const backend = require('../../backend/jest.config.js');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  displayName: 'templates',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/templates/**/*.spec.ts'],
  transform: backend.transform,
  transformIgnorePatterns: backend.transformIgnorePatterns,
  // Each file starts real processes (n8n, the stack) and the machine has two cores.
  maxWorkers: 1,
  testTimeout: 10 * 60_000,
};
