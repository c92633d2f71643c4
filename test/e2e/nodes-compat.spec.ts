import { COMPAT, callWebhook, productionWebhookUrl, type Workflow } from '../n8n';
import { decide, detail, instanceOf, openTask } from '../templates/support/cases';
import { PROCESS_KEY, REVIEWERS, startE2eStack, type E2eStack } from './support/stack';
import { waitFor } from '../templates/support/wait';
import { nodesRun, outputOf, reviewWorkflow } from './support/workflow';

/**
 * The "compat" profile: the same packed package in n8n 1.123 on Node 20. n8n before 2.39 continues
 * only the first output of a resumed node, so Await Decision runs with Outputs: Single Output and the
 * item carries `decision`: Webhook → Launch Workflow → Await Decision (single) → Decided.
 */
const PATH = 'caseflow-e2e-compat';
let stack: E2eStack;
let workflow: Workflow;

beforeAll(async () => {
  stack = await startE2eStack(COMPAT);
  workflow = await stack.n8nApi.createWorkflow(reviewWorkflow({ path: PATH, credentialId: stack.credentialId, outputMode: 'single' }));
  await stack.n8nApi.activateWorkflow(workflow.id);
}, 5 * 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe('Caseflow nodes in n8n 1.123 (single-output Await Decision)', () => {
  it('launches, waits for the decision, resumes with `decision` on the item and finishes', async () => {
    const admin = stack.backend.admin;
    const body = { id: 'REQ-C', name: 'Requester C', email: 'req-c@example.test', managerEmail: 'boss-c@example.test', data: { amount: 50 } };
    const response = await callWebhook(productionWebhookUrl(stack.n8n.baseUrl, PATH), { body, headers: { 'Idempotency-Key': 'req-compat' } });
    expect(response.status).toBe(200);
    const instance = await instanceOf(admin, PROCESS_KEY, 'REQ-C');
    const task = await openTask(admin, instance.id, REVIEWERS);
    // n8n 1.123's public API leaves this waiting execution out of GET /executions (also once it has
    // finished), so it is read by its id, which the resume URL n8n handed the node carries.
    const executionId = /\/webhook-waiting\/(\d+)/.exec(await stack.resumeUrlOf(task.id))?.[1];
    expect(executionId).toBeDefined();
    const waiting = await waitFor('the execution to wait', async () => {
      const e = await stack.n8nApi.getExecution(executionId!, { includeData: true });
      return e.status === 'waiting' ? e : undefined;
    });
    expect(nodesRun(waiting)).toEqual(['Webhook', 'Launch Workflow', 'Await Decision']);

    await decide(stack.reviewer.client, task.id, 'reject', 'Not this time');
    const execution = await waitFor('the execution to finish', async () => {
      const e = await stack.n8nApi.getExecution(executionId!, { includeData: true });
      return e.status !== 'waiting' && e.status !== 'running' && e.status !== 'new' ? e : undefined;
    }, 60_000);
    expect(execution.status).toBe('success');
    expect(execution.id).toBe(waiting.id);
    expect(outputOf(execution, 'Await Decision')).toMatchObject({ decision: 'reject', comment: 'Not this time', timedOut: false });
    expect(outputOf(execution, 'Decided')).toMatchObject({ decision: 'reject', caseflow: { instanceId: instance.id } });
    expect((await detail(admin, instance.id)).stageVisits.map((v) => v.stageKey)).toEqual(['intake']);
  });
});
