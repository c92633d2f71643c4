import { CURRENT, callWebhook, productionWebhookUrl, type Workflow } from '../n8n';
import { decide, instanceOf, openTask } from '../templates/support/cases';
import { waitFor } from '../templates/support/wait';
import { PROCESS_KEY, REVIEWERS, startE2eStack, type E2eStack } from './support/stack';
import { executionOfCase, nodesRun, outputOf, reviewWorkflow } from './support/workflow';

/**
 * Issue 4: a decision made while n8n is down still reaches it. The backend's outbox fails to deliver,
 * retries with backoff (base 500 ms), and once n8n is back (same user folder and port) the waiting
 * execution resumes down the right branch with nobody retrying by hand.
 */
const PATH = 'caseflow-e2e-restart';
let stack: E2eStack;
let workflow: Workflow;

beforeAll(async () => {
  stack = await startE2eStack(CURRENT, { outboxRetryBaseMs: 500 });
  workflow = await stack.n8nApi.createWorkflow(reviewWorkflow({ path: PATH, credentialId: stack.credentialId, outputMode: 'perDecision' }));
  await stack.n8nApi.activateWorkflow(workflow.id);
}, 5 * 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe('a decision made while n8n is stopped', () => {
  it('is delivered by the outbox once n8n is back, and the execution resumes down "Reject"', async () => {
    const admin = stack.backend.admin;
    const body = { id: 'REQ-S', name: 'Requester S', email: 'req-s@example.test', managerEmail: 'boss-s@example.test', data: {} };
    const response = await callWebhook(productionWebhookUrl(stack.n8n.baseUrl, PATH), { body, headers: { 'Idempotency-Key': 'req-restart' } });
    expect(response.status).toBe(200);
    const instance = await instanceOf(admin, PROCESS_KEY, 'REQ-S');
    const task = await openTask(admin, instance.id, REVIEWERS);
    const waiting = await executionOfCase(stack.n8nApi, workflow.id, instance.id, (e) => e.status === 'waiting');

    await stack.stopN8n();
    await decide(stack.reviewer.client, task.id, 'reject', 'Decided while n8n was down');
    const resumeOf = async () => (await stack.outbox()).find((d) => d.instanceId === instance.id && d.kind === 'n8n_resume');
    const failing = await waitFor('a failed delivery attempt', async () => {
      const delivery = await resumeOf();
      return delivery && delivery.status === 'pending' && delivery.attempts >= 1 ? delivery : undefined;
    }, 30_000, 200);
    expect(failing.lastError).toBeTruthy();

    await stack.startN8nAgain();
    const done = await executionOfCase(stack.n8nApi, waiting.workflowId, instance.id, (e) => e.status !== 'waiting' && e.status !== 'running' && e.status !== 'new', 60_000).catch(
      async (error: Error) => {
        const now = await stack.n8nApi.getExecution(waiting.id).catch((e: Error) => e.message);
        const stuck = await resumeOf();
        // Diagnosis: does a retry by hand, with n8n fully up, get through?
        let retried: unknown = 'not retried';
        if (stuck?.status === 'dead') {
          await admin.post(`/outbox/${stuck.id}/retry`);
          retried = await waitFor('the retried delivery', async () => {
            const d = await resumeOf();
            return d && d.status !== 'pending' ? d : undefined;
          }, 20_000).catch((e: Error) => e.message);
        }
        const after = await stack.n8nApi.getExecution(waiting.id).catch((e: Error) => e.message);
        throw new Error(
          `${error.message}\nexecution: ${JSON.stringify(now)}\noutbox: ${JSON.stringify(stuck)}\nretried by hand: ${JSON.stringify(retried)}\nexecution after: ${JSON.stringify(after)}\nn8n log: ${stack.n8n.logFile}`,
        );
      },
    );
    const execution = await stack.n8nApi.getExecution(done.id, { includeData: true });
    expect(execution.id).toBe(waiting.id);
    expect(execution.status).toBe('success');
    expect(nodesRun(execution)).toContain('Rejected');
    expect(nodesRun(execution)).not.toContain('Approved');
    expect(outputOf(execution, 'Await Decision', 2)).toMatchObject({ decision: 'reject', comment: 'Decided while n8n was down' });

    const delivered = await waitFor('the delivery to be marked delivered', async () => {
      const delivery = await resumeOf();
      return delivery?.status === 'delivered' ? delivery : undefined;
    }, 30_000);
    expect(delivered.attempts).toBeGreaterThan(1);
    expect(delivered.status).toBe('delivered');
  });
});
