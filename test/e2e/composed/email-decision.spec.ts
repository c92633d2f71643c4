import { CURRENT, productionWebhookUrl, type Workflow } from '../../n8n';
import { EventTable, TaskTable } from '../../../backend/src/database/tables';
import { EmailDecisionLinksService, type DecisionLink } from '../../../backend/src/email-decisions/email-decision-links.service';
import { openTask } from '../../templates/support/cases';
import { waitFor } from '../../templates/support/wait';
import { ENTITY_TYPE, PROCESS_KEY, REVIEWERS, startE2eStack, type E2eStack } from '../support/stack';
import { approveOrRejectFlow } from './support/review-flow';
import { executionsOf, nodesRun, waitForExecutions } from './support/runs';

/**
 * Issue 14 in a real n8n 2.41: a reviewer decides from the link in a notification email. The GET a
 * mail scanner would make leaves the execution waiting; the confirmed POST resumes it on the
 * chosen branch; the link then only says it was used. (A browser version can follow; this one
 * speaks HTTP as the browser would: a plain GET, then the page's form-encoded POST.)
 */
let stack: E2eStack;
let workflow: Workflow;

beforeAll(async () => {
  stack = await startE2eStack(CURRENT);
  workflow = await stack.n8nApi.createWorkflow(approveOrRejectFlow('Email decision: approve or reject', 'email-decision', stack.credentialId));
  await stack.n8nApi.activateWorkflow(workflow.id);
}, 5 * 60_000);

afterAll(async () => {
  await stack?.stop();
});

const admin = () => stack.backend.admin;
const db = () => stack.backend.db;
/** The links are made for the backend's public URL; the test reaches the same backend on its own port. */
const onBackend = (link: DecisionLink) => `${stack.backend.baseUrl}${new URL(link.url).pathname}`;

describe('deciding from the link in an email', () => {
  it('shows on GET without resuming, resumes n8n on the chosen branch on POST, and then says it was used', async () => {
    const started = await waitFor('the webhook to start the flow', async () => {
      const response = await fetch(productionWebhookUrl(stack.n8n.baseUrl, 'email-decision'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'MAIL-1', name: 'Mail Request' }),
      });
      return response.status === 404 ? undefined : response;
    }, 15_000, 200);
    expect(started.status).toBe(200);
    const instance = await waitFor('the MAIL-1 case', async () => {
      const res = await admin().get(`/instances?processKey=${PROCESS_KEY}&entityType=${ENTITY_TYPE}&externalId=MAIL-1`).expect(200);
      return (res.body.items as Array<{ id: string }>)[0];
    });
    const task = await openTask(admin(), instance.id, REVIEWERS);
    await waitForExecutions(stack.n8nApi, workflow.id, (e) => e.status === 'waiting');

    const row = (await db().read(() => db().manager.findOneBy(TaskTable, { id: task.id })))!;
    const links = await stack.backend.app
      .get(EmailDecisionLinksService)
      .decisionLinksFor(row, { userId: stack.reviewer.id, email: stack.reviewer.email }, Date.now());
    const reject = links.find((l) => l.key === 'reject')!;

    // What a mail scanner or a link preview does: nothing may be decided by it.
    const preview = await fetch(onBackend(reject));
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('Confirm: Reject');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await admin().get(`/tasks/${task.id}`).expect(200)).body.status).toBe('open');
    const [waiting] = await executionsOf(stack.n8nApi, workflow.id);
    expect(waiting!.status).toBe('waiting');

    const confirmed = await fetch(onBackend(reject), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ comment: '' }).toString(),
    });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Decided: Reject');

    const [finished] = await waitForExecutions(stack.n8nApi, workflow.id, (e) => e.status === 'success');
    expect(nodesRun(finished!)).toContain('Rejected');
    expect(nodesRun(finished!)).not.toContain('Approved');
    const event = await db().read(() => db().manager.findOneBy(EventTable, { taskId: task.id, type: 'task.decided' }));
    expect(event).toMatchObject({ actorId: stack.reviewer.id, data: expect.objectContaining({ decision: 'reject', via: 'email' }) });

    for (const link of [reject, links.find((l) => l.key === 'approve')!]) {
      const again = await fetch(onBackend(link));
      expect(again.status).toBe(200);
      expect(await again.text()).toContain('This task was decided: <strong>Reject</strong> by Rita Reviewer');
    }
    expect(await executionsOf(stack.n8nApi, workflow.id)).toHaveLength(1);
  });
});
