import type { IDataObject } from 'n8n-workflow';
import { Caseflow } from '../../../nodes/Caseflow/Caseflow.node';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute } from './support/fake-context';
import { CASEFLOW_CONTEXT, INSTANCE_ID, instanceFixture, RECEIPT } from './support/fixtures';

const node = new Caseflow();

function run(parameters: IDataObject, backend: FakeBackend, options: Parameters<typeof fakeExecute>[0] = {}) {
	const fake = fakeExecute({ backend, parameters, ...options });
	return node.execute.call(fake.context);
}

describe('Caseflow', () => {
	describe('instance', () => {
		it('gets a case with the caseflow context for the next nodes', async () => {
			const backend = new FakeBackend().on('GET', `/instances/${INSTANCE_ID}`, instanceFixture({ tasks: [] }));
			const [[item]] = await run({ resource: 'instance', operation: 'get', instanceId: INSTANCE_ID }, backend);
			expect(item.json).toMatchObject({ id: INSTANCE_ID, tasks: [], caseflow: CASEFLOW_CONTEXT });
		});

		it('passes the files of the item on untouched', async () => {
			const backend = new FakeBackend().on('PATCH', `/instances/${INSTANCE_ID}/data`, instanceFixture());
			const items = [{ json: { order: 7 }, binary: { receipt: RECEIPT } }];
			const [[item]] = await run({ resource: 'instance', operation: 'updateData', instanceId: INSTANCE_ID, data: { approved: true } }, backend, { items });
			expect(item.binary).toEqual({ receipt: RECEIPT });
			expect(item.pairedItem).toEqual({ item: 0 });
		});

		it('merges data into a case', async () => {
			const backend = new FakeBackend().on('PATCH', `/instances/${INSTANCE_ID}/data`, instanceFixture());
			await run({ resource: 'instance', operation: 'updateData', instanceId: INSTANCE_ID, data: { approved: true } }, backend);
			expect(backend.calls[0].body).toEqual({ data: { approved: true } });
		});

		it('completes a case with an outcome', async () => {
			const backend = new FakeBackend().on('POST', `/instances/${INSTANCE_ID}/complete`, instanceFixture({ status: 'completed' }));
			const [[item]] = await run({ resource: 'instance', operation: 'complete', instanceId: INSTANCE_ID, outcome: 'approved' }, backend);
			expect(backend.calls[0].body).toEqual({ outcome: 'approved' });
			expect((item.json.caseflow as IDataObject).status).toBe('completed');
		});

		it('cancels a case, with a reason when given', async () => {
			const backend = new FakeBackend().on('POST', `/instances/${INSTANCE_ID}/cancel`, instanceFixture({ status: 'cancelled' }));
			await run({ resource: 'instance', operation: 'cancel', instanceId: INSTANCE_ID, reason: 'Duplicate' }, backend);
			await run({ resource: 'instance', operation: 'cancel', instanceId: INSTANCE_ID, reason: '' }, backend);
			expect(backend.calls.map((call) => call.body)).toEqual([{ reason: 'Duplicate' }, {}]);
		});

		it("shows the backend's 409 when the case already ended", async () => {
			const backend = new FakeBackend().on('POST', `/instances/${INSTANCE_ID}/complete`, {
				status: 409,
				body: { statusCode: 409, message: 'The instance is completed already' },
			});
			await expect(run({ resource: 'instance', operation: 'complete', instanceId: INSTANCE_ID, outcome: 'x' }, backend)).rejects.toMatchObject({
				message: 'The instance is completed already',
				httpCode: '409',
			});
		});
	});

	describe('entity', () => {
		const ada = { id: 'e-1', type: 'client', externalId: 'C-42', name: 'Ada' };

		it('finds an entity by type and exact external id', async () => {
			const backend = new FakeBackend().on('GET', '/entities', { items: [{ ...ada, externalId: 'C-421' }, ada], total: 2, limit: 500, offset: 0 });
			const [[item]] = await run({ resource: 'entity', operation: 'get', findBy: 'externalId', entityType: 'client', externalId: 'C-42' }, backend);
			expect(backend.calls[0].qs).toEqual({ type: 'client', q: 'C-42', limit: 500 });
			expect(item.json).toEqual(ada);
		});

		it('says so when no entity has that external id', async () => {
			const backend = new FakeBackend().on('GET', '/entities', { items: [], total: 0, limit: 500, offset: 0 });
			await expect(run({ resource: 'entity', operation: 'get', findBy: 'externalId', entityType: 'client', externalId: 'C-1' }, backend)).rejects.toThrow(
				'No client with external ID "C-1" in Caseflow',
			);
		});

		it('gets an entity by id', async () => {
			const backend = new FakeBackend().on('GET', '/entities/e-1', ada);
			const [[item]] = await run({ resource: 'entity', operation: 'get', findBy: 'id', entityId: 'e-1' }, backend);
			expect(item.json).toEqual(ada);
		});

		it('upserts an entity', async () => {
			const backend = new FakeBackend().on('POST', '/entities', { status: 201, body: ada });
			await run(
				{ resource: 'entity', operation: 'upsert', entityType: 'client', externalId: 'C-42', name: 'Ada', additionalFields: { email: 'ada@example.com', attributes: '{"tier":"gold"}' } },
				backend,
			);
			expect(backend.calls[0].body).toEqual({ type: 'client', externalId: 'C-42', name: 'Ada', email: 'ada@example.com', attributes: { tier: 'gold' } });
		});

		it('sends the related records of an upsert, an empty external id included for the backend to name', async () => {
			const backend = new FakeBackend().on('POST', '/entities', { status: 201, body: ada });
			const relation = [
				{ name: 'employer', type: 'client', externalId: ' C-1 ' },
				{ name: 'manager', type: 'employee', externalId: '' },
			];
			await run({ resource: 'entity', operation: 'upsert', entityType: 'client', externalId: 'C-42', name: 'Ada', additionalFields: { relations: { relation } } }, backend);
			expect(backend.calls[0].body).toMatchObject({
				relations: { employer: { type: 'client', externalId: 'C-1' }, manager: { type: 'employee', externalId: '' } },
			});
		});

		describe('get related', () => {
			const related = {
				outgoing: [{ name: 'employer', entity: { ...ada, id: 'e-2', externalId: 'C-1' } }],
				incoming: [
					{ name: 'manager', entity: { ...ada, id: 'e-3', externalId: 'E-3' } },
					{ name: 'manager', entity: { ...ada, id: 'e-4', externalId: 'E-4' } },
				],
				incomingTotal: 5,
			};

			it('puts out one item per record linking to the entity, with its relation name', async () => {
				const backend = new FakeBackend().on('GET', '/entities/e-1/related', related);
				const [items] = await run(
					{ resource: 'entity', operation: 'getRelated', entityId: 'e-1', direction: 'incoming', relationName: 'manager', output: 'each', options: { type: 'employee', skipField: 'status', skipValue: 'left' } },
					backend,
				);
				expect(backend.calls[0].qs).toEqual({ name: 'manager', type: 'employee', skipField: 'status', skipValue: 'left' });
				expect(items.map((item) => [item.json.externalId, item.json.relation, item.pairedItem])).toEqual([
					['E-3', 'manager', { item: 0 }],
					['E-4', 'manager', { item: 0 }],
				]);
			});

			it('puts out one summary item counting every match, even when the page holds fewer', async () => {
				const backend = new FakeBackend().on('GET', '/entities/e-1/related', related);
				const [[item]] = await run({ resource: 'entity', operation: 'getRelated', entityId: 'e-1', direction: 'incoming', relationName: '', output: 'summary', options: {} }, backend);
				expect(item.json).toMatchObject({ entityId: 'e-1', direction: 'incoming', count: 5 });
				expect(item.json.records).toHaveLength(2);
			});

			it('puts out nothing for an entity without links when asked for one item each', async () => {
				const backend = new FakeBackend().on('GET', '/entities/e-1/related', { outgoing: [], incoming: [], incomingTotal: 0 });
				const [items] = await run({ resource: 'entity', operation: 'getRelated', entityId: 'e-1', direction: 'outgoing', relationName: '', output: 'each', options: {} }, backend);
				expect(items).toEqual([]);
			});
		});
	});

	it('refuses an operation it does not know', async () => {
		await expect(run({ resource: 'instance', operation: 'delete' }, new FakeBackend())).rejects.toThrow('The operation "delete" of "instance" is not supported');
	});
});
