import { CURRENT, callWebhook, productionWebhookUrl, type Execution, type Workflow } from '../n8n';
import { decide, detail, instanceOf, openTask, stageKeys, type InstanceView } from '../templates/support/cases';
import { waitFor } from '../templates/support/wait';
import { PROCESS_KEY, REVIEWERS, startE2eStack, type E2eStack } from './support/stack';
import { executionOfCase, forgedResume, nodesRun, outputOf, reviewWorkflow } from './support/workflow';

/**
 * Issue 3 end to end in the pinned "current" n8n (2.41 on Node 24): the packed package installed as a
 * community package, the backend in-process. Two cases run side by side through
 * Webhook → Launch Workflow → New case? → Relative Delay → Assign Stage → Await Decision →
 * approve: Send Templated Message | reject: Escalate.
 */
const PATH = 'caseflow-e2e-review';
let stack: E2eStack;
let workflow: Workflow;

beforeAll(async () => {
  stack = await startE2eStack(CURRENT);
  workflow = await stack.n8nApi.createWorkflow(
    reviewWorkflow({ path: PATH, credentialId: stack.credentialId, outputMode: 'perDecision', withDelay: true, withActions: true }),
  );
  await stack.n8nApi.activateWorkflow(workflow.id);
}, 5 * 60_000);

afterAll(async () => {
  await stack?.stop();
});

const isoIn = (ms: number): string => new Date(Date.now() + ms).toISOString();

async function launch(id: string): Promise<void> {
  const body = {
    id,
    name: `Requester ${id}`,
    email: `${id.toLowerCase()}@example.test`,
    managerEmail: `boss-${id.toLowerCase()}@example.test`,
    // The delay is 1 minute after notBefore: 90 s away, so the backend owns the timer (shorter waits sleep in n8n).
    data: { notBefore: isoIn(30_000), amount: 120 },
  };
  const response = await callWebhook(productionWebhookUrl(stack.n8n.baseUrl, PATH), { body, headers: { 'Idempotency-Key': `req-${id}` } });
  if (response.status !== 200) throw new Error(`webhook: ${response.status} ${JSON.stringify(response.body)}`);
}

interface CaseRun {
  instance: InstanceView;
  execution: Execution;
  timerWaitMs: number;
}

/** Launches a case (twice, same Idempotency-Key), pulls its timer in, waits for the task and decides. */
async function runCase(id: string, decision: 'approve' | 'reject', forge = false): Promise<CaseRun & { forged?: { status: number; text: string; after: Execution } }> {
  const admin = stack.backend.admin;
  await launch(id);
  await launch(id);
  const launched = await instanceOf(admin, PROCESS_KEY, id);

  // The timer is registered with the backend; moving its anchor back makes it due in ~5 s.
  await waitFor(`the timer of ${id}`, async () => (await detail(admin, launched.id)).timers.some((t) => t.status === 'pending'));
  await executionOfCase(stack.n8nApi, workflow.id, launched.id, (e) => e.status === 'waiting');
  const moved = Date.now();
  await admin.patch(`/instances/${launched.id}/data`).send({ data: { notBefore: isoIn(-55_000), amount: 120 } }).expect(200);

  const task = await openTask(admin, launched.id, REVIEWERS, 90_000);
  const timerWaitMs = Date.now() - moved;
  let forged: { status: number; text: string; after: Execution } | undefined;
  if (forge) {
    const resumeUrl = await stack.resumeUrlOf(task.id);
    const waiting = await executionOfCase(stack.n8nApi, workflow.id, launched.id, (e) => e.status === 'waiting');
    const call = await forgedResume(resumeUrl, { kind: 'decision', decision: 'approve', taskId: task.id, instanceId: launched.id });
    // Give n8n the moment it would need to resume, then look again.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await stack.n8nApi.getExecution(waiting.id, { includeData: true });
    forged = { ...call, after };
  }
  await decide(stack.reviewer.client, task.id, decision, decision === 'reject' ? 'Amount too high' : undefined);
  const execution = await executionOfCase(stack.n8nApi, workflow.id, launched.id, (e) => e.status !== 'waiting' && e.status !== 'running' && e.status !== 'new');
  return { instance: await detail(admin, launched.id), execution: await stack.n8nApi.getExecution(execution.id, { includeData: true }), timerWaitMs, forged };
}

let approved: ReturnType<typeof runCase>;
let rejected: ReturnType<typeof runCase>;

beforeAll(() => {
  approved = runCase('REQ-A', 'approve', true);
  rejected = runCase('REQ-R', 'reject');
  approved.catch(() => undefined);
  rejected.catch(() => undefined);
});

describe('Caseflow nodes in n8n 2.41', () => {
  it('starts one case per idempotency key although the webhook is called twice', async () => {
    await Promise.allSettled([approved, rejected]);
    const res = await stack.backend.admin.get(`/instances?processKey=${PROCESS_KEY}&limit=200`).expect(200);
    const ids = (res.body.items as InstanceView[]).map((i) => i.entity.externalId).sort();
    expect(ids).toEqual(['REQ-A', 'REQ-R']);
    // Four webhook calls, four executions: two went on, the repeats stopped at "New case?".
    const executions = await stack.n8nApi.listExecutions({ workflowId: workflow.id, includeData: true });
    expect(executions).toHaveLength(4);
    const repeats = executions.filter((e) => outputOf(e, 'Launch Workflow')?.caseflow && (outputOf(e, 'Launch Workflow')!.caseflow as { created: boolean }).created === false);
    expect(repeats).toHaveLength(2);
    for (const repeat of repeats) {
      expect(repeat.status).toBe('success');
      expect(nodesRun(repeat)).not.toContain('Relative Delay');
    }
  });

  it('refuses a forged resume call and keeps the execution waiting', async () => {
    const { forged } = await approved;
    expect(forged!.status).toBeGreaterThanOrEqual(400);
    expect(forged!.status).toBeLessThan(500);
    expect(forged!.after.status).toBe('waiting');
    expect(nodesRun(forged!.after)).not.toContain('Send Templated Message');
  });

  it('approve: the backend timer resumes the delay, the decision resumes down "Approve" and the message is sent', async () => {
    const run = await approved;
    expect(run.execution.status).toBe('success');
    const ran = nodesRun(run.execution);
    expect(ran).toEqual(expect.arrayContaining(['Launch Workflow', 'Relative Delay', 'Assign Stage', 'Await Decision', 'Send Templated Message']));
    expect(ran).not.toContain('Escalate');
    expect(outputOf(run.execution, 'Relative Delay')).toMatchObject({ timer: { status: 'fired' } });
    expect(outputOf(run.execution, 'Await Decision', 1)).toMatchObject({ decision: 'approve' });
    // Moved to be due 5 s after the change; the backend fires within a second of that (n8n's poll alone could be a minute).
    expect(run.timerWaitMs).toBeLessThan(30_000);
    expect(stageKeys(run.instance)).toEqual(['intake', 'review']);
    const mail = (await stack.mailbox()).filter((m) => m.instanceId === run.instance.id);
    expect(mail.map((m) => m.subject)).toEqual(['Your request REQ-A is approved']);
    expect(mail[0]!.recipients).toEqual(['req-a@example.test']);
    expect(run.instance.escalations).toEqual([]);
  });

  it('reject: resumes down "Reject" and escalates to the supervisors, sending nothing', async () => {
    const run = await rejected;
    expect(run.execution.status).toBe('success');
    const ran = nodesRun(run.execution);
    expect(ran).toEqual(expect.arrayContaining(['Relative Delay', 'Assign Stage', 'Await Decision', 'Escalate']));
    expect(ran).not.toContain('Send Templated Message');
    expect(outputOf(run.execution, 'Await Decision', 2)).toMatchObject({ decision: 'reject', comment: 'Amount too high' });
    expect(stageKeys(run.instance)).toEqual(['intake', 'review']);
    expect(run.instance.escalations).toEqual([expect.objectContaining({ reason: 'Rejected by the reviewer: Amount too high' })]);
    expect((await stack.mailbox()).filter((m) => m.instanceId === run.instance.id && m.subject.includes('approved'))).toEqual([]);
  });
});
