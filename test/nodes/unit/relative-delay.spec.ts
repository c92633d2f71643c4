import type { IDataObject } from 'n8n-workflow';
import { WAIT_INDEFINITELY } from 'n8n-workflow';
import { relativeDelayOutputs } from '../../../nodes/RelativeDelay/outputs';
import { RelativeDelay } from '../../../nodes/RelativeDelay/RelativeDelay.node';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute, RESUME_URL } from './support/fake-context';
import { CASEFLOW_CONTEXT, INSTANCE_ID, instanceFixture, RECEIPT, takenReply } from './support/fixtures';

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

const inTwoDays = () => timerReply(new Date(Date.now() + 48 * HOUR));

function execute(overrides: IDataObject = {}, backend = new FakeBackend().on('POST', '/timers', inTwoDays()), items = [{ json: { order: 7 } }]) {
	const fake = fakeExecute({ backend, parameters: { ...parameters, ...overrides }, items, nodeName: 'Reminder' });
	return { ...fake, run: () => node.execute.call(fake.context) };
}

/** Timers are never deleted by the node: a time already past is reported, not registered and undone. */
const deletions = (backend: FakeBackend) => backend.callsTo('DELETE', /^\/timers/);

describe('Relative Delay', () => {
	it('has a "Too Late" output only when asked for one', () => {
		expect(relativeDelayOutputs({ ifPast: 'tooLate' }).map((o) => o.displayName)).toEqual(['On Time', 'Too Late']);
		expect(relativeDelayOutputs({ ifPast: 'continue' }).map((o) => o.displayName)).toEqual(['On Time']);
	});

	it('registers a timer anchored on a field of the case, before it as a negative offset, then waits for the backend', async () => {
		const { run, backend, waits } = execute();
		const outputs = await run();
		expect(backend.callsTo('POST', '/timers')[0].body).toEqual({
			instanceId: INSTANCE_ID,
			anchorField: 'data.courseStart',
			offset: { amount: -14, unit: 'businessDays' },
			timeOfDay: '09:00',
			timeZone: 'Europe/London',
			label: 'Reminder',
			resumeUrl: RESUME_URL,
			ifPast: 'report',
			inProcessBelowMs: 60000,
			requestKey: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
		});
		expect(waits).toEqual([WAIT_INDEFINITELY]);
		expect(outputs).toEqual([
			[
				{
					json: { order: 7, timer: { id: 'timer-1', fireAt: expect.any(String), label: 'Reminder', status: 'waiting', late: false } },
					pairedItem: { item: 0 },
				},
			],
			[],
		]);
		expect(backend.calls).toHaveLength(1);
	});

	it('registers the timer once when the call is sent again because its answer was lost (same request key)', async () => {
		const backend = new FakeBackend().on('POST', '/timers', inTwoDays()).failNext({ status: 502, applied: true });
		const { run, waits } = execute({}, backend);
		await run();
		const calls = backend.callsTo('POST', '/timers');
		expect(calls).toHaveLength(2);
		expect(calls[1].body).toEqual(calls[0].body);
		expect(waits).toEqual([WAIT_INDEFINITELY]);
	});

	it('gives up after three more tries, and the registration fails as before', async () => {
		const backend = new FakeBackend().on('POST', '/timers', inTwoDays()).failNext('ECONNRESET', 'ECONNRESET', 'ECONNRESET', 'ECONNRESET');
		const { run, waits } = execute({}, backend);
		await expect(run()).rejects.toThrow('the connection was closed');
		expect(backend.callsTo('POST', '/timers')).toHaveLength(4);
		expect(waits).toEqual([]);
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

	describe('when the time has already passed (the backend answers status "past")', () => {
		const pastReply = () => timerReply(new Date(Date.now() - HOUR), { status: 'past' });

		it('leaves on "Too Late" at once, keeping the timer the backend recorded as past', async () => {
			const backend = new FakeBackend().on('POST', '/timers', pastReply());
			const { run, waits } = execute({}, backend);
			const outputs = await run();
			expect(outputs).toEqual([
				[],
				[{ json: { order: 7, timer: { id: 'timer-1', fireAt: expect.any(String), label: 'Reminder', status: 'past', late: true } }, pairedItem: { item: 0 } }],
			]);
			expect(waits).toHaveLength(0);
			expect(deletions(backend)).toHaveLength(0);
			expect(backend.callsTo('POST', '/waits/take')).toHaveLength(0);
		});

		it('leaves on "On Time" when "Continue Now" is chosen', async () => {
			const backend = new FakeBackend().on('POST', '/timers', pastReply());
			const { run, waits } = execute({ ifPast: 'continue' }, backend);
			const outputs = await run();
			expect(outputs).toHaveLength(1);
			expect(outputs[0][0].json.timer).toMatchObject({ status: 'past', late: true });
			expect(waits).toHaveLength(0);
			expect(deletions(backend)).toHaveLength(0);
		});
	});

	describe('a short wait (the backend answers inProcess: true)', () => {
		const soon = () => timerReply(new Date(Date.now() + 150), { inProcess: true });

		it("sleeps in n8n's process until the fire time, then continues on \"On Time\" with the case read again", async () => {
			const moved = instanceFixture({ data: { amount: 150 } });
			const backend = new FakeBackend().on('POST', '/timers', soon()).on('POST', '/waits/take', takenReply(moved));
			const items = [{ json: { order: 7, caseflow: { instanceId: INSTANCE_ID, taskId: 'task-0', data: { amount: 120 } } }, binary: { receipt: RECEIPT } }];
			const { run, waits } = execute({}, backend, items);
			const started = Date.now();
			const outputs = await run();
			expect(Date.now() - started).toBeGreaterThanOrEqual(100);
			expect(waits).toHaveLength(0);
			expect(backend.callsTo('POST', '/waits/take').map((call) => call.body)).toEqual([{ timerId: 'timer-1' }]);
			expect(outputs).toEqual([
				[
					{
						json: {
							order: 7,
							timer: { id: 'timer-1', fireAt: expect.any(String), label: 'Reminder', status: 'fired', late: false },
							caseflow: { ...CASEFLOW_CONTEXT, taskId: 'task-0', data: { amount: 150 } },
						},
						binary: { receipt: RECEIPT },
						pairedItem: { item: 0 },
					},
				],
				[],
			]);
			expect(deletions(backend)).toHaveLength(0);
		});

		it.each(['completed', 'cancelled'])('sends the item nowhere when the case was %s meanwhile', async (status) => {
			const backend = new FakeBackend().on('POST', '/timers', soon()).on('POST', '/waits/take', takenReply(instanceFixture({ status })));
			const { run, waits } = execute({}, backend);
			await expect(run()).resolves.toEqual([[], []]);
			expect(backend.callsTo('POST', '/waits/take')).toHaveLength(1);
			expect(waits).toHaveLength(0);
		});

		it('adds no `caseflow` for a timer about no case', async () => {
			const backend = new FakeBackend().on('POST', '/timers', soon()).on('POST', '/waits/take', takenReply(null));
			const { run } = execute({ instanceId: '', anchorSource: 'date', anchorDate: new Date().toISOString() }, backend);
			const [[item]] = await run();
			expect(item.json).toEqual({ order: 7, timer: expect.objectContaining({ status: 'fired' }) });
		});
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

	it('with "continue on fail", emits the error item on "On Time" instead of waiting', async () => {
		const backend = new FakeBackend().on('POST', '/timers', {
			status: 400,
			body: { statusCode: 400, message: 'anchorField: "data.courseStart" does not resolve to a date on this instance: nothing is there', details: [{ field: 'anchorField', messages: ['"data.courseStart" does not resolve to a date on this instance: nothing is there'] }] },
		});
		const fake = fakeExecute({ backend, parameters, items: [{ json: { order: 7 } }], continueOnFail: true });
		const outputs = await node.execute.call(fake.context);
		expect(outputs).toEqual([
			[
				{
					json: {
						error: expect.stringContaining('does not resolve to a date'),
						details: { statusCode: 400, fields: [expect.objectContaining({ field: 'anchorField' })] },
					},
					pairedItem: { item: 0 },
				},
			],
			[],
		]);
	});
});
