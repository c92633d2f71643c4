import { createHash } from 'crypto';
import { readdirSync, readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { Expression } from 'n8n-workflow';
import { CaseflowApi } from '../../../credentials/CaseflowApi.credentials';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Resolves a "="-marked expression as n8n does for credentials, with its extensions (.hash() and the like). */
const evaluate = (value: string, data: object) => new Expression('UTC').resolveSimpleParameterValue(value, data as never);

describe('the n8n package', () => {
	const nodeFolders = readdirSync(join(root, 'nodes'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name !== 'shared')
		.map((entry) => entry.name);

	it('registers every node and the credential under dist/', () => {
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect([...pkg.n8n.nodes].sort()).toEqual(nodeFolders.map((name) => `dist/nodes/${name}/${name}.node.js`).sort());
		expect(pkg.n8n.credentials).toEqual(['dist/credentials/CaseflowApi.credentials.js']);
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.dependencies ?? {}).toEqual({});
	});

	it.each(nodeFolders)('%s has its codex file and light and dark icons', (name) => {
		const codex = JSON.parse(readFileSync(join(root, 'nodes', name, `${name}.node.json`), 'utf8'));
		expect(codex.node).toBe(`n8n-nodes-caseflow.${name.charAt(0).toLowerCase()}${name.slice(1)}`);
		expect(existsSync(join(root, 'nodes', name, 'caseflow.svg'))).toBe(true);
		expect(existsSync(join(root, 'nodes', name, 'caseflow.dark.svg'))).toBe(true);
	});
});

describe('Caseflow API credential', () => {
	const credential = new CaseflowApi();

	it('keeps the API key and the signing secret as password fields', () => {
		const passwords = credential.properties.filter((property) => property.typeOptions?.password).map((property) => property.name);
		expect(passwords).toEqual(['apiKey', 'signingSecret']);
	});

	it('sends the API key in X-API-Key', () => {
		expect(evaluate(credential.authenticate.properties.headers!['X-API-Key'] as string, { $credentials: { apiKey: 'cf_abc' } })).toBe('cf_abc');
	});

	it.each(['http://localhost:3000', 'http://localhost:3000/', 'http://localhost:3000/api/v1/'])(
		'tests against GET <base>/api/v1/auth/credential-check for a Base URL of %j',
		(baseUrl) => {
			expect(evaluate(credential.test.request.baseURL as string, { $credentials: { baseUrl } })).toBe('http://localhost:3000/api/v1');
			expect(credential.test.request.url).toBe('/auth/credential-check');
			expect(credential.test.request.method).toBe('GET');
		},
	);

	describe('proving the Signing Secret without sending it', () => {
		const signingCheck = (signingSecret: string) =>
			evaluate(String(credential.test.request.headers?.['x-caseflow-signing-check']), { $credentials: { signingSecret } });

		it('sends the SHA-256 of "caseflow-signing-check:" and the secret', () => {
			const expected = createHash('sha256').update('caseflow-signing-check:s3cret-value').digest('hex');
			expect(signingCheck('s3cret-value')).toBe(expected);
			expect(signingCheck('another-secret')).not.toBe(expected);
		});

		it('sends "missing" when the secret is empty', () => {
			expect(signingCheck('')).toBe('missing');
		});
	});

	it("explains what the backend's signing check found, then a wrong key and a wrong URL", () => {
		const rules = credential.test.rules as Array<{ type: string; properties: { key?: string; value: string | number; message: string } }>;
		expect(rules.map((rule) => [rule.type, rule.properties.key, rule.properties.value])).toEqual([
			['responseSuccessBody', 'signing', 'missing'],
			['responseSuccessBody', 'signing', 'mismatch'],
			['responseSuccessBody', 'signing', 'not-configured'],
			['responseCode', undefined, 401],
			['responseCode', undefined, 403],
			['responseCode', undefined, 404],
		]);
		for (const rule of rules) expect(rule.properties.message).toEqual(expect.any(String));
		expect(rules[0].properties.message).toContain('Signing Secret is empty');
		expect(rules[1].properties.message).toContain('differs from the backend');
		expect(rules[2].properties.message).toContain('no CASEFLOW_SIGNING_SECRET');
	});
});
