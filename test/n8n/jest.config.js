/**
 * The real-n8n harness suite: `npx jest -c test/n8n/jest.config.js`.
 * One worker: each file starts real n8n processes and the machine has two cores.
 */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  maxWorkers: 1,
  testTimeout: 180_000,
};
