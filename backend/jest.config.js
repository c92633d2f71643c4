/**
 * One suite, two databases: CASEFLOW_TEST_DB=sqlite|postgres picks which (test/support/database.ts).
 *
 * A few small dependencies of Fastify's plugins now ship only ES modules, (or load them with import()), which Jest's
 * CommonJS runtime cannot require on Node 20; swc compiles just those to CommonJS.
 */
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
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  transform: { '^.+\\.(ts|js)$': ['@swc/jest', swc] },
  // Judge only the innermost node_modules segment: these packages also sit nested in others.
  transformIgnorePatterns: [`/node_modules/(?!.*/node_modules/)(?!(${ESM_ONLY.join('|')})/)`],
  maxWorkers: 2,
  testTimeout: 30000,
  displayName: process.env.CASEFLOW_TEST_DB ?? 'sqlite',
};
