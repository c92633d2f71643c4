import type { IDataObject } from 'n8n-workflow';
import { itemsAt, WorkflowSpec } from './support/fake-n8n';
import { startStack, Stack } from './support/backend';

/** Launch Workflow sets a record's links; the Caseflow node follows them both ways — in n8n's engine, against the backend. */
describe('related records in n8n, against the backend', () => {
	let stack: Stack;
	let college: IDataObject;
	beforeAll(async () => {
		stack = await startStack();
		await stack.t.admin.post('/entity-types').send({ key: 'college', name: 'College' }).expect(201);
		college = (await stack.t.automation.post('/entities').send({ type: 'college', externalId: 'COL-1', name: 'North College' }).expect(201)).body;
	});
	afterAll(async () => {
		await stack.stop();
	});

	const launchWithCollege = (students: IDataObject[], outputs: string[]): WorkflowSpec => ({
		nodes: [
			{ name: 'Start', type: 'start', parameters: { items: JSON.stringify(students) } },
			{
				name: 'Launch',
				type: 'launchWorkflow',
				typeVersion: 2,
				parameters: {
					processKey: 'referral',
					entityType: 'student',
					entityExternalId: '={{ $json.student }}',
					entityName: '={{ $json.student }}',
					entityFields: { relations: { relation: [{ name: 'college', type: 'college', externalId: '={{ $json.college }}' }] } },
					data: '{}',
				},
				settings: { onError: 'continueErrorOutput' },
			},
			...outputs.map((name) => ({ name, type: 'collect' })),
		],
		connections: outputs.map((name, output) => ['Launch', name, output] as [string, string, number]).concat([['Start', 'Launch', 0]]),
	});

	const related = (direction: string, output: string, extra: IDataObject = {}): WorkflowSpec => ({
		nodes: [
			{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ entity: { id: college.id } }]) } },
			{ name: 'Related', type: 'caseflow', parameters: { resource: 'entity', operation: 'getRelated', direction, relationName: 'college', output, ...extra } },
			{ name: 'Out', type: 'collect' },
		],
		connections: [
			['Start', 'Related'],
			['Related', 'Out'],
		],
	});

	it('links each launched student to their college, and refuses one whose college does not exist, naming the relation', async () => {
		const { run } = await stack.n8n.run(
			launchWithCollege(
				[
					{ student: 'S-REL-1', college: 'COL-1' },
					{ student: 'S-REL-2', college: 'COL-1' },
					{ student: 'S-REL-3', college: 'COL-NOPE' },
				],
				['New Case', 'Existing Case', 'Error'],
			),
		);
		expect(run.status).toBe('success');
		expect(itemsAt(run.data, 'New Case')).toHaveLength(2);
		const [refused] = itemsAt(run.data, 'Error');
		expect(refused).toMatchObject({ details: { statusCode: 400, fields: [expect.objectContaining({ field: 'entity.relations.college' })] } });
		const students = (await stack.t.automation.get('/entities?type=student&q=S-REL-3').expect(200)).body.items;
		expect(students).toEqual([]);
	});

	it('lists the students linking to the college, one item each, or one summary item', async () => {
		const each = await stack.n8n.run(related('incoming', 'each', { options: { type: 'student' } }));
		expect(itemsAt(each.run.data, 'Out').map((item) => [item.externalId, item.relation])).toEqual([
			['S-REL-1', 'college'],
			['S-REL-2', 'college'],
		]);
		const summary = await stack.n8n.run(related('incoming', 'summary'));
		expect(itemsAt(summary.run.data, 'Out')).toEqual([expect.objectContaining({ count: 2, direction: 'incoming', records: expect.any(Array) })]);
		const outgoing = await stack.n8n.run(related('outgoing', 'summary'));
		expect(itemsAt(outgoing.run.data, 'Out')).toEqual([expect.objectContaining({ count: 0, records: [] })]);
	});
});
