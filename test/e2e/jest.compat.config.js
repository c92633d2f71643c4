/** The compat profile (n8n 1.123 on Node 20): `npx jest -c test/e2e/jest.compat.config.js`. See jest.config.js. */
const base = require('./jest.config.js');

module.exports = { ...base, displayName: 'e2e-compat', testMatch: ['<rootDir>/test/e2e/nodes-compat.spec.ts'] };
