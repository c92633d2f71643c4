import { NodeApiError } from 'n8n-workflow';
import { apiBaseUrl, caseflowRequest, caseflowRequestWithStatus } from '../../../nodes/shared/transport';
import { FakeBackend } from './support/fake-backend';
import { CREDENTIALS, EXECUTION_ID, fakeExecute, fakeHook, fakeLoadOptions, fakeWebhook, WORKFLOW } from './support/fake-context';

describe('apiBaseUrl', () => {
	it.each([
		['http://localhost:3000', 'http://localhost:3000/api/v1'],
		['http://localhost:3000/', 'http://localhost:3000/api/v1'],
		['http://localhost:3000/api/v1', 'http://localhost:3000/api/v1'],
		[' https://cases.example.com/api/v1/ ', 'https://cases.example.com/api/v1'],
	])('turns %j into %j', (input, expected) => {
		expect(apiBaseUrl(input)).toBe(expected);
	});
});

describe('caseflowRequest', () => {
	it("calls the backend under /api/v1 with the Caseflow credential's API key", async () => {
		const backend = new FakeBackend().on('GET', '/queues', { items: [] });
		const { context } = fakeExecute({ backend });
		await expect(caseflowRequest.call(context, { method: 'GET', path: '/queues', qs: { limit: 5 } })).resolves.toEqual({ items: [] });
		expect(backend.calls).toEqual([expect.objectContaining({ apiKey: CREDENTIALS.apiKey, path: '/queues', qs: { limit: 5 } })]);
	});

	it('says which n8n execution and workflow make the call, so the backend can link them to the case', async () => {
		const backend = new FakeBackend().on('GET', '/queues', { items: [] });
		const execute = fakeExecute({ backend });
		await caseflowRequest.call(execute.context, { method: 'GET', path: '/queues' });
		const webhook = fakeWebhook({}, { backend });
		await caseflowRequest.call(webhook.context, { method: 'GET', path: '/queues' });
		expect(backend.calls.map((call) => call.headers)).toEqual([
			{ 'x-caseflow-n8n-execution': EXECUTION_ID, 'x-caseflow-n8n-workflow': WORKFLOW.id },
			{ 'x-caseflow-n8n-execution': EXECUTION_ID, 'x-caseflow-n8n-workflow': WORKFLOW.id },
		]);
	});

	it('sends no execution headers from contexts without an execution (listing options, activating a trigger)', async () => {
		const backend = new FakeBackend().on('GET', '/queues', { items: [] });
		await caseflowRequest.call(fakeLoadOptions({}, backend).context, { method: 'GET', path: '/queues' });
		await caseflowRequest.call(fakeHook({ backend }).context, { method: 'GET', path: '/queues' });
		expect(backend.calls.map((call) => call.headers)).toEqual([{}, {}]);
	});

	it('returns the status code when asked (201 created vs 200 reused)', async () => {
		const backend = new FakeBackend().on('POST', '/instances', { status: 201, body: { id: 'i1' } });
		const { context } = fakeExecute({ backend });
		await expect(caseflowRequestWithStatus.call(context, { method: 'POST', path: '/instances', body: {} })).resolves.toEqual({
			statusCode: 201,
			body: { id: 'i1' },
		});
	});

	it("turns a 400 into a NodeApiError with the backend's message, adding field errors it left out", async () => {
		const backend = new FakeBackend().on('POST', '/tasks', {
			status: 400,
			body: {
				statusCode: 400,
				error: 'Bad Request',
				message: 'queue: queue "nope" does not exist',
				details: [
					{ field: 'queue', messages: ['queue "nope" does not exist'] },
					{ field: 'title', messages: ['title must be shorter than or equal to 300 characters'] },
				],
			},
		});
		const { context } = fakeExecute({ backend });
		const error = (await caseflowRequest.call(context, { method: 'POST', path: '/tasks', body: {} }).catch((e: unknown) => e)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('queue: queue "nope" does not exist');
		expect(error.description).toBe('title: title must be shorter than or equal to 300 characters');
		expect(error.httpCode).toBe('400');
	});

	it('says to check the API key on 401', async () => {
		const backend = new FakeBackend().on('GET', '/queues', { status: 401, body: { statusCode: 401, message: 'Invalid API key' } });
		const { context } = fakeExecute({ backend });
		const error = (await caseflowRequest.call(context, { method: 'GET', path: '/queues' }).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('Invalid API key');
		expect(error.description).toContain('Check the API key in the Caseflow API credential');
	});

	it('says what state blocks a 409', async () => {
		const backend = new FakeBackend().on('POST', /\/complete$/, {
			status: 409,
			body: { statusCode: 409, message: 'The instance is already cancelled' },
		});
		const { context } = fakeExecute({ backend });
		const error = (await caseflowRequest.call(context, { method: 'POST', path: '/instances/x/complete' }).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('The instance is already cancelled');
		expect(error.httpCode).toBe('409');
	});

	it('sends a GET again when the connection broke or a load balancer answered 502-504, then answers', async () => {
		const backend = new FakeBackend().on('GET', '/queues', { items: [] }).failNext('ECONNRESET', { status: 502 }, { status: 503 });
		const { context } = fakeExecute({ backend });
		await expect(caseflowRequest.call(context, { method: 'GET', path: '/queues' })).resolves.toEqual({ items: [] });
		expect(backend.callsTo('GET', '/queues')).toHaveLength(4);
	});

	it('sends a POST once unless the call says it may be repeated, and never repeats an answer that is not transient', async () => {
		const once = new FakeBackend().on('POST', '/instances', { status: 201, body: { id: 'i1' } }).failNext({ status: 502, applied: true });
		const error = (await caseflowRequest.call(fakeExecute({ backend: once }).context, { method: 'POST', path: '/instances', body: {} }).catch((e: unknown) => e)) as NodeApiError;
		expect(error.httpCode).toBe('502');
		expect(once.callsTo('POST', '/instances')).toHaveLength(1);

		const retried = new FakeBackend().on('POST', '/tasks', { status: 201, body: { id: 't1' } }).failNext('ECONNREFUSED');
		await expect(caseflowRequest.call(fakeExecute({ backend: retried }).context, { method: 'POST', path: '/tasks', body: {}, retry: true })).resolves.toEqual({ id: 't1' });
		expect(retried.callsTo('POST', '/tasks')).toHaveLength(2);

		const refused = new FakeBackend().on('GET', '/queues', { status: 404, body: { statusCode: 404, message: 'No queue' } });
		await expect(caseflowRequest.call(fakeExecute({ backend: refused }).context, { method: 'GET', path: '/queues' })).rejects.toThrow('No queue');
		expect(refused.calls).toHaveLength(1);
	});

	it('points at the Base URL when the backend cannot be reached', async () => {
		const backend = new FakeBackend().failWithNetworkError('ECONNREFUSED');
		const { context } = fakeExecute({ backend });
		const error = (await caseflowRequest.call(context, { method: 'GET', path: '/queues' }).catch((e: unknown) => e)) as NodeApiError;
		expect(error.message).toBe('Could not reach the Caseflow backend at http://caseflow.test/api/v1/queues: the connection was refused');
		expect(error.description).toContain('Check the Base URL in the Caseflow API credential');
		// So a flow answering its caller from the error output says "try again later", not "bad request".
		expect(error.httpCode).toBe('503');
	});
});
