import type { IDataObject } from 'n8n-workflow';
import { itemsAt, WorkflowSpec } from './support/fake-n8n';
import { startStack, Stack } from './support/backend';

/** Launch Workflow version 2 in n8n's engine: its outputs tell a new case from an existing one, or none. */
describe('Launch Workflow v2 in n8n, against the backend', () => {
	let stack: Stack;
	beforeAll(async () => {
		stack = await startStack();
	});
	afterAll(async () => {
		await stack.stop();
	});

	function launchWorkflow(items: IDataObject[], launch: IDataObject, outputs: string[]): WorkflowSpec {
		return {
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify(items) } },
				{
					name: 'Launch',
					type: 'launchWorkflow',
					typeVersion: 2,
					parameters: { processKey: 'referral', entityType: 'student', entityExternalId: '={{ $json.body.student }}', data: '{}', ...launch },
				},
				...outputs.map((name) => ({ name, type: 'collect' })),
			],
			connections: [['Start', 'Launch'], ...outputs.map((name, output) => ['Launch', name, output] as [string, string, number])],
		};
	}

	const casesOf = async (externalId: string) =>
		((await stack.t.automation.get(`/instances?processKey=referral&entityType=student&externalId=${externalId}&limit=50`).expect(200)).body
			.items as IDataObject[]);

	it('sends a retried call (same idempotency key) down "Existing Case", so the steps of the case run once', async () => {
		const call = { headers: { 'idempotency-key': `v2-order-${Date.now()}` }, body: { student: 'S-V2' } };
		const { run } = await stack.n8n.run(launchWorkflow([call, call], {}, ['New Case', 'Existing Case']));
		expect(run.status).toBe('success');
		const [created] = itemsAt(run.data, 'New Case');
		const [existing] = itemsAt(run.data, 'Existing Case');
		expect(itemsAt(run.data, 'New Case')).toHaveLength(1);
		expect(itemsAt(run.data, 'Existing Case')).toHaveLength(1);
		expect(created!.caseflow).toMatchObject({ created: true, launch: 'created' });
		expect(existing!.caseflow).toMatchObject({ created: false, launch: 'existing', instanceId: (created!.caseflow as IDataObject).instanceId });
		expect(await casesOf('S-V2')).toHaveLength(1);
	});

	it('finds the open case of an entity, sends an unknown entity down "Not Found", and creates nothing', async () => {
		const launched = await stack.t.automation
			.post('/instances')
			.send({ processKey: 'referral', entity: { type: 'student', externalId: 'S-FIND', name: 'Findable' } })
			.expect(201);
		const { run } = await stack.n8n.run(
			launchWorkflow([{ body: { student: 'S-FIND' } }, { body: { student: 'S-NOBODY' } }], { mode: 'find' }, ['Found', 'Not Found']),
		);
		expect(run.status).toBe('success');
		expect(itemsAt(run.data, 'Found')).toEqual([
			{ body: { student: 'S-FIND' }, caseflow: expect.objectContaining({ instanceId: launched.body.id, created: false }) },
		]);
		expect(itemsAt(run.data, 'Not Found')).toEqual([{ body: { student: 'S-NOBODY' }, caseflow: null }]);
		expect(await casesOf('S-NOBODY')).toEqual([]);
		expect(await casesOf('S-FIND')).toHaveLength(1);
	});

	it('does not find a closed case unless asked to include closed cases', async () => {
		const launched = await stack.t.automation
			.post('/instances')
			.send({ processKey: 'referral', entity: { type: 'student', externalId: 'S-CLOSED', name: 'Closed' } })
			.expect(201);
		await stack.t.automation.post(`/instances/${launched.body.id}/complete`).send({ outcome: 'resolved' }).expect(200);
		const items = [{ body: { student: 'S-CLOSED' } }];
		const open = await stack.n8n.run(launchWorkflow(items, { mode: 'find' }, ['Found', 'Not Found']));
		expect(itemsAt(open.run.data, 'Not Found')).toHaveLength(1);
		const any = await stack.n8n.run(launchWorkflow(items, { mode: 'find', includeClosed: true }, ['Found', 'Not Found']));
		expect(itemsAt(any.run.data, 'Found')).toEqual([expect.objectContaining({ caseflow: expect.objectContaining({ instanceId: launched.body.id, status: 'completed' }) })]);
	});
});
