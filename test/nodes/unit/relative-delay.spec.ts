import type { IDataObject } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';
import { relativeDelayOutputs } from '../../../nodes/RelativeDelay/outputs';
import { RelativeDelay } from '../../../nodes/RelativeDelay/RelativeDelay.node';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute, fakeWebhook, RESUME_URL } from './support/fake-context';
import { CASEFLOW_CONTEXT, INSTANCE_ID, instanceFixture } from './support/fixtures';
import { signedRequest } from './support/signing';

const node = new RelativeDelay();
const HOUR = 60 * 60 * 1000;

const parameters: IDataObject = {
	instanceId: INSTANCE_ID,
	anchorSource: 'field',
	anchorField: 'data.courseStart',
	amount: 14,
	unit: 'businessDays',
	direction: 'before',
	ifPast: 'tooLate',
	options: { timeOfDay: '09:00' },
};

function timerReply(fireAt: Date, extra: IDataObject = {}) {
	return { status: 201, body: { id: 'timer-1', fireAt: fireAt.toISOString(), status: 'pending', ...extra } };
}

function execute(overrides: IDataObject = {}, backend = new FakeBackend().on('POST', '/timers', timerReply(new Date(Date.now() + 48 * HOUR)))) {
	backend.on('DELETE', '/timers/timer-1', { status: 200, body: { id: 'timer-1', status: 'cancelled' } });
	const fake = fakeExecute({ backend, parameters: { ...parameters, ...overrides }, items: [{ json: { order: 7 } }], nodeName: 'Reminder' });
	return { ...fake, run: () => node.execute.call(fake.context) };
}

describe('Relative Delay', () => {
	it('has a "Too Late" output only when asked for one', () => {
		expect(relativeDelayOutputs({ ifPast: 'tooLate' }).map((o) => o.displayName)).toEqual(['On Time', 'Too Late']);
		expect(relativeDelayOutputs({ ifPast: 'continue' }).map((o) => o.displayName)).toEqual(['On Time']);
	});

	it('registers a timer anchored on a field of the case, before it as a negative offset, then waits for the backend', async () => {
		const { run, backend, waits } = execute();
		await run();
		expect(backend.callsTo('POST', '/timers')[0].body).toEqual({
			instanceId: INSTANCE_ID,
			anchorField: 'data.courseStart',
			offset: { amount: -14, unit: 'businessDays' },
			timeOfDay: '09:00',
			timeZone: 'Europe/London',
			label: 'Reminder',
			resumeUrl: RESUME_URL,
		});
		expect(waits).toEqual([WAIT_INDEFINITELY]);
		expect(backend.callsTo('DELETE', '/timers/timer-1')).toHaveLength(0);
	});

	it('anchors on a date from the item', async () => {
		const { run, backend } = execute({ anchorSource: 'date', anchorDate: '2026-12-01T09:00:00Z', direction: 'after', amount: 2, unit: 'minutes', options: { timeZone: 'Europe/Paris', label: 'Confirmation', calendarKey: 'uk' } });
		await run();
		expect(backend.callsTo('POST', '/timers')[0].body).toMatchObject({
			anchorAt: '2026-12-01T09:00:00Z',
			offset: { amount: 2, unit: 'minutes' },
			timeZone: 'Europe/Paris',
			label: 'Confirmation',
			calendarKey: 'uk',
		});
	});

	it('when the time has passed, cancels the timer and leaves on "Too Late" without waiting', async () => {
		const backend = new FakeBackend().on('POST', '/timers', timerReply(new Date(Date.now() - HOUR), { alreadyDue: true }));
		const { run, waits } = execute({}, backend);
		const outputs = await run();
		expect(outputs[0]).toHaveLength(0);
		expect(outputs[1]).toEqual([
			{ json: { order: 7, timer: expect.objectContaining({ id: 'timer-1', status: 'past', late: true }) }, pairedItem: { item: 0 } },
		]);
		expect(backend.callsTo('DELETE', '/timers/timer-1')).toHaveLength(1);
		expect(waits).toHaveLength(0);
	});

	it('when the time has passed and "Continue Now" is chosen, leaves on "On Time"', async () => {
		const backend = new FakeBackend().on('POST', '/timers', timerReply(new Date(Date.now() - HOUR), { alreadyDue: true }));
		const { run } = execute({ ifPast: 'continue' }, backend);
		const outputs = await run();
		expect(outputs).toHaveLength(1);
		expect(outputs[0][0].json.timer).toMatchObject({ late: true });
	});

	it('tolerates a timer that fired before it could be cancelled', async () => {
		const backend = new FakeBackend()
			.on('POST', '/timers', timerReply(new Date(Date.now() - HOUR), { alreadyDue: true }));
		const { run } = execute({}, backend);
		backend.on('DELETE', '/timers/timer-1', { status: 409, body: { statusCode: 409, message: 'Timer already fired' } });
		await expect(run()).resolves.toHaveLength(2);
	});

	it('waits a short time in-process instead of pausing the execution', async () => {
		const backend = new FakeBackend().on('POST', '/timers', timerReply(new Date(Date.now() + 150)));
		const { run, waits } = execute({}, backend);
		const started = Date.now();
		const outputs = await run();
		expect(Date.now() - started).toBeGreaterThanOrEqual(100);
		expect(waits).toHaveLength(0);
		expect(backend.callsTo('DELETE', '/timers/timer-1')).toHaveLength(1);
		expect(outputs[0][0].json.timer).toMatchObject({ status: 'fired', late: false });
	});

	it('needs the case for a field anchor, and a real date for a date anchor', async () => {
		await expect(execute({ instanceId: '' }).run()).rejects.toThrow('An anchor read from the case needs the Instance ID');
		await expect(execute({ anchorSource: 'date', anchorDate: 'next tuesday' }).run()).rejects.toThrow('Anchor Date "next tuesday" is not a date');
		await expect(execute({ options: { timeOfDay: '9am' } }).run()).rejects.toThrow('Time of Day "9am" is not HH:MM');
	});

	it('refuses more than one item', async () => {
		const fake = fakeExecute({ parameters, items: [{ json: {} }, { json: {} }] });
		await expect(node.execute.call(fake.context)).rejects.toThrow('Relative Delay waits for one case at a time, but received 2 items');
	});

	describe('webhook', () => {
		const fired = { kind: 'timer', timerId: 'timer-1', instanceId: INSTANCE_ID, fireAt: '2026-11-02T09:00:00.000Z', firedAt: '2026-11-02T09:00:01.000Z' };

		function deliver(body: IDataObject, secret?: string) {
			const backend = new FakeBackend().on('GET', `/instances/${INSTANCE_ID}`, instanceFixture());
			const fake = fakeWebhook(signedRequest(body, { secret }), { backend, parameters });
			return { ...fake, run: () => node.webhook.call(fake.context) };
		}

		it('continues on "On Time" with the timer and the case', async () => {
			const result = await deliver(fired).run();
			expect(result.workflowData).toEqual([
				[
					{
						json: {
							timer: { id: 'timer-1', fireAt: fired.fireAt, firedAt: fired.firedAt, status: 'fired', late: false },
							caseflow: CASEFLOW_CONTEXT,
						},
						pairedItem: { item: 0 },
					},
				],
				[],
			]);
		});

		it('refuses a forged call with 401 and a decision with 422', async () => {
			const forged = deliver(fired, 'guessed');
			expect(await forged.run()).toEqual({ noWebhookResponse: true });
			expect(forged.response.status).toBe(401);
			const wrongKind = deliver({ kind: 'decision', decision: 'approve', instanceId: INSTANCE_ID });
			expect(await wrongKind.run()).toEqual({ noWebhookResponse: true });
			expect(wrongKind.response.status).toBe(422);
		});
	});
});
