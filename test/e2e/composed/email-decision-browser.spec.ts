import type { Page } from 'playwright-core';
import { CURRENT, productionWebhookUrl, type Workflow } from '../../n8n';
import { openBrowser, type Browser } from '../../browser/support/browser';
import { openTask } from '../../templates/support/cases';
import { waitFor } from '../../templates/support/wait';
import { decodeQuotedPrintable, startSmtpReceiver, type SmtpReceiver } from '../support/smtp';
import { ENTITY_TYPE, PROCESS_KEY, REVIEWERS, startE2eStack, type E2eStack } from '../support/stack';
import { approveOrRejectFlow } from './support/review-flow';
import { executionsOf, nodesRun, waitForExecutions } from './support/runs';

/**
 * Issue 14 as a reviewer lives it, every part real: the new-task notification arrives over SMTP on
 * loopback; its "Approve" link opens in Chromium on a confirmation page (that visit decides nothing);
 * the reviewer confirms, and n8n's execution resumes on the Approved branch; the link opened again says
 * the task was decided, and by whom.
 */
let stack: E2eStack;
let workflow: Workflow;
let browser: Browser;
let page: Page;
let smtp: SmtpReceiver;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  stack = await startE2eStack(CURRENT, { smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Caseflow <caseflow@example.test>' } });
  workflow = await stack.n8nApi.createWorkflow(approveOrRejectFlow('Email decision in a browser', 'email-decision-browser', stack.credentialId));
  await stack.n8nApi.activateWorkflow(workflow.id);
  browser = await openBrowser(stack.backend.baseUrl);
  page = browser.page;
}, 5 * 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await smtp?.close();
});

it('decides from the link in a received email after a confirmation page, and n8n resumes on that branch', async () => {
  const started = await waitFor('the webhook to start the flow', async () => {
    const response = await fetch(productionWebhookUrl(stack.n8n.baseUrl, 'email-decision-browser'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'MAIL-B1', name: 'Browser Request' }),
    });
    return response.status === 404 ? undefined : response;
  }, 15_000, 200);
  expect(started.status).toBe(200);
  const instance = await waitFor('the MAIL-B1 case', async () => {
    const res = await stack.backend.admin.get(`/instances?processKey=${PROCESS_KEY}&entityType=${ENTITY_TYPE}&externalId=MAIL-B1`).expect(200);
    return (res.body.items as Array<{ id: string }>)[0];
  });
  const task = await openTask(stack.backend.admin, instance.id, REVIEWERS);
  await waitForExecutions(stack.n8nApi, workflow.id, (e) => e.status === 'waiting');

  const mail = await waitFor('the new-task email over SMTP', async () =>
    smtp.received.find((m) => m.to.includes(stack.reviewer.email) && m.raw.includes('New task: Review MAIL-B1')),
  60_000);
  const link = decodeQuotedPrintable(mail.raw).match(/Approve → (\S+\/email-decisions\/[A-Za-z0-9_-]+)/)![1]!;
  // The link names the backend's public URL; this test reaches the same backend on its own port.
  const url = `${stack.backend.baseUrl}${new URL(link).pathname}`;

  await page.goto(url);
  await page.getByRole('heading', { name: 'Confirm: Approve' }).waitFor();
  expect(await page.content()).toContain('Browser Request');
  // Opening the page (what a link preview or a mail scanner does too) decided nothing.
  expect((await stack.backend.admin.get(`/tasks/${task.id}`).expect(200)).body.status).toBe('open');
  expect((await executionsOf(stack.n8nApi, workflow.id))[0]!.status).toBe('waiting');

  await page.getByRole('button', { name: 'Confirm: Approve' }).click();
  await page.getByText('Decided: Approve').waitFor();
  const [finished] = await waitForExecutions(stack.n8nApi, workflow.id, (e) => e.status === 'success');
  expect(nodesRun(finished!)).toContain('Approved');
  expect(nodesRun(finished!)).not.toContain('Rejected');

  await page.goto(url);
  await page.getByText('This task was decided').waitFor();
  expect(await page.content()).toContain('Rita Reviewer');
  expect(await executionsOf(stack.n8nApi, workflow.id)).toHaveLength(1);
});
