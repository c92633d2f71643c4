import type { IDataObject } from 'n8n-workflow';
import { CaseflowTrigger } from '../../../nodes/CaseflowTrigger/CaseflowTrigger.node';
import { FakeBackend } from './support/fake-backend';
import { fakeHook, fakeWebhook } from './support/fake-context';
import { signedRequest } from './support/signing';

const node = new CaseflowTrigger();
const lifecycle = node.webhookMethods.default;
const url = 'http://n8n.test/webhook/abc/webhook';

/** Issue 12: a trigger on a change to a record; the backend does the filtering. */
describe('Caseflow Trigger: record events', () => {
	describe('activation', () => {
		async function subscribeWith(parameters: IDataObject) {
			const backend = new FakeBackend().on('POST', '/webhooks', { status: 201, body: { id: 'sub-1', targetUrl: url } });
			const { context } = fakeHook({ backend, webhookUrl: url, parameters });
			await lifecycle.create.call(context);
			return backend.calls[0].body;
		}

		it('sends the record type, field and value with the record events', async () => {
			const body = await subscribeWith({ events: ['entity.updated'], processKey: '', entityType: 'course_date', field: ' status ', value: 'Completed' });
			expect(body).toEqual({ events: ['entity.updated'], targetUrl: url, entityType: 'course_date', field: 'status', value: 'Completed' });
		});

		it('leaves out an empty field and value: any change, or any change of the field', async () => {
			expect(await subscribeWith({ events: ['entity.created'], entityType: 'course_date', field: '', value: '' })).toEqual({
				events: ['entity.created'], targetUrl: url, entityType: 'course_date',
			});
			expect(await subscribeWith({ events: ['entity.updated'], entityType: 'course_date', field: 'attributes.course.seats', value: '' })).toEqual({
				events: ['entity.updated'], targetUrl: url, entityType: 'course_date', field: 'attributes.course.seats',
			});
		});

		it('sends no record filter for case events, even when the hidden parameters hold values', async () => {
			expect(await subscribeWith({ events: ['task.decided'], entityType: 'course_date', field: 'status', value: 'x' })).toEqual({
				events: ['task.decided'], targetUrl: url,
			});
		});

		it('refuses to activate without a record type, or with a value but no field, and subscribes nothing', async () => {
			for (const [parameters, message] of [
				[{ events: ['entity.updated'], entityType: '' }, 'Choose the Record Type'],
				[{ events: ['entity.updated'], entityType: 'course_date', field: '', value: 'Completed' }, 'needs a Field'],
			] as const) {
				const backend = new FakeBackend();
				const { context, staticData } = fakeHook({ backend, webhookUrl: url, parameters });
				await expect(lifecycle.create.call(context)).rejects.toThrow(message);
				expect(backend.calls).toEqual([]);
				expect(staticData).toEqual({});
			}
		});
	});

	describe('webhook', () => {
		const event = { id: 'ev-9', type: 'entity.updated', instanceId: null, entityId: 'e-7', taskId: null, actor: { type: 'api_key', id: 'k-1', name: 'ops' }, data: {}, at: '2026-12-07T10:00:00.000Z' };
		const record = {
			entity: { id: 'e-7', type: 'course_date', externalId: 'CD-1', name: 'Spring', email: null, managerEmail: null, attributes: { status: 'Completed' } },
			before: { 'attributes.status': 'Booked' },
			after: { 'attributes.status': 'Completed' },
			changed: ['attributes.status'],
		};

		function deliver(body: object, events: string[]) {
			const backend = new FakeBackend();
			const fake = fakeWebhook(signedRequest(body as never), { backend, parameters: { events } });
			return { ...fake, run: () => node.webhook.call(fake.context) };
		}

		it('starts the workflow with the record, its before/after and what changed, without asking the backend', async () => {
			const run = deliver({ subscriptionId: 'sub-1', event, record }, ['entity.updated']);
			expect((await run.run()).workflowData).toEqual([[{
				json: { event: 'entity.updated', occurredAt: event.at, ...record, actor: event.actor, deliveryId: 'delivery-1' },
			}]]);
			expect(run.backend.calls).toEqual([]);
		});

		it('ignores a record event it does not name, also under "Any Event"', async () => {
			expect(await deliver({ event, record }, ['*']).run()).toEqual({ webhookResponse: { ignored: 'entity.updated' } });
			expect(await deliver({ event, record }, ['entity.created']).run()).toEqual({ webhookResponse: { ignored: 'entity.updated' } });
		});

		it('refuses a record event without the record with 422', async () => {
			const bad = deliver({ event }, ['entity.updated']);
			expect(await bad.run()).toEqual({ noWebhookResponse: true });
			expect(bad.response.status).toBe(422);
		});
	});
});
