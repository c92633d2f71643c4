/**
 * Node tests: unit specs (stubbed n8n context and backend) and in-process runs (n8n's WorkflowExecute
 * against the real backend). Both use n8n's engine at the versions n8n 2.41 ships, installed in
 * test/nodes/n8n-runtime (see ensure.js there): every `n8n-workflow` import, the nodes' and n8n-core's,
 * must resolve to that one copy, or n8n's own `instanceof` checks fail.
 *
 * The backend's transform is reused because the in-process specs start the real backend.
 */
const path = require('path');
const backend = require('../../backend/jest.config.js');

const runtime = path.join(__dirname, 'n8n-runtime', 'node_modules');

module.exports = {
	rootDir: path.join(__dirname, '..', '..'),
	displayName: 'nodes',
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/nodes/**/*.spec.ts'],
	transform: backend.transform,
	transformIgnorePatterns: backend.transformIgnorePatterns,
	moduleNameMapper: {
		'^n8n-workflow$': path.join(runtime, 'n8n-workflow'),
		'^n8n-core$': path.join(runtime, 'n8n-core'),
	},
	maxWorkers: 2,
	testTimeout: 60000,
};
