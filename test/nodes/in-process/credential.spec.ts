import type { IDataObject } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';
import { CaseflowApi } from '../../../credentials/CaseflowApi.credentials';
import { startStack, Stack } from './support/backend';

/**
 * The credential's "Test" button, as n8n runs it: the test request's expressions resolved with the
 * credential (n8n's expression extensions included), the API key added, sent to the real backend.
 */
describe('Caseflow API credential test, against the backend', () => {
	let stack: Stack;
	let apiKey: string;
	const credential = new CaseflowApi();
	beforeAll(async () => {
		stack = await startStack();
		apiKey = (await stack.t.createApiKey(['automation'])).key;
	});
	afterAll(async () => {
		await stack.stop();
	});

	async function testCredential(credentials: IDataObject): Promise<{ status: number; body: IDataObject }> {
		const resolve = (value: unknown) => new Expression('UTC').resolveSimpleParameterValue(String(value), { $credentials: credentials } as never);
		const { request } = credential.test;
		const headers: Record<string, string> = { 'X-API-Key': String(resolve(credential.authenticate.properties.headers!['X-API-Key'])) };
		for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = String(resolve(value));
		const response = await fetch(`${String(resolve(request.baseURL))}${request.url}`, { method: request.method, headers });
		return { status: response.status, body: (await response.json()) as IDataObject };
	}

	it("passes with the backend's signing secret", async () => {
		const result = await testCredential({ baseUrl: `${stack.t.baseUrl}/`, apiKey, signingSecret: stack.t.config.signingSecret });
		expect(result).toEqual({ status: 200, body: expect.objectContaining({ signing: 'ok' }) });
	});

	it.each([
		['another secret', 'not-the-secret', 'mismatch'],
		['an empty secret', '', 'missing'],
	])('reports %s, which the credential turns into its message', async (_what, signingSecret, signing) => {
		const result = await testCredential({ baseUrl: stack.t.baseUrl, apiKey, signingSecret });
		expect(result).toEqual({ status: 200, body: expect.objectContaining({ signing }) });
		const rule = (credential.test.rules as Array<{ type: string; properties: IDataObject }>).find((candidate) => candidate.properties.value === signing);
		expect(rule).toMatchObject({ type: 'responseSuccessBody', properties: { key: 'signing' } });
	});

	it('answers 401 for a wrong API key', async () => {
		const result = await testCredential({ baseUrl: stack.t.baseUrl, apiKey: 'cf_000000000000_wrong', signingSecret: stack.t.config.signingSecret });
		expect(result.status).toBe(401);
	});
});
