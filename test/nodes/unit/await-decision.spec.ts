import type { IDataObject } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';
import { AwaitDecision } from '../../../nodes/AwaitDecision/AwaitDecision.node';
import { awaitDecisionOutputs } from '../../../nodes/AwaitDecision/outputs';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute, RESUME_URL } from './support/fake-context';
import { INSTANCE_ID, RECEIPT } from './support/fixtures';

const node = new AwaitDecision();

const parameters: IDataObject = {
	instanceId: INSTANCE_ID,
	queue: 'finance',
	title: 'Approve refund',
	instructions: 'Check the receipt',
	decisionSource: 'define',
	decisions: {
		values: [
			{ key: 'approve', label: 'Approve' },
			{ key: 'reject', label: 'Reject', commentRequired: true },
			{ key: 'more_info', label: 'Ask for more' },
		],
	},
	fields: { values: [{ key: 'amount', label: 'Approved amount', type: 'number', required: true }] },
	due: 'none',
	priority: 3,
	outputMode: 'perDecision',
	options: {},
};

const taskReply = (dueAt: string | null = null) => ({ status: 201, body: { id: 'task-1', instanceId: INSTANCE_ID, status: 'open', dueAt } });

function execute(overrides: IDataObject = {}, options: Parameters<typeof fakeExecute>[0] = {}) {
	const backend = options.backend ?? new FakeBackend().on('POST', '/tasks', taskReply());
	const fake = fakeExecute({ backend, parameters: { ...parameters, ...overrides }, items: [{ json: { caseflow: { instanceId: INSTANCE_ID } } }], ...options });
	return { ...fake, run: () => node.execute.call(fake.context) };
}

describe('Await Decision', () => {
	describe('outputs', () => {
		it('puts "Timed Out" first, then one output per decision, named by label', () => {
			expect(awaitDecisionOutputs(parameters).map((output) => output.displayName)).toEqual([
				'Timed Out',
				'Approve',
				'Reject',
				'Ask for more',
			]);
		});

		it('names outputs by key for decisions taken from the process', () => {
			const outputs = awaitDecisionOutputs({ decisionSource: 'process', processDecisions: ['yes', 'no'] });
			expect(outputs.map((output) => output.displayName)).toEqual(['Timed Out', 'yes', 'no']);
		});

		it('has a single output in the mode for n8n before 2.39', () => {
			expect(awaitDecisionOutputs({ ...parameters, outputMode: 'single' })).toEqual([{ type: 'main', displayName: 'Decision' }]);
		});

		it('is self-contained, since n8n evaluates it as an expression', () => {
			const isolated = new Function(`return (${awaitDecisionOutputs.toString()})`)() as typeof awaitDecisionOutputs;
			expect(isolated(parameters)).toEqual(awaitDecisionOutputs(parameters));
		});
	});

	describe('execute', () => {
		it("creates the task with n8n's resume URL, the decisions and fields", async () => {
			const { run, backend } = execute();
			await run();
			expect(backend.callsTo('POST', '/tasks')[0].body).toEqual({
				instanceId: INSTANCE_ID,
				queue: 'finance',
				title: 'Approve refund',
				instructions: 'Check the receipt',
				decisions: [
					{ key: 'approve', label: 'Approve', commentRequired: false },
					{ key: 'reject', label: 'Reject', commentRequired: true },
					{ key: 'more_info', label: 'Ask for more', commentRequired: false },
				],
				fields: [{ key: 'amount', label: 'Approved amount', type: 'number', required: true }],
				priority: 3,
				resumeUrl: RESUME_URL,
				requestKey: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
			});
		});

		it('creates the task once when the call is sent again because its answer was lost (same request key)', async () => {
			const backend = new FakeBackend().on('POST', '/tasks', taskReply()).failNext({ status: 504, applied: true }, 'ECONNREFUSED');
			const { run, waits } = execute({}, { backend });
			await run();
			const calls = backend.callsTo('POST', '/tasks');
			expect(calls).toHaveLength(3);
			expect(new Set(calls.map((call) => JSON.stringify(call.body))).size).toBe(1);
			expect(waits).toHaveLength(1);
		});

		it('makes a new request key for every run, so a second wait of the execution is a new task', async () => {
			const first = execute();
			await first.run();
			const second = execute();
			await second.run();
			expect(first.backend.calls[0].body!.requestKey).not.toEqual(second.backend.calls[0].body!.requestKey);
		});

		it('waits without a time limit unless asked to time out', async () => {
			const { run, waits } = execute({ due: 'inMinutes', dueInMinutes: 60 }, { backend: new FakeBackend().on('POST', '/tasks', taskReply('2026-11-02T10:00:00.000Z')) });
			const [[item]] = await run();
			expect(waits).toEqual([WAIT_INDEFINITELY]);
			expect(item.json.caseflow).toEqual({ instanceId: INSTANCE_ID, taskId: 'task-1', taskDueAt: '2026-11-02T10:00:00.000Z' });
		});

		it('with a time limit, waits until the due time plus the grace period', async () => {
			const backend = new FakeBackend().on('POST', '/tasks', taskReply('2026-11-02T10:00:00.000Z'));
			const { run, waits } = execute({ due: 'inMinutes', dueInMinutes: 60, limitWaitTime: true, graceMinutes: 30 }, { backend });
			await run();
			expect(backend.callsTo('POST', '/tasks')[0].body).toMatchObject({ dueInMinutes: 60 });
			expect(waits).toEqual([new Date('2026-11-02T10:30:00.000Z')]);
		});

		it('sends a due date as ISO', async () => {
			const { run, backend } = execute({ due: 'at', dueAt: '2026-12-01T17:00:00+01:00' });
			await run();
			expect(backend.callsTo('POST', '/tasks')[0].body).toMatchObject({ dueAt: '2026-12-01T16:00:00.000Z' });
		});

		it('offers the chosen decisions of the process, with their labels', async () => {
			const backend = new FakeBackend()
				.on('GET', '/processes/refunds', {
					key: 'refunds',
					decisions: [
						{ key: 'yes', label: 'Yes' },
						{ key: 'no', label: 'No', commentRequired: true },
						{ key: 'maybe', label: 'Maybe' },
					],
				})
				.on('POST', '/tasks', taskReply());
			const { run } = execute({ decisionSource: 'process', processKey: 'refunds', processDecisions: ['no', 'yes'] }, { backend });
			await run();
			expect(backend.callsTo('POST', '/tasks')[0].body?.decisions).toEqual([
				{ key: 'no', label: 'No', commentRequired: true },
				{ key: 'yes', label: 'Yes', commentRequired: false },
			]);
		});

		it('refuses a decision the process does not have, listing the ones it has', async () => {
			const backend = new FakeBackend().on('GET', '/processes/refunds', { key: 'refunds', decisions: [{ key: 'yes', label: 'Yes' }] });
			const { run } = execute({ decisionSource: 'process', processKey: 'refunds', processDecisions: ['no'] }, { backend });
			await expect(run()).rejects.toMatchObject({ message: 'Process "refunds" has no decision "no"', description: expect.stringContaining('yes') });
		});

		it('refuses duplicate or malformed decision keys before creating anything', async () => {
			const duplicate = execute({ decisions: { values: [{ key: 'ok' }, { key: 'ok' }] } });
			await expect(duplicate.run()).rejects.toThrow('Decision key "ok" is used twice');
			const malformed = execute({ decisions: { values: [{ key: 'not ok' }] } });
			await expect(malformed.run()).rejects.toThrow('Decision key "not ok" is not valid');
			expect(duplicate.backend.calls).toHaveLength(0);
			expect(malformed.backend.calls).toHaveLength(0);
		});

		it('refuses more than one item, saying how to loop', async () => {
			const { run, backend, waits } = execute({}, { items: [{ json: {} }, { json: {} }] });
			await expect(run()).rejects.toMatchObject({ description: expect.stringContaining('Loop Over Items') });
			expect(backend.calls).toHaveLength(0);
			expect(waits).toHaveLength(0);
		});

		it('does not wait when the task could not be created', async () => {
			const backend = new FakeBackend().on('POST', '/tasks', { status: 400, body: { statusCode: 400, message: 'queue: no queue "finance"' } });
			const { run, waits } = execute({}, { backend });
			await expect(run()).rejects.toMatchObject({ message: 'queue: no queue "finance"', context: expect.objectContaining({ itemIndex: 0 }) });
			expect(waits).toHaveLength(0);
		});

		it('with "continue on fail", emits the error item instead of waiting', async () => {
			const backend = new FakeBackend().on('POST', '/tasks', { status: 404, body: { statusCode: 404, message: 'No instance' } });
			const { run, waits } = execute({}, { backend, continueOnFail: true });
			await expect(run()).resolves.toEqual([
				[
					{
						json: { error: 'No instance', details: { statusCode: 404, description: expect.stringContaining('Nothing with that id') } },
						pairedItem: { item: 0 },
					},
				],
			]);
			expect(waits).toHaveLength(0);
		});

		it('keeps the files of the item it waits with', async () => {
			const items = [{ json: { caseflow: { instanceId: INSTANCE_ID } }, binary: { receipt: RECEIPT } }];
			const { run } = execute({}, { items });
			const [[item]] = await run();
			expect(item.binary).toEqual({ receipt: RECEIPT });
		});
	});


});
