import type { IDataObject } from 'n8n-workflow';
import { AssignStage } from '../../../nodes/AssignStage/AssignStage.node';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute } from './support/fake-context';
import { CASEFLOW_CONTEXT, INSTANCE_ID, instanceFixture, RECEIPT } from './support/fixtures';

const node = new AssignStage();
const path = `/instances/${INSTANCE_ID}/stage`;

function assign(parameters: IDataObject, options: Parameters<typeof fakeExecute>[0] = {}) {
	const backend = options.backend ?? new FakeBackend().on('POST', path, instanceFixture());
	const fake = fakeExecute({
		backend,
		parameters: { instanceId: INSTANCE_ID, stageKey: 'review', owner: 'stageDefault', slaMinutes: 0, note: '', ...parameters },
		items: [{ json: { order: 7 } }],
		...options,
	});
	return { ...fake, run: () => node.execute.call(fake.context) };
}

describe('Assign Stage', () => {
	it("moves the case and keeps the stage's own owner and SLA by default", async () => {
		const { run, backend } = assign({});
		const [[item]] = await run();
		expect(backend.callsTo('POST', path)[0].body).toEqual({ stageKey: 'review' });
		expect(item).toEqual({ json: { order: 7, caseflow: CASEFLOW_CONTEXT }, pairedItem: { item: 0 } });
	});

	it('hands the stage to a queue, with an SLA override and a note', async () => {
		const { run, backend } = assign({ owner: 'queue', ownerQueue: 'finance', slaMinutes: 90, note: 'Large amount' });
		await run();
		expect(backend.callsTo('POST', path)[0].body).toEqual({ stageKey: 'review', ownerQueue: 'finance', slaMinutes: 90, note: 'Large amount' });
	});

	it('hands the stage to a person', async () => {
		const { run, backend } = assign({ owner: 'person', assigneeId: 'u-7' });
		await run();
		expect(backend.callsTo('POST', path)[0].body).toEqual({ stageKey: 'review', assigneeId: 'u-7' });
	});

	it('says where the instance id comes from when it is missing', async () => {
		const { run, backend } = assign({ instanceId: '' });
		await expect(run()).rejects.toThrow('Instance ID is empty: put a Launch Workflow node before this one, or set the ID of the case');
		expect(backend.calls).toHaveLength(0);
	});

	it('passes the files of the item on untouched', async () => {
		const { run } = assign({}, { items: [{ json: { order: 7 }, binary: { receipt: RECEIPT } }] });
		const [[item]] = await run();
		expect(item.binary).toEqual({ receipt: RECEIPT });
		expect(item.json).toEqual({ order: 7, caseflow: CASEFLOW_CONTEXT });
	});

	it('with "continue on fail", emits the error with its item', async () => {
		const { run, backend } = assign({ stageKey: '' }, { continueOnFail: true });
		await expect(run()).resolves.toEqual([[{ json: { error: 'Choose the Stage to move the case to' }, pairedItem: { item: 0 } }]]);
		expect(backend.calls).toHaveLength(0);
	});

	it("with \"continue on fail\", carries the backend's field errors, status and hint on the error item", async () => {
		const details = [
			{ field: 'slaMinutes', messages: ['slaMinutes must not be greater than 525600'] },
			{ field: 'note', messages: ['note must be shorter than or equal to 2000 characters'] },
		];
		const backend = new FakeBackend().on('POST', path, {
			status: 400,
			body: { statusCode: 400, message: 'slaMinutes: slaMinutes must not be greater than 525600', details, correlationId: 'corr-1' },
		});
		const { run } = assign({ slaMinutes: 999999 }, { backend, continueOnFail: true, items: [{ json: { order: 7 }, binary: { receipt: RECEIPT } }] });
		const [[item]] = await run();
		// Only error and details: what n8n needs to send the item down the error output, when there is one.
		expect(item.json).toEqual({
			error: 'slaMinutes: slaMinutes must not be greater than 525600',
			details: {
				statusCode: 400,
				description: 'note: note must be shorter than or equal to 2000 characters\nCorrelation id: corr-1',
				fields: details,
			},
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		// Like the error items of n8n's own nodes, it carries no files.
		expect(item.binary).toBeUndefined();
	});
});
