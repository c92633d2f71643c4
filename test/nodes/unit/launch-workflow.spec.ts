import type { IDataObject } from 'n8n-workflow';
import { LaunchWorkflow } from '../../../nodes/LaunchWorkflow/LaunchWorkflow.node';
import { deriveIdempotencyKey } from '../../../nodes/LaunchWorkflow/idempotency';
import { ITEM_DEFAULTS } from '../../../nodes/shared/parameters';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute } from './support/fake-context';
import { CASEFLOW_CONTEXT, INSTANCE_ID, instanceFixture, RECEIPT } from './support/fixtures';

const node = new LaunchWorkflow();

const baseParameters: IDataObject = {
	processKey: 'refunds',
	entityType: 'client',
	entityExternalId: 'C-42',
	entityName: 'Ada Lovelace',
	entityFields: { email: 'ada@example.com', attributes: '{"tier":"gold"}' },
	data: '{"amount":120}',
	idempotencyKey: 'order-77',
	instanceId: '',
	options: {},
};

function launch(parameters: IDataObject = {}, options: Parameters<typeof fakeExecute>[0] = {}) {
	const backend = options.backend ?? new FakeBackend().on('POST', '/instances', { status: 201, body: instanceFixture() });
	const fake = fakeExecute({ backend, parameters: { ...baseParameters, ...parameters }, ...options });
	return { ...fake, run: () => node.execute.call(fake.context) };
}

/** Version 1 (one output); version 2 is specified in launch-workflow-v2.spec.ts. */
describe('Launch Workflow v1', () => {
	it('launches the case with the entity, data, idempotency key and n8n execution id', async () => {
		const { run, backend } = launch();
		await run();
		expect(backend.callsTo('POST', '/instances')[0].body).toEqual({
			processKey: 'refunds',
			entity: {
				type: 'client',
				externalId: 'C-42',
				name: 'Ada Lovelace',
				email: 'ada@example.com',
				attributes: { tier: 'gold' },
			},
			data: { amount: 120 },
			idempotencyKey: 'order-77',
			n8nExecutionId: 'exec-1',
		});
	});

	it('reads the shipped default expressions from the item, as n8n evaluates them, without an expression', async () => {
		const defaults = { data: ITEM_DEFAULTS.launchData, idempotencyKey: ITEM_DEFAULTS.launchIdempotencyKey, instanceId: ITEM_DEFAULTS.launchInstanceId };
		const items = [{ json: { body: { data: { amount: 5 }, instanceId: INSTANCE_ID }, headers: { 'idempotency-key': 'hdr-1' } } }];
		const { run, backend } = launch(defaults, { items, parametersOnNode: true });
		await run();
		expect(backend.callsTo('POST', '/instances')[0].body).toMatchObject({ data: { amount: 5 }, idempotencyKey: 'hdr-1', instanceId: INSTANCE_ID });
		const bare = launch(defaults, { items: [{ json: { body: 'not an object' } }], parametersOnNode: true });
		await bare.run();
		const body = bare.backend.callsTo('POST', '/instances')[0].body!;
		expect(body.data).toEqual({});
		expect(body.instanceId).toBeUndefined();
		expect(body.idempotencyKey).toMatch(/^n8n-item:refunds:[0-9a-f]+$/);
	});

	it('keeps the item and adds the case under `caseflow`, saying whether it was new', async () => {
		const { run } = launch({}, { items: [{ json: { order: 77 } }] });
		const [[item]] = await run();
		expect(item).toEqual({ json: { order: 77, caseflow: { ...CASEFLOW_CONTEXT, created: true, launch: 'created' } }, pairedItem: { item: 0 } });
	});

	it('reports created: false on the same one output when the key was seen before (200)', async () => {
		const backend = new FakeBackend().on('POST', '/instances', { status: 200, body: instanceFixture() });
		const { run } = launch({}, { backend });
		const outputs = await run();
		expect(outputs).toHaveLength(1);
		expect(outputs[0][0].json.caseflow).toMatchObject({ created: false, launch: 'existing' });
	});

	it('ignores the parameters of version 2: always launches, on one output', async () => {
		const { run, backend } = launch({ mode: 'find', whenExists: 'separateOutput' });
		const outputs = await run();
		expect(outputs).toHaveLength(1);
		expect(backend.callsTo('POST', '/instances')).toHaveLength(1);
		expect(backend.callsTo('GET', /^\/instances/)).toHaveLength(0);
	});

	it('keeps the files of the item', async () => {
		const { run } = launch({}, { items: [{ json: { order: 77 }, binary: { receipt: RECEIPT } }] });
		const [[item]] = await run();
		expect(item.binary).toEqual({ receipt: RECEIPT });
	});

	it('derives a stable key from the item when none is given', async () => {
		const backend = new FakeBackend().on('POST', '/instances', { status: 201, body: instanceFixture() });
		const items = [{ json: { b: 2, a: 1 } }, { json: { a: 1, b: 2 } }];
		const { run } = launch({ idempotencyKey: '' }, { backend, items });
		await run();
		const [first, second] = backend.callsTo('POST', '/instances').map((call) => call.body?.idempotencyKey);
		expect(first).toBe(second);
		expect(first).toBe(deriveIdempotencyKey('refunds', { a: 1, b: 2 }));
	});

	it('derives the key of a webhook item from its body alone, so a retry with new headers matches', () => {
		const first = deriveIdempotencyKey('refunds', { headers: { 'x-request-id': '1' }, body: { order: 77 } });
		const retry = deriveIdempotencyKey('refunds', { headers: { 'x-request-id': '2' }, body: { order: 77 } });
		expect(retry).toBe(first);
		expect(deriveIdempotencyKey('other', { headers: {}, body: { order: 77 } })).not.toBe(first);
	});

	it('attaches to the instance the UI started instead of launching', async () => {
		const { run, backend } = launch({ instanceId: INSTANCE_ID, entityType: '', entityExternalId: '' });
		await run();
		expect(backend.callsTo('POST', '/instances')[0].body).toMatchObject({ processKey: 'refunds', instanceId: INSTANCE_ID });
		expect(backend.callsTo('POST', '/instances')[0].body).not.toHaveProperty('entity');
	});

	it('passes an existing entity id and an initial stage', async () => {
		const { run, backend } = launch({ entityType: '', entityExternalId: '', options: { entityId: 'e-9', stageKey: 'intake' } });
		await run();
		expect(backend.callsTo('POST', '/instances')[0].body).toMatchObject({ entityId: 'e-9', stageKey: 'intake' });
	});

	it('processes every item', async () => {
		const { run, backend } = launch({}, { items: [{ json: { n: 1 } }, { json: { n: 2 } }, { json: { n: 3 } }] });
		const [items] = await run();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(backend.callsTo('POST', '/instances')).toHaveLength(3);
	});

	it('says what to set when no entity is given, naming the item', async () => {
		const { run, backend } = launch({ entityType: '', entityExternalId: '' });
		await expect(run()).rejects.toMatchObject({ message: 'Say which entity the case is about', context: { itemIndex: 0 } });
		expect(backend.calls).toHaveLength(0);
	});

	it('names the half of the entity that is empty for the item', async () => {
		const noExternalId = launch({ entityExternalId: '' });
		await expect(noExternalId.run()).rejects.toMatchObject({
			message: 'Entity External ID is empty for this item',
			description: expect.stringContaining('Entity Type is "client"'),
		});
		const noType = launch({ entityType: '' });
		await expect(noType.run()).rejects.toMatchObject({
			message: 'Entity Type is empty for this item',
			description: expect.stringContaining('Entity External ID is "C-42"'),
		});
		expect([...noExternalId.backend.calls, ...noType.backend.calls]).toHaveLength(0);
	});

	it('refuses data that is not a JSON object', async () => {
		const { run } = launch({ data: '[1,2]' });
		await expect(run()).rejects.toThrow('Initial Data must be a JSON object');
	});

	it("fails with the backend's message and the item index", async () => {
		const backend = new FakeBackend().on('POST', '/instances', {
			status: 409,
			body: { statusCode: 409, message: 'Process "refunds" has no published version; publish it first' },
		});
		const { run } = launch({}, { backend, items: [{ json: {} }, { json: {} }] });
		await expect(run()).rejects.toMatchObject({
			message: 'Process "refunds" has no published version; publish it first',
			context: expect.objectContaining({ itemIndex: 0 }),
		});
	});

	it('with "continue on fail", emits the error for the failing item and goes on', async () => {
		let calls = 0;
		const backend = new FakeBackend().on('POST', '/instances', () =>
			++calls === 1 ? { status: 400, body: { statusCode: 400, message: 'entity.email: must be an email' } } : { status: 201, body: instanceFixture() },
		);
		const { run } = launch({}, { backend, continueOnFail: true, items: [{ json: {} }, { json: {} }] });
		const [items] = await run();
		expect(items[0]).toEqual({ json: { error: 'entity.email: must be an email', details: { statusCode: 400 } }, pairedItem: { item: 0 } });
		expect(items[1].json.caseflow).toMatchObject({ instanceId: INSTANCE_ID });
	});
});
