/**
 * End-to-end tests of the packed Caseflow nodes in a real n8n (test/n8n harness) against the real
 * backend started in-process:
 *   npx jest -c test/e2e/jest.config.js          # nodes-current, n8n-restart, composed/ (n8n 2.41, Node 24)
 *   npx jest -c test/e2e/jest.compat.config.js   # nodes-compat (n8n 1.123, Node 20)
 * The backend's transform is reused because the specs import the backend's sources.
 */
const path = require('path');
const backend = require('../../backend/jest.config.js');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/test/e2e/nodes-current.spec.ts',
    '<rootDir>/test/e2e/n8n-restart.spec.ts',
    '<rootDir>/test/e2e/generated-workflow.spec.ts',
    '<rootDir>/test/e2e/composed/*.spec.ts',
    '<rootDir>/test/e2e/designer/*.spec.ts',
    '<rootDir>/test/e2e/intake/*.spec.ts',
  ],
  transform: backend.transform,
  transformIgnorePatterns: backend.transformIgnorePatterns,
  // Each file starts a real n8n and the machine has two cores.
  maxWorkers: 1,
  testTimeout: 5 * 60_000,
};
