import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { RelativeDelay } from '../../../nodes/RelativeDelay/RelativeDelay.node';
import { FakeBackend } from './support/fake-backend';
import { fakeWebhook } from './support/fake-context';
import { CASEFLOW_CONTEXT, INSTANCE_ID, notTakenReply, RECEIPT, takenReply } from './support/fixtures';
import { signedRequest } from './support/signing';

const node = new RelativeDelay();

/** The item that entered Relative Delay before the execution paused (what `$input.first()` gives on resume). */
const waitingItem: INodeExecutionData = {
	json: { order: 7, caseflow: { instanceId: INSTANCE_ID }, timer: { id: 'timer-1', status: 'waiting' } },
	binary: { receipt: RECEIPT },
};

const fired = {
	kind: 'timer',
	timerId: 'timer-1',
	instanceId: INSTANCE_ID,
	fireAt: '2026-11-02T09:00:00.000Z',
	firedAt: '2026-11-02T09:00:01.000Z',
	late: false,
	status: 'fired',
};
/** Its anchor moved into the past while the execution waited. */
const past = { ...fired, late: true, status: 'past' };

function deliver(body: IDataObject, options: { ifPast?: string; backend?: FakeBackend; secret?: string } = {}) {
	const backend = options.backend ?? new FakeBackend().on('POST', '/waits/take', takenReply());
	const fake = fakeWebhook(signedRequest(body, { secret: options.secret }), {
		backend,
		parameters: { ifPast: options.ifPast ?? 'tooLate' },
		waitingItem,
	});
	return { ...fake, run: () => node.webhook.call(fake.context) };
}

const resumed = (timer: IDataObject) => ({
	json: { order: 7, timer, caseflow: CASEFLOW_CONTEXT },
	binary: { receipt: RECEIPT },
	pairedItem: { item: 0 },
});

/** Resuming: the backend fired the timer (or let go of the execution) and the waiting item goes on. */
describe('Relative Delay resume (webhook)', () => {
	it('continues on "On Time" with the waiting item, the fired timer and the case as it is now', async () => {
		const { run, backend } = deliver(fired);
		const result = await run();
		expect(result.workflowData).toEqual([
			[resumed({ id: 'timer-1', fireAt: fired.fireAt, firedAt: fired.firedAt, status: 'fired', late: false })],
			[],
		]);
		expect(backend.callsTo('POST', '/waits/take').map((call) => call.body)).toEqual([{ timerId: 'timer-1', deliveryKey: 'delivery-1' }]);
	});

	it('continues on "Too Late" when the anchor moved into the past', async () => {
		const result = await deliver(past).run();
		expect(result.workflowData).toEqual([
			[],
			[resumed({ id: 'timer-1', fireAt: past.fireAt, firedAt: past.firedAt, status: 'past', late: true })],
		]);
	});

	it('continues on "On Time" with late: true when "Continue Now" is chosen', async () => {
		const result = await deliver(past, { ifPast: 'continue' }).run();
		expect(result.workflowData).toEqual([[resumed({ id: 'timer-1', fireAt: past.fireAt, firedAt: past.firedAt, status: 'past', late: true })]]);
	});

	it.each(['completed', 'cancelled'])('ends the execution on no output when the case was %s while it waited', async (reason) => {
		const { run, backend, response } = deliver({ kind: 'released', timerId: 'timer-1', instanceId: INSTANCE_ID, reason });
		const result = await run();
		expect(result.workflowData).toEqual([[], []]);
		expect(backend.callsTo('POST', '/waits/take').map((call) => call.body)).toEqual([{ timerId: 'timer-1', deliveryKey: 'delivery-1' }]);
		expect(response).toEqual({});
	});

	it.each(['already-taken', 'superseded'] as const)('answers a delivery the backend calls "%s" with 200 and resumes nothing', async (reason) => {
		const backend = new FakeBackend().on('POST', '/waits/take', notTakenReply(reason));
		const { run, response } = deliver(fired, { backend });
		const result = await run();
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(200);
		expect(JSON.parse(response.body!)).toEqual({ status: reason, resumed: false });
	});

	it('answers 503 and resumes nothing when the backend cannot be asked', async () => {
		const { run, response } = deliver(fired, { backend: new FakeBackend().failWithNetworkError('ETIMEDOUT') });
		const result = await run();
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.status).toBe(503);
	});

	it('refuses a forged call with 401 and a decision with 422, taking nothing', async () => {
		const forged = deliver(fired, { secret: 'guessed' });
		expect(await forged.run()).toEqual({ noWebhookResponse: true });
		expect(forged.response.status).toBe(401);
		expect(forged.backend.calls).toHaveLength(0);
		const wrongKind = deliver({ kind: 'decision', decision: 'approve', instanceId: INSTANCE_ID });
		expect(await wrongKind.run()).toEqual({ noWebhookResponse: true });
		expect(wrongKind.response.status).toBe(422);
		expect(wrongKind.backend.calls).toHaveLength(0);
	});
});
