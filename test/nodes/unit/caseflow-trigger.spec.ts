import { CaseflowTrigger } from '../../../nodes/CaseflowTrigger/CaseflowTrigger.node';
import { FakeBackend } from './support/fake-backend';
import { fakeHook, fakeWebhook } from './support/fake-context';
import { CASEFLOW_CONTEXT, INSTANCE_ID, instanceFixture } from './support/fixtures';
import { signedRequest } from './support/signing';

const node = new CaseflowTrigger();
const lifecycle = node.webhookMethods.default;
const url = 'http://n8n.test/webhook/abc/webhook';

describe('Caseflow Trigger', () => {
	describe('activation', () => {
		it('subscribes to the chosen events and process, and remembers the subscription', async () => {
			const backend = new FakeBackend().on('POST', '/webhooks', { status: 201, body: { id: 'sub-1', targetUrl: url } });
			const { context, staticData } = fakeHook({ backend, webhookUrl: url, parameters: { events: ['task.decided', 'task.overdue'], processKey: 'refunds' } });
			await expect(lifecycle.create.call(context)).resolves.toBe(true);
			expect(backend.calls[0].body).toEqual({ events: ['task.decided', 'task.overdue'], targetUrl: url, processKey: 'refunds' });
			expect(staticData).toEqual({ subscriptionId: 'sub-1' });
		});

		it('finds its subscription while it is registered for this URL, and forgets it otherwise', async () => {
			const backend = new FakeBackend().on('GET', '/webhooks', { items: [{ id: 'sub-1', targetUrl: url, events: [] }], total: 1, limit: 500, offset: 0 });
			const registered = fakeHook({ backend, webhookUrl: url, staticData: { subscriptionId: 'sub-1' } });
			await expect(lifecycle.checkExists.call(registered.context)).resolves.toBe(true);
			const moved = fakeHook({ backend, webhookUrl: 'http://n8n.test/webhook/other', staticData: { subscriptionId: 'sub-1' } });
			await expect(lifecycle.checkExists.call(moved.context)).resolves.toBe(false);
			expect(moved.staticData).toEqual({});
			const fresh = fakeHook({ backend });
			await expect(lifecycle.checkExists.call(fresh.context)).resolves.toBe(false);
		});

		it('unsubscribes on deactivation, also when the subscription is already gone', async () => {
			const backend = new FakeBackend().on('DELETE', '/webhooks/sub-1', { status: 204, body: '' });
			const { context, staticData } = fakeHook({ backend, staticData: { subscriptionId: 'sub-1' } });
			await expect(lifecycle.delete.call(context)).resolves.toBe(true);
			expect(staticData).toEqual({});
			const gone = fakeHook({ backend: new FakeBackend().on('DELETE', '/webhooks/sub-1', { status: 404, body: { statusCode: 404, message: 'No webhook' } }), staticData: { subscriptionId: 'sub-1' } });
			await expect(lifecycle.delete.call(gone.context)).resolves.toBe(true);
		});

		it('surfaces other failures to unsubscribe', async () => {
			const failing = fakeHook({ backend: new FakeBackend().on('DELETE', '/webhooks/sub-1', { status: 500, body: { statusCode: 500, message: 'boom' } }), staticData: { subscriptionId: 'sub-1' } });
			await expect(lifecycle.delete.call(failing.context)).rejects.toThrow('boom');
			expect(failing.staticData).toEqual({ subscriptionId: 'sub-1' });
		});
	});

	describe('webhook', () => {
		const event = { id: 'ev-1', type: 'task.decided', instanceId: INSTANCE_ID, entityId: 'e-1', taskId: 'task-1', actor: { type: 'user', id: 'u-1', name: 'Rita' }, data: { decision: 'approve' }, at: '2026-11-02T10:00:00.000Z' };

		function deliver(body: object, secret?: string, events = ['task.decided']) {
			const backend = new FakeBackend().on('GET', `/instances/${INSTANCE_ID}`, instanceFixture());
			const fake = fakeWebhook(signedRequest(body as never, { secret }), { backend, parameters: { events } });
			return { ...fake, run: () => node.webhook.call(fake.context) };
		}

		it('starts the workflow with the event and the case', async () => {
			const result = await deliver({ event }).run();
			expect(result.workflowData).toEqual([[{ json: { ...event, caseflow: { ...CASEFLOW_CONTEXT, taskId: 'task-1' }, deliveryId: 'delivery-1' } }]]);
		});

		it('refuses an unsigned or forged call with 401 and starts nothing', async () => {
			const forged = deliver({ event }, 'guessed');
			expect(await forged.run()).toEqual({ noWebhookResponse: true });
			expect(forged.response.status).toBe(401);
		});

		it('acknowledges but ignores an event it no longer listens to', async () => {
			const result = await deliver({ event }, undefined, ['task.overdue']).run();
			expect(result).toEqual({ webhookResponse: { ignored: 'task.decided' } });
			const any = await deliver({ event }, undefined, ['*']).run();
			expect(any.workflowData).toHaveLength(1);
		});

		it('refuses a body that is not an event with 422', async () => {
			const bad = deliver({ hello: 'world' });
			expect(await bad.run()).toEqual({ noWebhookResponse: true });
			expect(bad.response.status).toBe(422);
		});
	});
});
