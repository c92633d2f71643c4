/**
 * Browser tests: the real backend in-process (backend/test/support/test-app.ts) serving the built
 * editor-ui, driven by the machine's Chromium through playwright-core. Build the UI first
 * (`npm run test:browser -w editor-ui` does both).
 *
 * Compiled like the backend's own tests (decorators, and the few ES-module-only dependencies of
 * Fastify's plugins turned into CommonJS).
 */
const path = require('node:path');

const ESM_ONLY = ['content-disposition', 'cookie', '@fastify/cookie'];

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  roots: ['<rootDir>/test/browser'],
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/browser/**/*.spec.ts'],
  transform: { '^.+\\.(ts|js)$': ['@swc/jest', swc] },
  transformIgnorePatterns: [`/node_modules/(?!.*/node_modules/)(?!(${ESM_ONLY.join('|')})/)`],
  // One Chromium at a time: the scenario is sequential and the CI machine has two cores.
  maxWorkers: 1,
  testTimeout: 120_000,
  displayName: 'browser',
};
