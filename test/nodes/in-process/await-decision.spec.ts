import type { IDataObject } from 'n8n-workflow';
import { OutboxTable } from '../../../backend/src/database/tables';
import { itemsAt, WorkflowSpec } from './support/fake-n8n';
import { startStack, Stack } from './support/backend';

/**
 * Pause → decide → resume through n8n's engine, the real backend and its outbox worker: the node creates
 * the task with n8n's resume URL and pauses; a reviewer decides in Caseflow; the backend's signed resume
 * call reaches the waiting-webhook endpoint, the node's webhook() verifies it and routes the item.
 */
describe('Await Decision in n8n, against the backend', () => {
	let stack: Stack;
	let seq = 0;
	beforeAll(async () => {
		stack = await startStack();
	});
	afterAll(async () => {
		await stack.stop();
	});

	const BRANCHES = ['Timed Out', 'Accepted', 'Counselling', 'Closed'];

	function referralWorkflow(awaitParameters: IDataObject = {}): WorkflowSpec {
		seq += 1;
		return {
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ referral: `R-${seq}-${Date.now()}` }]) } },
				{
					name: 'Launch',
					type: 'launchWorkflow',
					parameters: {
						processKey: 'referral',
						entityType: 'student',
						entityExternalId: `S-${seq}`,
						entityName: `Student ${seq}`,
						entityFields: { email: `student${seq}@example.test` },
						data: '={{ { reason: "attendance", referral: $json.referral } }}',
						options: { stageKey: 'review' },
					},
				},
				{
					name: 'Await Decision',
					type: 'awaitDecision',
					parameters: {
						queue: 'advisors',
						title: '=Review referral {{ $json.referral }}',
						decisionSource: 'process',
						processKey: 'referral',
						processDecisions: ['accept', 'counselling', 'close'],
						fields: { values: [{ key: 'followUp', label: 'Follow-up date', type: 'date' }] },
						...awaitParameters,
					},
				},
				...BRANCHES.map((name) => ({ name, type: 'collect' })),
			],
			connections: [
				['Start', 'Launch'],
				['Launch', 'Await Decision'],
				...BRANCHES.map((name, output) => ['Await Decision', name, output] as [string, string, number]),
			],
		};
	}

	async function pauseOnTask(awaitParameters: IDataObject = {}) {
		const { executionId, run } = await stack.n8n.run(referralWorkflow(awaitParameters));
		expect(run.status).toBe('waiting');
		const [waiting] = itemsAt(run.data, 'Await Decision');
		const { instanceId, taskId } = waiting!.caseflow as IDataObject;
		return { executionId, run, instanceId: String(instanceId), taskId: String(taskId) };
	}

	function reached(executionId: string): Record<string, IDataObject[]> {
		const { data } = stack.n8n.latest(executionId);
		return Object.fromEntries(BRANCHES.map((name) => [name, itemsAt(data, name)]));
	}

	it("pauses with an open task whose resume URL is n8n's own, token included", async () => {
		const { executionId, run, instanceId, taskId } = await pauseOnTask();
		const task = await stack.t.automation.get(`/tasks/${taskId}`).expect(200);
		expect(task.body).toMatchObject({ instanceId, status: 'open', queue: { key: 'advisors' }, title: expect.stringMatching(/^Review referral R-/) });
		expect(task.body.decisions.map((d: IDataObject) => d.key)).toEqual(['accept', 'counselling', 'close']);
		expect(await stack.resumeUrlOfTask(taskId)).toBe(`${stack.n8n.webhookWaitingBaseUrl}/${executionId}?signature=${run.data.resumeToken}`);
		expect(Object.values(reached(executionId)).flat()).toHaveLength(0);
	});

	it.each([
		['accept', 'Accepted', {}],
		['counselling', 'Counselling', { fields: { followUp: '2026-12-01' } }],
		['close', 'Closed', { comment: 'Resolved by phone' }],
	])('resumes on the branch of "%s" once a reviewer decides', async (decision, branch, extra) => {
		const { executionId, instanceId, taskId } = await pauseOnTask();
		await stack.reviewer.post(`/tasks/${taskId}/decide`).send({ decision, ...extra }).expect(200);
		expect(await stack.deliverOutbox()).toBeGreaterThanOrEqual(1);

		const { status } = await stack.n8n.settled(executionId);
		expect(status).toBe('success');
		const branches = reached(executionId);
		expect(branches[branch]).toEqual([
			expect.objectContaining({
				// the item that entered the node, as n8n kept it with the waiting execution…
				referral: expect.stringMatching(/^R-/),
				// …with the decision
				decision,
				timedOut: false,
				taskId,
				comment: (extra as IDataObject).comment ?? null,
				decidedBy: expect.objectContaining({ type: 'user', name: expect.stringMatching(/^Reviewer/) }),
				caseflow: expect.objectContaining({ instanceId, processKey: 'referral', decision, entity: expect.objectContaining({ type: 'student' }) }),
			}),
		]);
		if (decision === 'counselling') expect(branches[branch]![0]!.fields).toEqual({ followUp: '2026-12-01' });
		for (const other of BRANCHES.filter((name) => name !== branch)) expect(branches[other]).toEqual([]);
		const deliveries = await stack.t.db.read(() => stack.t.db.manager.findBy(OutboxTable, { idempotencyKey: `task:${taskId}:decided` }));
		expect(deliveries).toEqual([expect.objectContaining({ status: 'delivered', attempts: 1 })]);
	});

	it('continues on "Timed Out" when the backend reports a time-out', async () => {
		const { executionId, instanceId, taskId } = await pauseOnTask();
		const resumeUrl = (await stack.resumeUrlOfTask(taskId))!;
		const { headers, rawBody } = stack.signed({ kind: 'timeout', taskId, instanceId });
		expect((await stack.n8n.post(resumeUrl, headers, rawBody)).status).toBe(200);
		await stack.n8n.settled(executionId);
		expect(reached(executionId)['Timed Out']).toEqual([expect.objectContaining({ decision: null, timedOut: true, taskId })]);
		expect(reached(executionId).Accepted).toEqual([]);
	});

	it("continues on \"Timed Out\" when n8n's own time limit ends the wait, and a late decision resumes nothing", async () => {
		const { executionId, run, instanceId, taskId } = await pauseOnTask({ due: 'inMinutes', dueInMinutes: 5, limitWaitTime: true, graceMinutes: 0 });
		const waitTill = new Date(run.waitTill!).getTime();
		expect(waitTill).toBeGreaterThan(Date.now() + 4 * 60_000);
		expect(waitTill).toBeLessThanOrEqual(Date.now() + 5 * 60_000);

		const expired = await stack.n8n.expireWait(executionId);
		expect(expired.status).toBe('success');
		const branches = reached(executionId);
		// n8n hands on the item that arrived before the wait, unchanged: it is on "Timed Out" because that is output 0.
		expect(branches['Timed Out']).toEqual([
			expect.objectContaining({ referral: expect.stringMatching(/^R-/), caseflow: expect.objectContaining({ instanceId }) }),
		]);
		expect([...branches.Accepted!, ...branches.Counselling!, ...branches.Closed!]).toEqual([]);

		await stack.reviewer.post(`/tasks/${taskId}/decide`).send({ decision: 'accept' }).expect(200);
		await stack.deliverOutbox();
		// The late call reaches n8n, which answers 409 itself (the execution has finished): delivered, and
		// the case does not need attention — the flow went on down "Timed Out" as designed.
		const [delivery] = await stack.t.db.read(() => stack.t.db.manager.findBy(OutboxTable, { idempotencyKey: `task:${taskId}:decided` }));
		expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
		expect((await stack.t.admin.get(`/instances/${instanceId}`).expect(200)).body.status).not.toBe('failed');
		expect(stack.n8n.latest(executionId).status).toBe('success');
		expect(reached(executionId).Accepted).toEqual([]);
	});

	it('refuses a forged resume call with 401 and keeps waiting for the real one', async () => {
		const { executionId, instanceId, taskId } = await pauseOnTask();
		const resumeUrl = (await stack.resumeUrlOfTask(taskId))!;
		const forged = stack.signed(
			{ kind: 'decision', taskId, instanceId, decision: 'accept', comment: null, fields: {}, decidedBy: { id: 'x', name: 'Mallory', type: 'user' }, decidedAt: new Date().toISOString() },
			'not-the-secret',
		);
		const refused = await stack.n8n.post(resumeUrl, forged.headers, forged.rawBody);
		expect(refused).toEqual({ status: 401, body: JSON.stringify({ error: 'The signature does not match the body' }) });
		const unsigned = await stack.n8n.post(resumeUrl, { 'content-type': 'application/json' }, forged.rawBody);
		expect(unsigned.status).toBe(401);
		expect(stack.n8n.latest(executionId).status).toBe('waiting');
		expect(Object.values(reached(executionId)).flat()).toEqual([]);

		await stack.reviewer.post(`/tasks/${taskId}/decide`).send({ decision: 'close', comment: 'Done' }).expect(200);
		await stack.deliverOutbox();
		await stack.n8n.settled(executionId);
		expect(reached(executionId).Closed).toEqual([expect.objectContaining({ decision: 'close', decidedBy: expect.objectContaining({ type: 'user' }) })]);
	});

	describe('on n8n before 2.39 (a resumed node continues its first output only)', () => {
		beforeAll(() => {
			stack.n8n.forwardAllOutputs = false;
		});
		afterAll(() => {
			stack.n8n.forwardAllOutputs = true;
		});

		it('loses a decision routed past the first output: why the single-output mode exists', async () => {
			const { executionId, taskId } = await pauseOnTask();
			await stack.reviewer.post(`/tasks/${taskId}/decide`).send({ decision: 'accept' }).expect(200);
			await stack.deliverOutbox();
			await stack.n8n.settled(executionId);
			expect(Object.values(reached(executionId)).flat()).toEqual([]);
		});

		it('in single-output mode, continues with `decision` on the one output', async () => {
			const { executionId, taskId } = await pauseOnTask({ outputMode: 'single' });
			await stack.reviewer.post(`/tasks/${taskId}/decide`).send({ decision: 'counselling' }).expect(200);
			await stack.deliverOutbox();
			await stack.n8n.settled(executionId);
			expect(reached(executionId)['Timed Out']).toEqual([expect.objectContaining({ decision: 'counselling', timedOut: false })]);
		});
	});
});
