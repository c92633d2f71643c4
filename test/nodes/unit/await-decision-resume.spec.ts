import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { AwaitDecision } from '../../../nodes/AwaitDecision/AwaitDecision.node';
import { FakeBackend } from './support/fake-backend';
import { fakeWebhook } from './support/fake-context';
import { CASEFLOW_CONTEXT, INSTANCE_ID, notTakenReply, RECEIPT, takenReply } from './support/fixtures';
import { signedRequest } from './support/signing';

const node = new AwaitDecision();

/** What webhook() reads: the outputs, as the node's parameters define them. */
const parameters: IDataObject = {
	decisionSource: 'define',
	decisions: {
		values: [
			{ key: 'approve', label: 'Approve' },
			{ key: 'reject', label: 'Reject', commentRequired: true },
			{ key: 'more_info', label: 'Ask for more' },
		],
	},
	outputMode: 'perDecision',
};

/** The item that entered Await Decision before the execution paused (what `$input.first()` gives on resume). */
const waitingItem: INodeExecutionData = {
	json: { order: 7, caseflow: { instanceId: INSTANCE_ID, taskId: 'task-1', taskDueAt: null } },
	binary: { receipt: RECEIPT },
};

interface Delivery {
	overrides?: IDataObject;
	signing?: { secret?: string; timestamp?: number };
	backend?: FakeBackend;
	waitingItem?: INodeExecutionData | IDataObject;
	waitingItemInContext?: boolean;
}

/** A signed resume call reaching the waiting node; by default the backend lets it take the wait. */
function deliver(body: IDataObject, delivery: Delivery = {}) {
	const backend = delivery.backend ?? new FakeBackend().on('POST', '/waits/take', takenReply());
	const fake = fakeWebhook(signedRequest(body, delivery.signing), {
		backend,
		parameters: { ...parameters, ...delivery.overrides },
		waitingItem: delivery.waitingItem ?? waitingItem,
		waitingItemInContext: delivery.waitingItemInContext,
	});
	return { ...fake, run: () => node.webhook.call(fake.context) };
}

const decision = (key: string) => ({
	kind: 'decision',
	taskId: 'task-1',
	instanceId: INSTANCE_ID,
	decision: key,
	comment: 'Looks fine',
	fields: { amount: 100 },
	decidedBy: { id: 'u-1', name: 'Rita Reviewer', type: 'user' },
	decidedAt: '2026-11-02T10:00:00.000Z',
});

/**
 * Resuming: a signed call from the backend reaches the waiting node, which takes the wait (the first
 * delivery wins) and sends the item that waited down the output of the decision.
 */
describe('Await Decision resume (webhook)', () => {
	const decidedJson = (key: string) => ({
		order: 7,
		decision: key,
		timedOut: false,
		comment: 'Looks fine',
		fields: { amount: 100 },
		decidedBy: { id: 'u-1', name: 'Rita Reviewer', type: 'user' },
		decidedAt: '2026-11-02T10:00:00.000Z',
		taskId: 'task-1',
		caseflow: { ...CASEFLOW_CONTEXT, taskId: 'task-1', decision: key },
	});

	it.each([
		['approve', 1],
		['reject', 2],
		['more_info', 3],
	])('routes "%s" to output %i: the waiting item with the decision and the case as it is now', async (key, output) => {
		const { run, backend } = deliver(decision(key));
		const result = await run();
		expect(result.workflowData).toHaveLength(4);
		result.workflowData!.forEach((items, index) => expect(items).toHaveLength(index === output ? 1 : 0));
		expect(result.workflowData![output][0]).toEqual({ json: decidedJson(key), binary: { receipt: RECEIPT }, pairedItem: { item: 0 } });
		expect(backend.callsTo('POST', '/waits/take').map((call) => call.body)).toEqual([{ taskId: 'task-1', deliveryKey: 'delivery-1' }]);
		expect(backend.calls).toHaveLength(1);
	});

	it('reads the waiting item from the resume context n8n gives, evaluating no expression', async () => {
		const result = await deliver(decision('approve'), { waitingItemInContext: true }).run();
		expect(result.workflowData![1][0]).toEqual({ json: decidedJson('approve'), binary: { receipt: RECEIPT }, pairedItem: { item: 0 } });
	});

	it('decrypts the credential once for the whole resume: the signature check and the take share it', async () => {
		const { context, run, backend } = deliver(decision('approve'));
		await run();
		expect(backend.callsTo('POST', '/waits/take')).toHaveLength(1);
		expect(context.getCredentials).toHaveBeenCalledTimes(1);
	});

	it('lets the decision win over fields of the same name on the waiting item', async () => {
		const stale = { json: { order: 7, decision: 'stale', timedOut: true, taskId: 'task-0' } };
		const result = await deliver(decision('approve'), { waitingItem: stale }).run();
		expect(result.workflowData![1][0].json).toMatchObject({ order: 7, decision: 'approve', timedOut: false, taskId: 'task-1' });
	});

	it('keeps the json of the waiting item when n8n\'s "combined" binary mode gives only its json', async () => {
		const result = await deliver(decision('approve'), { waitingItem: { order: 7, caseflow: { instanceId: INSTANCE_ID } } }).run();
		expect(result.workflowData![1][0]).toEqual({ json: decidedJson('approve'), pairedItem: { item: 0 } });
	});

	it('routes a time-out from the backend to "Timed Out"', async () => {
		const { run, backend } = deliver({ kind: 'timeout', taskId: 'task-1', instanceId: INSTANCE_ID });
		const result = await run();
		expect(result.workflowData![0]).toEqual([
			{
				json: {
					order: 7,
					decision: null,
					timedOut: true,
					comment: null,
					fields: {},
					decidedBy: null,
					decidedAt: null,
					taskId: 'task-1',
					caseflow: { ...CASEFLOW_CONTEXT, taskId: 'task-1', decision: null },
				},
				binary: { receipt: RECEIPT },
				pairedItem: { item: 0 },
			},
		]);
		expect(result.workflowData!.slice(1).flat()).toHaveLength(0);
		expect(backend.callsTo('POST', '/waits/take').map((call) => call.body)).toEqual([{ taskId: 'task-1', deliveryKey: 'delivery-1' }]);
	});

	it('in single-output mode, sends every outcome to the one output carrying `decision`', async () => {
		const decided = await deliver(decision('reject'), { overrides: { outputMode: 'single' } }).run();
		expect(decided.workflowData).toEqual([[expect.objectContaining({ json: expect.objectContaining({ decision: 'reject' }) })]]);
		const timedOut = await deliver({ kind: 'timeout', taskId: 'task-1', instanceId: INSTANCE_ID }, { overrides: { outputMode: 'single' } }).run();
		expect(timedOut.workflowData).toEqual([[expect.objectContaining({ json: expect.objectContaining({ decision: null, timedOut: true }) })]]);
	});

	it.each(['completed', 'cancelled'])('ends the execution on no output when the case was %s while it waited', async (reason) => {
		const { run, backend, response } = deliver({ kind: 'released', taskId: 'task-1', instanceId: INSTANCE_ID, reason });
		const result = await run();
		expect(result.workflowData).toEqual([[], [], [], []]);
		expect(backend.callsTo('POST', '/waits/take').map((call) => call.body)).toEqual([{ taskId: 'task-1', deliveryKey: 'delivery-1' }]);
		// n8n answers the call itself once the execution goes on.
		expect(response).toEqual({});
	});

	it('ends on no output in single-output mode too when the case closed', async () => {
		const result = await deliver({ kind: 'released', taskId: 'task-1', instanceId: INSTANCE_ID, reason: 'cancelled' }, { overrides: { outputMode: 'single' } }).run();
		expect(result.workflowData).toEqual([[]]);
	});

	it.each(['already-taken', 'superseded'] as const)(
		'answers a delivery the backend calls "%s" with 200 and resumes nothing',
		async (reason) => {
			const backend = new FakeBackend().on('POST', '/waits/take', notTakenReply(reason));
			const { run, response } = deliver(decision('approve'), { backend });
			const result = await run();
			expect(result).toEqual({ noWebhookResponse: true });
			expect(result.workflowData).toBeUndefined();
			expect(response.status).toBe(200);
			expect(JSON.parse(response.body!)).toEqual({ status: reason, resumed: false });
			expect(backend.callsTo('POST', '/waits/take')).toHaveLength(1);
		},
	);

	it('asks again when the answer to its take was lost, with the same delivery key, and resumes', async () => {
		const backend = new FakeBackend().on('POST', '/waits/take', takenReply()).failNext({ status: 502, applied: true });
		const result = await deliver(decision('approve'), { backend }).run();
		expect(result.workflowData![1]).toHaveLength(1);
		const takes = backend.callsTo('POST', '/waits/take').map((call) => call.body);
		expect(takes).toEqual([{ taskId: 'task-1', deliveryKey: 'delivery-1' }, { taskId: 'task-1', deliveryKey: 'delivery-1' }]);
	});

	it('answers 503 and resumes nothing when the backend cannot be asked, so the delivery is tried again', async () => {
		const backend = new FakeBackend().failWithNetworkError('ECONNREFUSED');
		const { run, response } = deliver(decision('approve'), { backend });
		const result = await run();
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(503);
		expect(JSON.parse(response.body!)).toEqual({ error: expect.stringContaining('Caseflow could not confirm the resume') });
	});

	it('still resumes when the backend no longer has the case', async () => {
		const backend = new FakeBackend().on('POST', '/waits/take', takenReply(null));
		const result = await deliver(decision('approve'), { backend }).run();
		expect(result.workflowData![1][0].json.caseflow).toEqual({ taskId: 'task-1', decision: 'approve' });
	});

	it('refuses a forged signature with 401 and takes nothing', async () => {
		const { run, response, backend } = deliver(decision('approve'), { signing: { secret: 'guessed' } });
		const result = await run();
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ status: 401, body: JSON.stringify({ error: 'The signature does not match the body' }) });
		expect(backend.calls).toHaveLength(0);
	});

	it('refuses a replayed (old) call with 401', async () => {
		const { run, response, backend } = deliver(decision('approve'), { signing: { timestamp: Date.now() - 10 * 60 * 1000 } });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(401);
		expect(backend.calls).toHaveLength(0);
	});

	it('refuses an unknown decision with 422 and leaves the wait for the real one', async () => {
		const { run, response, backend } = deliver(decision('escalate'));
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(422);
		expect(backend.calls).toHaveLength(0);
	});

	it('refuses a timer call with 422 and takes nothing', async () => {
		const { run, response, backend } = deliver({ kind: 'timer', timerId: 't-1', instanceId: INSTANCE_ID, fireAt: 'x', firedAt: 'x' });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(422);
		expect(backend.calls).toHaveLength(0);
	});
});
