import type { IDataObject } from 'n8n-workflow';
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

	function delayWorkflow(delay: IDataObject): WorkflowSpec {
		seq += 1;
		return {
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ n: seq, at: Date.now() }]) } },
				{
					name: 'Launch',
					type: 'launchWorkflow',
					parameters: { processKey: 'referral', entityType: 'student', entityExternalId: `D-${seq}`, entityName: `Student D${seq}`, data: '{}' },
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
		const { run } = await stack.n8n.run({
			...delayWorkflow({ anchorSource: 'field', anchorField: 'instance.createdAt', amount: 0, unit: 'days', direction: 'before' }),
		});
		// instance.createdAt has just passed, so this one is already due
		expect(run.status).toBe('success');
		expect(itemsAt(run.data, 'Too Late')).toHaveLength(1);
	});

	it('leaves on "Too Late" at once when the time has passed, and cancels the timer so nothing resumes later', async () => {
		const { run } = await stack.n8n.run(delayWorkflow({ anchorSource: 'date', anchorDate: '2020-01-06T09:00:00Z', amount: 14, unit: 'days', direction: 'before' }));
		expect(run.status).toBe('success');
		expect(itemsAt(run.data, 'Too Late')).toEqual([expect.objectContaining({ timer: expect.objectContaining({ late: true }) })]);
		expect(itemsAt(run.data, 'On Time')).toEqual([]);
		const instanceId = String((itemsAt(run.data, 'Launch')[0]!.caseflow as IDataObject).instanceId);
		expect(await timersOf(instanceId)).toEqual([expect.objectContaining({ status: 'cancelled' })]);
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
