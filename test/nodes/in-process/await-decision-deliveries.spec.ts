import type { IDataObject } from 'n8n-workflow';
import { OutboxTable } from '../../../backend/src/database/tables';
import { itemsAt, WorkflowSpec } from './support/fake-n8n';
import { startStack, Stack } from './support/backend';

/**
 * Deliveries are at-least-once and a case can close while an execution waits on it: the node takes the
 * wait from the backend before it lets the execution go on, so a repeated delivery resumes nothing and a
 * release ends the execution quietly.
 */
describe('Await Decision deliveries in n8n, against the backend', () => {
	let stack: Stack;
	let seq = 0;
	beforeAll(async () => {
		stack = await startStack();
	});
	afterAll(async () => {
		await stack.stop();
	});

	const AFTER = ['Timed Out', 'Accepted', 'Second Accepted', 'Second Closed'];
	const review = (name: string): WorkflowSpec['nodes'][number] => ({
		name,
		type: 'awaitDecision',
		parameters: { queue: 'advisors', title: `=${name} {{ $json.referral }}`, decisionSource: 'process', processKey: 'referral', processDecisions: ['accept', 'close'] },
	});

	/** Launch → First Review → (accept) → Second Review: one execution, one resume URL, two waits in turn. */
	function twoReviews(): WorkflowSpec {
		seq += 1;
		return {
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ referral: `RD-${seq}-${Date.now()}` }]) } },
				{
					name: 'Launch',
					type: 'launchWorkflow',
					parameters: { processKey: 'referral', entityType: 'student', entityExternalId: `SD-${seq}`, entityName: `Student D${seq}`, data: '{}' },
				},
				review('First Review'),
				{ name: 'Timed Out', type: 'collect' },
				{ name: 'Accepted', type: 'collect' },
				review('Second Review'),
				{ name: 'Second Accepted', type: 'collect' },
				{ name: 'Second Closed', type: 'collect' },
			],
			connections: [
				['Start', 'Launch'],
				['Launch', 'First Review'],
				['First Review', 'Timed Out', 0],
				['First Review', 'Second Review', 1],
				['First Review', 'Accepted', 1],
				['Second Review', 'Second Accepted', 1],
				['Second Review', 'Second Closed', 2],
			],
		};
	}

	async function pauseOnFirstReview() {
		const { executionId, run } = await stack.n8n.run(twoReviews());
		expect(run.status).toBe('waiting');
		const { instanceId, taskId } = itemsAt(run.data, 'First Review')[0]!.caseflow as IDataObject;
		return { executionId, instanceId: String(instanceId), taskId: String(taskId) };
	}

	function reached(executionId: string): Record<string, IDataObject[]> {
		const { data } = stack.n8n.latest(executionId);
		return Object.fromEntries(AFTER.map((name) => [name, itemsAt(data, name)]));
	}

	const outboxRow = async (idempotencyKey: string) =>
		(await stack.t.db.read(() => stack.t.db.manager.findBy(OutboxTable, { idempotencyKey })))[0]!;

	it('answers a repeated decision delivery with 200 and routes nothing the second time', async () => {
		const { executionId, taskId } = await pauseOnFirstReview();
		await stack.reviewer.post(`/tasks/${taskId}/decide`).send({ decision: 'accept' }).expect(200);
		expect(await stack.deliverOutbox()).toBeGreaterThanOrEqual(1);
		const first = await stack.n8n.settled(executionId);
		expect(first.status).toBe('waiting');
		expect(reached(executionId).Accepted).toEqual([expect.objectContaining({ decision: 'accept', taskId })]);
		const secondTask = String((itemsAt(first.data, 'Second Review')[0]!.caseflow as IDataObject).taskId);

		// The backend's own call, delivered again (its first answer lost on the way, say).
		const delivery = await outboxRow(`task:${taskId}:decided`);
		const again = stack.signed(delivery.payload as IDataObject);
		const answer = await stack.n8n.post(delivery.target!, again.headers, again.rawBody);
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({ status: 'already-taken', resumed: false });

		const after = stack.n8n.latest(executionId);
		expect(after.status).toBe('waiting');
		expect(reached(executionId)).toEqual({
			'Timed Out': [],
			Accepted: [expect.objectContaining({ decision: 'accept' })],
			'Second Accepted': [],
			'Second Closed': [],
		});
		expect((await stack.t.automation.get(`/tasks/${secondTask}`).expect(200)).body).toMatchObject({ status: 'open' });

		// The second review is still the one the execution waits on.
		await stack.reviewer.post(`/tasks/${secondTask}/decide`).send({ decision: 'close', comment: 'Resolved' }).expect(200);
		await stack.deliverOutbox();
		expect((await stack.n8n.settled(executionId)).status).toBe('success');
		expect(reached(executionId)['Second Closed']).toEqual([expect.objectContaining({ decision: 'close', taskId: secondTask })]);
	});

	it.each([
		['cancel', { reason: 'Withdrawn' }],
		['complete', { outcome: 'resolved' }],
	])('ends the execution with no output when the case is closed (%s) while it waits', async (action, body) => {
		const { executionId, instanceId, taskId } = await pauseOnFirstReview();
		await stack.t.automation.post(`/instances/${instanceId}/${action}`).send(body).expect(200);
		expect(await stack.deliverOutbox()).toBeGreaterThanOrEqual(1);

		const { status, data } = await stack.n8n.settled(executionId);
		expect(status).toBe('success');
		expect(data.waitTill).toBeUndefined();
		expect(Object.values(reached(executionId)).flat()).toEqual([]);
		const release = await outboxRow(`task:${taskId}:released`);
		expect(release).toMatchObject({ status: 'delivered', attempts: 1 });
		expect(release.payload).toMatchObject({ kind: 'released', taskId, instanceId });
	});
});
