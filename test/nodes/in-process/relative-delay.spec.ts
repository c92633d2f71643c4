import type { IDataObject } from 'n8n-workflow';
import { Like } from 'typeorm';
import { OutboxTable } from '../../../backend/src/database/tables';
import { TimerSweep } from '../../../backend/src/scheduler/timer-sweep';
import { itemsAt, WorkflowSpec } from './support/fake-n8n';
import { startStack, Stack } from './support/backend';

const MINUTE = 60_000;

/** Relative Delay registers a backend-owned timer, pauses, and continues when the backend fires it. */
describe('Relative Delay in n8n, against the backend', () => {
	let stack: Stack;
	let seq = 0;
	beforeAll(async () => {
		stack = await startStack();
	});
	afterAll(async () => {
		await stack.stop();
	});

	function delayWorkflow(delay: IDataObject, caseData: IDataObject = {}): WorkflowSpec {
		seq += 1;
		return {
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ n: seq, at: Date.now() }]) } },
				{
					name: 'Launch',
					type: 'launchWorkflow',
					parameters: { processKey: 'referral', entityType: 'student', entityExternalId: `D-${seq}`, entityName: `Student D${seq}`, data: JSON.stringify(caseData) },
				},
				{ name: 'Reminder', type: 'relativeDelay', parameters: { ifPast: 'tooLate', ...delay } },
				{ name: 'On Time', type: 'collect' },
				{ name: 'Too Late', type: 'collect' },
			],
			connections: [
				['Start', 'Launch'],
				['Launch', 'Reminder'],
				['Reminder', 'On Time', 0],
				['Reminder', 'Too Late', 1],
			],
		};
	}

	const timersOf = async (instanceId: string) =>
		(await stack.t.automation.get(`/timers?instanceId=${instanceId}&limit=50`).expect(200)).body.items as IDataObject[];
	const resumeCallsFor = async (timerId: unknown) =>
		await stack.t.db.read(() => stack.t.db.manager.findBy(OutboxTable, { idempotencyKey: Like(`timer:${String(timerId)}:%`) }));
	const instanceOf = (data: Parameters<typeof itemsAt>[0]) => String((itemsAt(data, 'Launch')[0]!.caseflow as IDataObject).instanceId);

	beforeEach(() => {
		// The backend's clock is manual: keep it at the real time, which n8n and the nodes go by.
		stack.clock.set(Date.now());
	});

	it('pauses on a timer the backend owns, and continues on "On Time" when it fires', async () => {
		// The workflow runs "two hours ago" (the backend's clock and n8n's), so that the timer can fire now:
		// the backend signs its resume call with the time it sends it, and the node refuses stale ones.
		const realNow = Date.now();
		const earlier = realNow - 120 * MINUTE;
		const anchor = new Date(earlier + 30 * MINUTE).toISOString();
		stack.clock.set(earlier);
		const now = jest.spyOn(Date, 'now').mockImplementation(() => earlier);
		const { executionId, run } = await stack.n8n
			.run(delayWorkflow({ anchorSource: 'date', anchorDate: anchor, amount: 1, unit: 'hours', direction: 'after' }))
			.finally(() => now.mockRestore());
		expect(run.status).toBe('waiting');
		const instanceId = String((itemsAt(run.data, 'Launch')[0]!.caseflow as IDataObject).instanceId);
		const [timer] = await timersOf(instanceId);
		expect(timer).toMatchObject({ status: 'pending', label: 'Reminder', offset: { amount: 1, unit: 'hours' } });
		expect(new Date(String(timer!.fireAt)).getTime()).toBe(new Date(anchor).getTime() + 60 * MINUTE);

		stack.clock.set(Date.now());
		expect(await stack.t.app.get(TimerSweep).fireDue()).toBe(1);
		expect(await stack.deliverOutbox()).toBeGreaterThanOrEqual(1);
		const { status, data } = await stack.n8n.settled(executionId);
		expect(status).toBe('success');
		expect(itemsAt(data, 'On Time')).toEqual([
			expect.objectContaining({
				timer: expect.objectContaining({ id: timer!.id, fireAt: timer!.fireAt, status: 'fired' }),
				caseflow: expect.objectContaining({ instanceId, processKey: 'referral' }),
			}),
		]);
		expect(itemsAt(data, 'Too Late')).toEqual([]);
	});

	it('anchors on a field of the case, counted back from it', async () => {
		const { run } = await stack.n8n.run(
			delayWorkflow({ anchorSource: 'field', anchorField: 'instance.createdAt', amount: 1, unit: 'days', direction: 'before' }),
		);
		// a day before the case was created has passed
		expect(run.status).toBe('success');
		expect(itemsAt(run.data, 'Too Late')).toEqual([expect.objectContaining({ timer: expect.objectContaining({ status: 'past', late: true }) })]);
		const [timer] = await timersOf(instanceOf(run.data));
		expect(new Date(String(timer!.fireAt)).getTime()).toBe(new Date(String(timer!.anchorAt)).getTime() - 24 * 60 * MINUTE);
	});

	it('leaves on "Too Late" at once when the time has passed; the backend keeps the timer as past and resumes nobody', async () => {
		const { run } = await stack.n8n.run(delayWorkflow({ anchorSource: 'date', anchorDate: '2020-01-06T09:00:00Z', amount: 14, unit: 'days', direction: 'before' }));
		expect(run.status).toBe('success');
		expect(itemsAt(run.data, 'Too Late')).toEqual([expect.objectContaining({ timer: expect.objectContaining({ status: 'past', late: true }) })]);
		expect(itemsAt(run.data, 'On Time')).toEqual([]);
		const timers = await timersOf(instanceOf(run.data));
		expect(timers).toEqual([expect.objectContaining({ status: 'past' })]);
		expect(await resumeCallsFor(timers[0]!.id)).toEqual([]);
	});

	it('resumes on "Too Late" with late: true when the anchor field is moved into the past while it waits', async () => {
		const courseStart = new Date(Date.now() + 3 * 60 * MINUTE).toISOString();
		const { executionId, run } = await stack.n8n.run(
			delayWorkflow({ anchorSource: 'field', anchorField: 'data.courseStart', amount: 0, unit: 'minutes', direction: 'before' }, { courseStart }),
		);
		expect(run.status).toBe('waiting');
		const instanceId = instanceOf(run.data);
		const [timer] = await timersOf(instanceId);
		expect(timer).toMatchObject({ status: 'pending', fireAt: courseStart });

		await stack.t.automation.patch(`/instances/${instanceId}/data`).send({ data: { courseStart: '2020-01-06T09:00:00Z' } }).expect(200);
		expect(await timersOf(instanceId)).toEqual([expect.objectContaining({ id: timer!.id, status: 'past' })]);
		expect(await stack.deliverOutbox()).toBeGreaterThanOrEqual(1);

		const { status, data } = await stack.n8n.settled(executionId);
		expect(status).toBe('success');
		expect(itemsAt(data, 'Too Late')).toEqual([
			expect.objectContaining({
				n: expect.any(Number),
				timer: expect.objectContaining({ id: timer!.id, status: 'past', late: true, fireAt: '2020-01-06T09:00:00.000Z' }),
				caseflow: expect.objectContaining({ instanceId, data: { courseStart: '2020-01-06T09:00:00Z' } }),
			}),
		]);
		expect(itemsAt(data, 'On Time')).toEqual([]);
	});

	it("waits a short time in n8n's process, then continues on \"On Time\"; the backend records the timer as fired and resumes nobody", async () => {
		const anchor = new Date(Date.now() + 1500).toISOString();
		const started = Date.now();
		const { run } = await stack.n8n.run(delayWorkflow({ anchorSource: 'date', anchorDate: anchor, amount: 0, unit: 'minutes', direction: 'after' }));
		expect(run.status).toBe('success');
		expect(Date.now()).toBeGreaterThanOrEqual(new Date(anchor).getTime());
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(itemsAt(run.data, 'On Time')).toEqual([
			expect.objectContaining({ timer: expect.objectContaining({ status: 'fired', late: false }), caseflow: expect.objectContaining({ status: 'active' }) }),
		]);
		const instanceId = instanceOf(run.data);
		const [timer] = await timersOf(instanceId);
		// Taken by the node when it woke: fired then, so the sweep has nothing left to fire for it.
		expect(timer).toMatchObject({ label: 'Reminder', status: 'fired' });

		stack.clock.set(Date.now());
		await stack.t.app.get(TimerSweep).fireDue();
		expect(await timersOf(instanceId)).toEqual([expect.objectContaining({ id: timer!.id, status: 'fired', firedAt: timer!.firedAt })]);
		expect(await resumeCallsFor(timer!.id)).toEqual([]);
	});

	it('refuses a forged timer call and keeps waiting', async () => {
		const anchor = new Date(Date.now() + 3 * 60 * MINUTE).toISOString();
		const { executionId, run } = await stack.n8n.run(delayWorkflow({ anchorSource: 'date', anchorDate: anchor, amount: 0, unit: 'minutes', direction: 'after' }));
		const resumeUrl = `${stack.n8n.webhookWaitingBaseUrl}/${executionId}?signature=${run.data.resumeToken}`;
		const forged = stack.signed({ kind: 'timer', timerId: 'x', instanceId: null, fireAt: anchor, firedAt: anchor }, 'wrong');
		expect((await stack.n8n.post(resumeUrl, forged.headers, forged.rawBody)).status).toBe(401);
		expect(stack.n8n.latest(executionId).status).toBe('waiting');
	});
});
