import type { IDataObject } from 'n8n-workflow';
import { LaunchWorkflow } from '../../../nodes/LaunchWorkflow/LaunchWorkflow.node';
import { launchWorkflowOutputs } from '../../../nodes/LaunchWorkflow/outputs';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute } from './support/fake-context';
import { CASEFLOW_CONTEXT, INSTANCE_ID, instanceFixture, RECEIPT } from './support/fixtures';

const node = new LaunchWorkflow();

const baseParameters: IDataObject = {
	processKey: 'refunds',
	entityType: 'client',
	entityExternalId: 'C-42',
	entityName: 'Ada Lovelace',
	data: '{"amount":120}',
	idempotencyKey: 'order-77',
	instanceId: '',
	options: {},
};

function runV2(parameters: IDataObject, backend: FakeBackend, options: Parameters<typeof fakeExecute>[0] = {}) {
	const fake = fakeExecute({ backend, parameters: { ...baseParameters, ...parameters }, typeVersion: 2, items: [{ json: { order: 77 } }], ...options });
	return node.execute.call(fake.context);
}

const newCase = { status: 201, body: instanceFixture() };
const existingCase = { status: 200, body: instanceFixture() };

describe('Launch Workflow outputs', () => {
	const names = (version: number, parameters: IDataObject) => launchWorkflowOutputs(version, parameters).map((output) => output.displayName);

	it('has one output in version 1, whatever the parameters', () => {
		expect(launchWorkflowOutputs(1, {})).toEqual([{ type: 'main', displayName: '' }]);
		expect(launchWorkflowOutputs(1, { mode: 'find', whenExists: 'separateOutput' })).toEqual([{ type: 'main', displayName: '' }]);
	});

	it('tells a new case from an existing one in version 2 by default', () => {
		expect(names(2, {})).toEqual(['New Case', 'Existing Case']);
		expect(names(2, { mode: 'launch', whenExists: 'separateOutput' })).toEqual(['New Case', 'Existing Case']);
	});

	it('has one output in version 2 when existing cases continue on the same output', () => {
		expect(names(2, { mode: 'launch', whenExists: 'sameOutput' })).toEqual(['Case']);
	});

	it('has "Found" and "Not Found" in find mode', () => {
		expect(names(2, { mode: 'find', whenExists: 'sameOutput' })).toEqual(['Found', 'Not Found']);
	});

	it('is self-contained, since n8n evaluates it as an expression', () => {
		const isolated = new Function(`return (${launchWorkflowOutputs.toString()})`)() as typeof launchWorkflowOutputs;
		expect(isolated(2, { mode: 'find' })).toEqual(launchWorkflowOutputs(2, { mode: 'find' }));
	});
});

describe('Launch Workflow v2', () => {
	describe('launch, existing cases on their own output (the default)', () => {
		it('sends a new case (201) down "New Case"', async () => {
			const outputs = await runV2({}, new FakeBackend().on('POST', '/instances', newCase));
			expect(outputs).toEqual([
				[{ json: { order: 77, caseflow: { ...CASEFLOW_CONTEXT, created: true, launch: 'created' } }, pairedItem: { item: 0 } }],
				[],
			]);
		});

		it('sends a repeated launch (200, same idempotency key) down "Existing Case"', async () => {
			const outputs = await runV2({}, new FakeBackend().on('POST', '/instances', existingCase));
			expect(outputs).toEqual([
				[],
				[{ json: { order: 77, caseflow: { ...CASEFLOW_CONTEXT, created: false, launch: 'existing' } }, pairedItem: { item: 0 } }],
			]);
		});

		it('sends the first run for a case started in the Caseflow UI down "New Case": its steps have not run yet', async () => {
			const backend = new FakeBackend().on('POST', '/instances', { status: 200, body: instanceFixture({ launch: 'attached' }) });
			const outputs = await runV2({ instanceId: INSTANCE_ID, entityType: '', entityExternalId: '' }, backend);
			expect(outputs[0]).toEqual([expect.objectContaining({ json: expect.objectContaining({ caseflow: expect.objectContaining({ created: false, launch: 'attached' }) }) })]);
			expect(outputs[1]).toEqual([]);
		});

		it('routes each item of a batch on its own, paired with its input and keeping its files', async () => {
			let calls = 0;
			const backend = new FakeBackend().on('POST', '/instances', () => (++calls === 1 ? newCase : existingCase));
			const items = [{ json: { n: 1 } }, { json: { n: 2 }, binary: { receipt: RECEIPT } }];
			const [created, existing] = await runV2({}, backend, { items });
			expect(created.map((item) => [item.json.n, item.pairedItem])).toEqual([[1, { item: 0 }]]);
			expect(existing.map((item) => [item.json.n, item.pairedItem])).toEqual([[2, { item: 1 }]]);
			expect(existing[0].binary).toEqual({ receipt: RECEIPT });
		});

		it('with "continue on fail", puts the error item on the first output', async () => {
			const backend = new FakeBackend().on('POST', '/instances', { status: 409, body: { statusCode: 409, message: 'Process "refunds" has no published version; publish it first' } });
			const [first, second] = await runV2({}, backend, { continueOnFail: true });
			expect(first).toEqual([
				{
					json: { error: 'Process "refunds" has no published version; publish it first', details: expect.objectContaining({ statusCode: 409 }) },
					pairedItem: { item: 0 },
				},
			]);
			expect(second).toEqual([]);
		});
	});

	describe('launch, existing cases on the same output', () => {
		it('sends new and existing cases down the one output, saying which is new', async () => {
			let calls = 0;
			const backend = new FakeBackend().on('POST', '/instances', () => (++calls === 1 ? newCase : existingCase));
			const outputs = await runV2({ whenExists: 'sameOutput' }, backend, { items: [{ json: { n: 1 } }, { json: { n: 2 } }] });
			expect(outputs).toHaveLength(1);
			expect(outputs[0].map((item) => (item.json.caseflow as IDataObject).created)).toEqual([true, false]);
		});
	});

	describe('find', () => {
		const find = (parameters: IDataObject, backend: FakeBackend, options: Parameters<typeof fakeExecute>[0] = {}) =>
			runV2({ mode: 'find', ...parameters }, backend, options);
		/** Find mode never creates anything: no POST, whatever it finds. */
		const posts = (backend: FakeBackend) => backend.callsTo('POST', /.*/);
		const byId = { instanceId: INSTANCE_ID, entityType: '', entityExternalId: '', idempotencyKey: '' };
		const foundItem = { json: { order: 77, caseflow: { ...CASEFLOW_CONTEXT, created: false } }, pairedItem: { item: 0 } };
		const notFoundItem = { json: { order: 77, caseflow: null }, pairedItem: { item: 0 } };

		it('finds the case by Attach to Instance ID and sends it down "Found"', async () => {
			const backend = new FakeBackend().on('GET', `/instances/${INSTANCE_ID}`, instanceFixture());
			await expect(find(byId, backend)).resolves.toEqual([[foundItem], []]);
			expect(backend.calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET /instances/${INSTANCE_ID}`]);
		});

		it('sends an unknown instance id (404) down "Not Found" with caseflow: null', async () => {
			const backend = new FakeBackend().on('GET', `/instances/${INSTANCE_ID}`, { status: 404, body: { statusCode: 404, message: 'Instance does not exist.' } });
			await expect(find(byId, backend)).resolves.toEqual([[], [notFoundItem]]);
			expect(posts(backend)).toHaveLength(0);
		});

		it('does not count a case of another process as found', async () => {
			const backend = new FakeBackend().on('GET', `/instances/${INSTANCE_ID}`, instanceFixture({ processKey: 'onboarding' }));
			await expect(find(byId, backend)).resolves.toEqual([[], [notFoundItem]]);
		});

		it.each(['completed', 'cancelled'])('counts a %s case as found only with Include Closed Cases', async (status) => {
			const backend = new FakeBackend().on('GET', `/instances/${INSTANCE_ID}`, instanceFixture({ status }));
			await expect(find(byId, backend)).resolves.toEqual([[], [notFoundItem]]);
			const [found] = await find({ ...byId, includeClosed: true }, backend);
			expect(found).toEqual([expect.objectContaining({ json: expect.objectContaining({ caseflow: expect.objectContaining({ status }) }) })]);
			expect(posts(backend)).toHaveLength(0);
		});

		it('fails on other errors than 404 instead of saying "Not Found"', async () => {
			const backend = new FakeBackend().on('GET', `/instances/${INSTANCE_ID}`, { status: 500, body: { statusCode: 500, message: 'Internal error' } });
			await expect(find(byId, backend)).rejects.toMatchObject({ message: 'Internal error', context: expect.objectContaining({ itemIndex: 0 }) });
		});

		it('finds the open case of the entity, before any idempotency key', async () => {
			const backend = new FakeBackend().on('GET', '/instances', { items: [instanceFixture()], total: 1, limit: 1, offset: 0 });
			await expect(find({}, backend)).resolves.toEqual([[foundItem], []]);
			expect(backend.calls.map((call) => [call.method, call.path, call.qs])).toEqual([
				['GET', '/instances', { processKey: 'refunds', entityType: 'client', externalId: 'C-42', limit: 1, open: true }],
			]);
		});

		it('looks at closed cases of the entity too with Include Closed Cases', async () => {
			const backend = new FakeBackend().on('GET', '/instances', { items: [], total: 0, limit: 1, offset: 0 });
			await expect(find({ includeClosed: true }, backend)).resolves.toEqual([[], [notFoundItem]]);
			expect(backend.calls[0].qs).toEqual({ processKey: 'refunds', entityType: 'client', externalId: 'C-42', limit: 1 });
			expect(posts(backend)).toHaveLength(0);
		});

		it('finds the open case by Idempotency Key when no entity is given', async () => {
			const backend = new FakeBackend().on('GET', '/instances', { items: [instanceFixture()], total: 1, limit: 1, offset: 0 });
			await expect(find({ entityType: '', entityExternalId: '' }, backend)).resolves.toEqual([[foundItem], []]);
			expect(backend.calls[0].qs).toEqual({ processKey: 'refunds', idempotencyKey: 'order-77', limit: 1, open: true });
			expect(posts(backend)).toHaveLength(0);
		});

		it('says which case to find when given neither id, entity nor key, and asks nothing', async () => {
			const backend = new FakeBackend();
			await expect(find({ entityType: '', entityExternalId: '', idempotencyKey: '' }, backend)).rejects.toMatchObject({
				message: 'Say which case to find',
				context: expect.objectContaining({ itemIndex: 0 }),
			});
			expect(backend.calls).toHaveLength(0);
		});

		it('names the half of the entity that is empty for the item', async () => {
			const backend = new FakeBackend();
			await expect(find({ entityType: '' }, backend)).rejects.toThrow('Entity Type is empty for this item');
			expect(backend.calls).toHaveLength(0);
		});

		it('reads none of the launch parameters (Initial Data may be anything)', async () => {
			const backend = new FakeBackend().on('GET', '/instances', { items: [instanceFixture()], total: 1, limit: 1, offset: 0 });
			await expect(find({ data: 'not json', entityFields: { attributes: 'not json' } }, backend)).resolves.toEqual([[foundItem], []]);
		});
	});
});
