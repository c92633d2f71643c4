import type { IDataObject } from 'n8n-workflow';
import { itemsAt } from './support/fake-n8n';
import { startStack, Stack } from './support/backend';

/** The nodes that act without pausing, chained on `caseflow.instanceId`, and the trigger's subscription. */
describe('Caseflow nodes in n8n, against the backend', () => {
	let stack: Stack;
	beforeAll(async () => {
		stack = await startStack();
	});
	afterAll(async () => {
		await stack.stop();
	});

	it('launches one case for a retried call carrying the same idempotency key', async () => {
		const call = { headers: { 'idempotency-key': `order-${Date.now()}` }, body: { student: 'S-800' } };
		const { run } = await stack.n8n.run({
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([call, call]) } },
				{
					name: 'Launch',
					type: 'launchWorkflow',
					parameters: { processKey: 'referral', entityType: 'student', entityExternalId: '={{ $json.body.student }}', entityName: 'Ada', data: '{}' },
				},
			],
			connections: [['Start', 'Launch']],
		});
		const launched = itemsAt(run.data, 'Launch').map((item) => item.caseflow as IDataObject);
		expect(launched.map((caseflow) => caseflow.created)).toEqual([true, false]);
		expect(launched[1]!.instanceId).toBe(launched[0]!.instanceId);
		const cases = (await stack.t.automation.get('/instances?processKey=referral&limit=500').expect(200)).body.items as IDataObject[];
		expect(cases.filter((instance) => instance.idempotencyKey === call.headers['idempotency-key'])).toHaveLength(1);
	});

	it('chains on caseflow.instanceId: moves the stage, sends a message and completes the case', async () => {
		const { run } = await stack.n8n.run({
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ body: { student: 'S-900' } }]) } },
				{
					name: 'Launch',
					type: 'launchWorkflow',
					parameters: {
						processKey: 'referral',
						entityType: 'student',
						entityExternalId: '={{ $json.body.student }}',
						entityName: 'Grace Hopper',
						entityFields: { email: 'grace@example.test', managerEmail: 'tutor@example.test' },
						data: '={{ { reason: "attendance" } }}',
					},
				},
				{ name: 'Assign', type: 'assignStage', parameters: { stageKey: 'department', note: 'Needs the department' } },
				{
					name: 'Message',
					type: 'sendTemplatedMessage',
					parameters: {
						source: 'inline',
						subject: 'Referral for {{entity.name}}',
						text: 'Your case is with {{stage.name}}.',
						toEntity: true,
						toManager: true,
					},
				},
				{ name: 'Complete', type: 'caseflow', parameters: { resource: 'instance', operation: 'complete', outcome: 'resolved' } },
			],
			connections: [
				['Start', 'Launch'],
				['Launch', 'Assign'],
				['Assign', 'Message'],
				['Message', 'Complete'],
			],
		});
		expect(run.status).toBe('success');
		const instanceId = (itemsAt(run.data, 'Launch')[0]!.caseflow as IDataObject).instanceId;
		expect((itemsAt(run.data, 'Assign')[0]!.caseflow as IDataObject).stage).toMatchObject({ key: 'department' });
		const [message] = itemsAt(run.data, 'Message');
		expect(message!.message).toMatchObject({ subject: 'Referral for Grace Hopper' });
		expect(String((message!.message as IDataObject).text)).toContain('Department follow-up');

		const instance = (await stack.t.automation.get(`/instances/${instanceId}`).expect(200)).body;
		expect(instance).toMatchObject({ status: 'completed', outcome: 'resolved', n8nExecutionId: expect.any(String) });
		expect(instance.stageVisits.map((visit: IDataObject) => visit.stageKey)).toContain('department');
		const messages = (await stack.t.automation.get(`/messages?instanceId=${instanceId}`).expect(200)).body;
		expect((Array.isArray(messages) ? messages : messages.items).map((m: IDataObject) => m.subject)).toEqual(['Referral for Grace Hopper']);
	});

	it("fails with the backend's message, or continues past the item when asked", async () => {
		const workflow = (continueOnFail: boolean) => ({
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ id: 1 }]) } },
				{
					name: 'Get',
					type: 'caseflow',
					parameters: { resource: 'instance', operation: 'get', instanceId: '00000000-0000-4000-8000-000000000000' },
					settings: { continueOnFail },
				},
			],
			connections: [['Start', 'Get']] as Array<[string, string]>,
		});
		const failed = await stack.n8n.run(workflow(false));
		expect(failed.run.status).toBe('error');
		expect(failed.run.data.resultData.error).toMatchObject({ httpCode: '404', message: expect.stringContaining('does not exist') });
		const continued = await stack.n8n.run(workflow(true));
		expect(continued.run.status).toBe('success');
		expect(itemsAt(continued.run.data, 'Get')).toEqual([
			{ error: expect.stringContaining('does not exist'), details: { statusCode: 404, description: expect.stringContaining('Nothing with that id') } },
		]);
	});

	it('sends a failed item down n8n\'s error output ("On Error: Continue (using error output)") with what the backend said', async () => {
		const launched = await stack.t.automation
			.post('/instances')
			.send({ processKey: 'referral', entity: { type: 'student', externalId: 'S-ERR', name: 'Err' } })
			.expect(201);
		const missing = '00000000-0000-4000-8000-000000000000';
		const { run } = await stack.n8n.run({
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ id: launched.body.id }, { id: missing }]) } },
				{
					name: 'Get',
					type: 'caseflow',
					parameters: { resource: 'instance', operation: 'get', instanceId: '={{ $json.id }}' },
					settings: { onError: 'continueErrorOutput' },
				},
				{ name: 'Found', type: 'collect' },
				{ name: 'Failed', type: 'collect' },
			],
			connections: [
				['Start', 'Get'],
				['Get', 'Found', 0],
				['Get', 'Failed', 1],
			],
		});
		expect(run.status).toBe('success');
		expect(itemsAt(run.data, 'Found')).toEqual([expect.objectContaining({ id: launched.body.id, caseflow: expect.objectContaining({ instanceId: launched.body.id }) })]);
		// n8n merges the failed item over the input item it pairs with.
		expect(itemsAt(run.data, 'Failed')).toEqual([
			{ id: missing, error: expect.stringContaining('does not exist'), details: expect.objectContaining({ statusCode: 404 }) },
		]);
	});

	it('escalates the open task of a case to another queue', async () => {
		await stack.t.admin.post('/queues').send({ key: 'supervisors', name: 'Supervisors' }).expect(201);
		const launched = await stack.t.automation
			.post('/instances')
			.send({ processKey: 'referral', entity: { type: 'student', externalId: 'S-ESC', name: 'Esc' }, stageKey: 'review' })
			.expect(201);
		const task = await stack.t.automation.post('/tasks').send({ instanceId: launched.body.id, queue: 'advisors', title: 'Review' }).expect(201);
		const { run } = await stack.n8n.run({
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ caseflow: { instanceId: launched.body.id } }]) } },
				{ name: 'Escalate', type: 'escalate', parameters: { reassignTo: 'queue', toQueue: 'supervisors', priority: 4, reason: 'Overdue' } },
			],
			connections: [['Start', 'Escalate']],
		});
		expect(run.status).toBe('success');
		const moved = (await stack.t.automation.get(`/tasks/${task.body.id}`).expect(200)).body;
		expect(moved).toMatchObject({ queue: { key: 'supervisors' }, priority: 4 });
	});

	describe('Caseflow Trigger', () => {
		const parameters = { events: ['instance.launched'], processKey: 'referral' };
		const staticData: IDataObject = {};

		it('subscribes on activation and receives signed events', async () => {
			stack.n8n.trigger = { parameters, results: [] };
			expect(await stack.n8n.triggerLifecycle('checkExists', parameters, staticData)).toBe(false);
			expect(await stack.n8n.triggerLifecycle('create', parameters, staticData)).toBe(true);
			expect(staticData.subscriptionId).toEqual(expect.any(String));
			expect(await stack.n8n.triggerLifecycle('checkExists', parameters, staticData)).toBe(true);

			// the subscription points at n8n's production URL for this trigger
			const subscriptions = (await stack.t.automation.get('/webhooks').expect(200)).body;
			const list = (Array.isArray(subscriptions) ? subscriptions : subscriptions.items) as IDataObject[];
			expect(list.find((s) => s.id === staticData.subscriptionId)).toMatchObject({
				events: ['instance.launched'],
				processKey: 'referral',
				targetUrl: stack.n8n.triggerUrl,
			});

			const launched = await stack.t.automation
				.post('/instances')
				.send({ processKey: 'referral', entity: { type: 'student', externalId: 'S-TRG', name: 'Trig' } })
				.expect(201);
			await stack.deliverOutbox();
			const received = stack.n8n.trigger!.results.filter((result) => result.workflowData);
			expect(received).toHaveLength(1);
			expect(received[0]!.workflowData).toEqual([
				[
					{
						json: expect.objectContaining({
							type: 'instance.launched',
							instanceId: launched.body.id,
							caseflow: expect.objectContaining({ instanceId: launched.body.id, entity: expect.objectContaining({ externalId: 'S-TRG' }) }),
							deliveryId: expect.any(String),
						}),
					},
				],
			]);
		});

		it('refuses a forged event with 401', async () => {
			const forged = stack.signed({ event: { id: 'e', type: 'instance.launched' } }, 'wrong');
			const response = await stack.n8n.post(stack.n8n.triggerUrl, forged.headers, forged.rawBody);
			expect(response.status).toBe(401);
			expect(stack.n8n.trigger!.results.at(-1)).toEqual({ status: 401, workflowData: undefined });
		});

		it('unsubscribes on deactivation', async () => {
			const id = staticData.subscriptionId;
			expect(await stack.n8n.triggerLifecycle('delete', parameters, staticData)).toBe(true);
			expect(staticData.subscriptionId).toBeUndefined();
			const subscriptions = (await stack.t.automation.get('/webhooks').expect(200)).body;
			const list = (Array.isArray(subscriptions) ? subscriptions : subscriptions.items) as IDataObject[];
			expect(list.find((s) => s.id === id)).toBeUndefined();
		});
	});
});
