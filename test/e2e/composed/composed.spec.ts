import { randomUUID } from 'node:crypto';
import { CURRENT, callWebhook, login, productionWebhookUrl, type Workflow, type WorkflowInput } from '../../n8n';
import { requestJson } from '../../n8n/http';
import { MessageTable, OutboxTable } from '../../../backend/src/database/tables';
import { insertPublishedProcess } from '../../../backend/test/support/fixtures';
import { decide, openTask } from '../../templates/support/cases';
import { waitFor } from '../../templates/support/wait';
import { ENTITY_TYPE, PROCESS_KEY, REVIEWERS, startE2eStack, type E2eStack } from '../support/stack';
import { Flow } from './support/flow';
import { atRest, executionsOf, itemsOut, nodesRun, waitForExecutions } from './support/runs';

/**
 * Flows composed the way a user builds them from the docs — n8n's own Webhook, Code and Respond to
 * Webhook nodes around the Caseflow nodes, not the shipped templates — in one real n8n 2.41 with
 * the backend following its executions. Each describe proves one promise of the case/execution
 * boundary (issue: "Exactly once across the n8n boundary").
 */
const INTAKE_PROCESS = 'composed-intake';
let stack: E2eStack;
let wrongSecretCredentialId: string;

beforeAll(async () => {
  stack = await startE2eStack(CURRENT, {}, { followExecutions: true });
  await insertPublishedProcess(stack.backend, {
    key: INTAKE_PROCESS,
    name: 'Composed intake',
    entityTypes: [ENTITY_TYPE],
    stages: [{ key: 'intake', name: 'Intake' }],
    decisions: [{ key: 'approve', label: 'Approve' }],
    intake: [
      { path: 'entity.email', label: 'Email', type: 'email', required: true },
      { path: 'data.amount', label: 'Amount', type: 'number', required: true },
    ],
  });
  const wrong = await stack.n8nApi.createCredential({
    name: 'Caseflow (wrong secret)',
    type: 'caseflowApi',
    data: { baseUrl: stack.backend.baseUrl, apiKey: (await stack.backend.createApiKey(['automation'])).key, signingSecret: 'not-the-backend-secret' },
  });
  wrongSecretCredentialId = wrong.id;
}, 5 * 60_000);

afterAll(async () => {
  await stack?.stop();
});

async function deploy(flow: WorkflowInput): Promise<Workflow> {
  const workflow = await stack.n8nApi.createWorkflow(flow);
  await stack.n8nApi.activateWorkflow(workflow.id);
  return workflow;
}

const flow = (name: string, credentialId = stack.credentialId) => new Flow(`Composed: ${name}`, credentialId);
const url = (path: string) => productionWebhookUrl(stack.n8n.baseUrl, path);
const admin = () => stack.backend.admin;
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Launch Workflow (v2) for the e2e process, reading the request from a Webhook item. */
const launch = (extra: Record<string, unknown> = {}) => ({
  processKey: PROCESS_KEY,
  entityType: ENTITY_TYPE,
  entityExternalId: '={{ $json.body.id }}',
  entityName: '={{ $json.body.name }}',
  entityFields: { email: '={{ $json.body.email }}' },
  ...extra,
});

/** The one case of an external id (fails if there is none). */
async function caseOf(processKey: string, externalId: string): Promise<{ id: string; status: string }> {
  const [found] = await casesOf(processKey, externalId);
  if (!found) throw new Error(`no ${processKey} case for ${externalId}`);
  return found;
}

async function casesOf(processKey: string, externalId: string) {
  const res = await admin().get(`/instances?processKey=${processKey}&entityType=${ENTITY_TYPE}&externalId=${externalId}&limit=50`).expect(200);
  return res.body.items as Array<{ id: string; status: string }>;
}

const caseDetail = async (id: string) => (await admin().get(`/instances/${id}`).expect(200)).body;

/** The message sent for a case, as stored (attachments with their content), once there is one. */
const messageOf = async (instanceId: string) =>
  (await stack.backend.db.read(() => stack.backend.db.manager.findOneBy(MessageTable, { instanceId }))) ?? undefined;

/** Await Decision in the reviewers queue, one output per decision (after "Timed Out"). */
const review = (title: string, decisions: string[]) => ({
  queue: REVIEWERS,
  title,
  decisionSource: 'define',
  decisions: { values: decisions.map((key) => ({ key, label: key[0]!.toUpperCase() + key.slice(1) })) },
  due: 'none',
  outputMode: 'perDecision',
  options: {},
});

/** Send Templated Message to the case's entity, written inline. */
const inlineMessage = (subject: string, text: string, attachments = '') => ({
  source: 'inline',
  subject,
  text,
  toEntity: true,
  toManager: false,
  recipients: {},
  data: '{}',
  attachments,
});

/** Relative Delay anchored on a field of the case. */
const delay = (anchorField: string, amount: number, unit: string, direction: 'before' | 'after', ifPast: 'continue' | 'tooLate') => ({
  anchorSource: 'field',
  anchorField,
  amount,
  unit,
  direction,
  ifPast,
  options: {},
});

/** The case once the backend has marked it failed (needs attention). */
const failedCase = (id: string) =>
  waitFor('the case to be marked failed', async () => {
    const detail = await caseDetail(id);
    return detail.status === 'failed' ? detail : undefined;
  }, 60_000, 1000);

describe('files: an uploaded PDF reaches the emails sent later', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

  it('keeps the upload on the item through Launch Workflow and Await Decision, and attaches it', async () => {
    await deploy(
      flow('files')
        .webhook('Referral form', 'composed-files')
        .caseflow('Launch Workflow', 'launchWorkflow', launch({ data: '={{ { reason: $json.body.reason } }}' }), { typeVersion: 2 })
        .caseflow('Review', 'awaitDecision', review('=Review {{ $json.caseflow.entity.externalId }}: {{ $json.caseflow.data.reason }}', ['approve', 'reject']))
        .caseflow('Send the referral on', 'sendTemplatedMessage', inlineMessage('=Referral {{ $json.caseflow.entity.externalId }} accepted', 'The referral form is attached.', '*'))
        .chain('Referral form', 'Launch Workflow', 'Review')
        .connect('Review', 'Send the referral on', 1)
        .build(),
    );
    const form = new FormData();
    form.set('id', 'FILE-1');
    form.set('name', 'Filo File');
    form.set('email', 'filo@example.test');
    form.set('reason', 'attendance');
    form.set('document', new Blob([PDF], { type: 'application/pdf' }), 'referral.pdf');
    // Activation registers the production webhook a moment after it returns: until then n8n says 404.
    const posted = await waitFor('the form webhook to take the upload', async () => {
      const response = await fetch(url('composed-files'), { method: 'POST', body: form });
      return response.status === 404 ? undefined : response;
    }, 15_000, 200);
    expect(posted.status).toBe(200);

    const created = await waitFor('the FILE-1 case', async () => (await casesOf(PROCESS_KEY, 'FILE-1'))[0]);
    const task = await openTask(admin(), created!.id, REVIEWERS);
    expect(task.title).toBe('Review FILE-1: attendance');
    await decide(stack.reviewer.client, task.id, 'approve');

    const message = await waitFor('the message with the attachment', async () =>
      messageOf(created!.id),
    );
    expect(message!.recipients).toEqual(['filo@example.test']);
    expect(message!.attachments).toEqual([expect.objectContaining({ filename: 'referral.pdf', contentType: 'application/pdf' })]);
    expect(Buffer.from(message!.attachments[0]!.content, 'base64').equals(PDF)).toBe(true);
  });
  it('takes a self-referral from n8n\'s Form Trigger, and an IF on the file decides what is sent', async () => {
    await deploy(
      flow('form')
        .node('Refer yourself', 'n8n-nodes-base.formTrigger', 2.2, {
          formTitle: 'Refer yourself',
          formFields: {
            values: [
              { fieldLabel: 'Student ID', requiredField: true },
              { fieldLabel: 'Name', requiredField: true },
              { fieldLabel: 'Email', fieldType: 'email', requiredField: true },
              { fieldLabel: 'Document', fieldType: 'file', multipleFiles: false },
            ],
          },
          responseMode: 'onReceived',
          options: { path: 'composed-form' },
        }, { webhookId: randomUUID() })
        .caseflow('Launch Workflow', 'launchWorkflow', {
          processKey: PROCESS_KEY,
          entityType: ENTITY_TYPE,
          entityExternalId: "={{ $json['Student ID'] }}",
          entityName: '={{ $json.Name }}',
          entityFields: { email: '={{ $json.Email }}' },
          data: '={{ { submittedAt: $json.submittedAt } }}',
        }, { typeVersion: 2 })
        .node('Sent a document?', 'n8n-nodes-base.if', 2.2, {
          conditions: {
            options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
            combinator: 'and',
            conditions: [{ id: 'has-file', leftValue: '={{ $binary.Document !== undefined }}', rightValue: true, operator: { type: 'boolean', operation: 'true', singleValue: true } }],
          },
          options: {},
        })
        .caseflow('Confirm with the document', 'sendTemplatedMessage', inlineMessage('=We have your referral, {{ $json.caseflow.entity.name }}', 'Your document is attached for your records.', 'Document'))
        .chain('Refer yourself', 'Launch Workflow', 'Sent a document?', 'Confirm with the document')
        .build(),
    );
    const form = new FormData();
    form.set('field-0', 'FORM-1');
    form.set('field-1', 'Fran Form');
    form.set('field-2', 'fran@example.test');
    form.set('field-3', new Blob([PDF], { type: 'application/pdf' }), 'transcript.pdf');
    const posted = await waitFor('the form to take the submission', async () => {
      const response = await fetch(`${stack.n8n.baseUrl}/form/composed-form`, { method: 'POST', body: form });
      return response.status === 404 ? undefined : response;
    }, 15_000, 200);
    expect(posted.status).toBe(200);

    const created = await waitFor('the FORM-1 case', async () => (await casesOf(PROCESS_KEY, 'FORM-1'))[0]);
    const message = await waitFor('the confirmation', async () =>
      messageOf(created.id),
    );
    expect(message.subject).toBe('We have your referral, Fran Form');
    expect(message.attachments).toEqual([expect.objectContaining({ filename: 'transcript.pdf', contentType: 'application/pdf' })]);
    expect(Buffer.from(message.attachments[0]!.content, 'base64').equals(PDF)).toBe(true);
  });
});

describe('retries: a webhook retried three times runs the steps of its case once', () => {
  let workflow: Workflow;
  let caseId: string;

  beforeAll(async () => {
    workflow = await deploy(
      flow('retries')
        .webhook('Booking webhook', 'composed-retry')
        .caseflow('Launch Workflow', 'launchWorkflow', launch(), { typeVersion: 2 })
        .caseflow('We have received it', 'sendTemplatedMessage', inlineMessage('=We have received {{ $json.caseflow.entity.externalId }}', 'Thank you.'))
        .caseflow('Review', 'awaitDecision', review('Check the booking', ['approve']))
        .noOp('Already received')
        .noOp('Approved')
        .chain('Booking webhook', 'Launch Workflow', 'We have received it', 'Review')
        .connect('Launch Workflow', 'Already received', 1)
        .connect('Review', 'Approved', 1)
        .build(),
    );
    const body = { id: 'RETRY-1', name: 'Rita Retry', email: 'rita@example.test' };
    // The caller retries because it never saw an answer: the same body, a fresh request id each time.
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await callWebhook(url('composed-retry'), { body, headers: { 'x-request-id': `attempt-${attempt}` } });
      expect(response.status).toBe(200);
    }
    await waitForExecutions(stack.n8nApi, workflow.id, (e) => e.status === 'waiting' || atRest(e), 4);
    ({ id: caseId } = await caseOf(PROCESS_KEY, 'RETRY-1'));
  }, 3 * 60_000);

  it('gives one case, one task, one message and one waiting execution', async () => {
    expect(await casesOf(PROCESS_KEY, 'RETRY-1')).toHaveLength(1);
    const detail = await caseDetail(caseId);
    expect(detail.tasks).toHaveLength(1);
    expect(detail.messages.map((m: { subject: string }) => m.subject)).toEqual(['We have received RETRY-1']);
    const executions = await executionsOf(stack.n8nApi, workflow.id);
    expect(executions.map((e) => e.status).sort()).toEqual(['success', 'success', 'success', 'waiting']);
    for (const repeat of executions.filter((e) => e.status === 'success')) {
      expect(nodesRun(repeat)).toContain('Already received');
      expect(nodesRun(repeat)).not.toContain('We have received it');
      expect(itemsOut(repeat, 'Launch Workflow', 1)[0]).toMatchObject({ caseflow: { instanceId: caseId, created: false } });
    }
  });

  it('cancelling the case leaves no execution waiting, and nothing after the wait runs', async () => {
    await admin().post(`/instances/${caseId}/cancel`).send({ reason: 'booking withdrawn' }).expect(200);
    const [released] = await waitForExecutions(stack.n8nApi, workflow.id, (e) => atRest(e) && nodesRun(e).includes('Review'));
    expect(released!.status).toBe('success');
    expect(nodesRun(released!)).not.toContain('Approved');
    expect((await executionsOf(stack.n8nApi, workflow.id)).filter((e) => e.status === 'waiting')).toEqual([]);
    const detail = await caseDetail(caseId);
    expect(detail.tasks[0].status).toBe('cancelled');
    expect(detail.deliveries.filter((d: { status: string }) => d.status === 'dead')).toEqual([]);
  });
});

describe('dates: an anchor moved into the past leaves on Too Late', () => {
  it('routes the waiting item to "Too Late" with timer.late, exactly as at registration', async () => {
    const workflow = await deploy(
      flow('dates')
        .webhook('Course booking', 'composed-dates')
        .caseflow('Launch Workflow', 'launchWorkflow', launch(), { typeVersion: 2 })
        .caseflow('3 minutes before the course', 'relativeDelay', delay('data.courseStart', 3, 'minutes', 'before', 'tooLate'))
        .noOp('Starts soon')
        .noOp('Already started')
        .chain('Course booking', 'Launch Workflow', '3 minutes before the course', 'Starts soon')
        .connect('3 minutes before the course', 'Already started', 1)
        .build(),
    );
    await callWebhook(url('composed-dates'), { body: { id: 'DATE-1', name: 'Dora Date', email: 'dora@example.test', data: { courseStart: isoIn(3_600_000) } } });
    const [waiting] = await waitForExecutions(stack.n8nApi, workflow.id, (e) => e.status === 'waiting');
    const { id } = await caseOf(PROCESS_KEY, 'DATE-1');
    expect((await caseDetail(id)).timers).toEqual([expect.objectContaining({ status: 'pending' })]);

    await admin().patch(`/instances/${id}/data`).send({ data: { courseStart: isoIn(-600_000) } }).expect(200);
    const [done] = await waitForExecutions(stack.n8nApi, workflow.id, (e) => e.id === waiting!.id && atRest(e));
    expect(done!.status).toBe('success');
    expect(nodesRun(done!)).toContain('Already started');
    expect(nodesRun(done!)).not.toContain('Starts soon');
    expect(itemsOut(done!, '3 minutes before the course', 1)[0]).toMatchObject({ timer: { late: true, status: 'past' }, body: { id: 'DATE-1' } });
    expect((await caseDetail(id)).timers).toEqual([expect.objectContaining({ status: 'past', moved: true })]);
  });
});

describe('intake: a malformed intake gets a 4xx and creates nothing', () => {
  beforeAll(async () => {
    await deploy(
      flow('intake')
        .webhook('Intake webhook', 'composed-intake', { respond: 'responseNode' })
        .caseflow('Launch Workflow', 'launchWorkflow', {
          processKey: INTAKE_PROCESS,
          entityType: ENTITY_TYPE,
          entityExternalId: '={{ $json.body.id }}',
          entityName: '={{ $json.body.name }}',
          entityFields: { email: '={{ $json.body.email ?? "" }}' },
        }, { typeVersion: 2, onError: 'continueErrorOutput' })
        .respond('Created', 201, '={{ { caseId: $json.caseflow.instanceId } }}')
        .respond('Already there', 200, '={{ { caseId: $json.caseflow.instanceId } }}')
        .respond('Refused', 400, '={{ { error: $json.error, fields: $json.details.fields } }}')
        .chain('Intake webhook', 'Launch Workflow', 'Created')
        .connect('Launch Workflow', 'Already there', 1)
        .connect('Launch Workflow', 'Refused', 2)
        .build(),
    );
  });

  it('answers the caller 400 with every field to fix, and writes nothing', async () => {
    const response = await callWebhook(url('composed-intake'), { body: { id: 'BAD-1', name: 'No Email', data: { amount: 'lots' } } });
    expect(response.status).toBe(400);
    const body = response.body as { error: string; fields: Array<{ field: string }> };
    expect(body.error).toMatch(/entity\.email/);
    expect(body.error).toMatch(/data\.amount/);
    expect(body.fields.map((f) => f.field).sort()).toEqual(['data.amount', 'entity.email']);
    expect(await casesOf(INTAKE_PROCESS, 'BAD-1')).toEqual([]);
    await admin().get(`/entities?type=${ENTITY_TYPE}&externalId=BAD-1`).expect((res) => {
      if (res.status === 200) expect(res.body.items ?? []).toEqual([]);
    });
  });

  it('answers 201 with the case for a good intake, and 200 with the same case when it is sent again', async () => {
    const good = { id: 'GOOD-1', name: 'Good Intake', email: 'good@example.test', data: { amount: 120 } };
    const first = await callWebhook(url('composed-intake'), { body: good });
    expect(first.status).toBe(201);
    const again = await callWebhook(url('composed-intake'), { body: good });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await casesOf(INTAKE_PROCESS, 'GOOD-1')).toHaveLength(1);
  });
});

describe('failures: an execution that fails marks its case within a minute', () => {
  it('shows n8n\'s error, the failed node and a link to the execution on the case', async () => {
    const workflow = await deploy(
      flow('fails')
        .webhook('Order webhook', 'composed-fails')
        .caseflow('Launch Workflow', 'launchWorkflow', launch(), { typeVersion: 2 })
        .code('Update the CRM', "throw new Error('The CRM refused the order: account closed');")
        .chain('Order webhook', 'Launch Workflow', 'Update the CRM')
        .build(),
    );
    const started = Date.now();
    await callWebhook(url('composed-fails'), { body: { id: 'FAIL-1', name: 'Fay Fail', email: 'fay@example.test' } });
    const [execution] = await waitForExecutions(stack.n8nApi, workflow.id, (e) => e.status === 'error');
    const { id } = await caseOf(PROCESS_KEY, 'FAIL-1');
    const failed = await failedCase(id);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(failed.failure).toMatchObject({
      message: expect.stringContaining('The CRM refused the order'),
      node: 'Update the CRM',
      executionId: execution!.id,
      executionUrl: expect.stringContaining(`/executions/${execution!.id}`),
      source: 'execution',
    });
    const listed = await admin().get('/instances?status=failed&limit=50').expect(200);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });
});

describe('signing: a wrong signing secret is reported on the case and by the credential test', () => {
  it('records n8n\'s refusal on the case, never the signed resume URL', async () => {
    const workflow = await deploy(
      flow('wrong secret', wrongSecretCredentialId)
        .webhook('Event webhook', 'composed-secret')
        .caseflow('Launch Workflow', 'launchWorkflow', launch(), { typeVersion: 2 })
        .caseflow('An hour after start', 'relativeDelay', delay('data.start', 1, 'hours', 'after', 'continue'))
        .noOp('Follow up')
        .chain('Event webhook', 'Launch Workflow', 'An hour after start', 'Follow up')
        .build(),
    );
    await callWebhook(url('composed-secret'), { body: { id: 'SECRET-1', name: 'Sid Secret', email: 'sid@example.test', data: { start: isoIn(3_600_000) } } });
    const [waiting] = await waitForExecutions(stack.n8nApi, workflow.id, (e) => e.status === 'waiting');
    const { id } = await caseOf(PROCESS_KEY, 'SECRET-1');
    // Due now: the backend calls the resume URL, and the node refuses a call not signed with its secret.
    await admin().patch(`/instances/${id}/data`).send({ data: { start: isoIn(-3_700_000) } }).expect(200);

    const failed = await failedCase(id);
    expect(failed.failure).toMatchObject({ source: 'resume', message: expect.stringMatching(/signature/i) });
    const rows = await stack.backend.db.read(() => stack.backend.db.manager.findBy(OutboxTable, { instanceId: id, kind: 'n8n_resume' }));
    expect(rows.map((r) => r.status)).toEqual(['dead']);
    expect(rows[0]!.lastError).not.toMatch(/signature=/);
    expect(JSON.stringify(failed)).not.toMatch(/signature=/);
    expect((await stack.n8nApi.getExecution(waiting!.id)).status).toBe('waiting');
  });

  it('the credential test names a missing or different signing secret, and passes with the right one', async () => {
    const session = await login(stack.n8n.baseUrl);
    // What the credential's "Test" button does in the editor, for a saved credential.
    const test = async (signingSecret: string) => {
      const { key } = await stack.backend.createApiKey(['automation']);
      const data = { baseUrl: stack.backend.baseUrl, apiKey: key, signingSecret };
      const saved = await stack.n8nApi.createCredential({ name: `Caseflow check ${signingSecret || 'empty'}`, type: 'caseflowApi', data });
      const response = await requestJson<{ data: { status: string; message: string } }>('POST', `${stack.n8n.baseUrl}/rest/credentials/test`, {
        headers: { cookie: session.cookie },
        body: { credentials: { id: saved.id, name: saved.name, type: 'caseflowApi', data } },
      });
      return response.body.data;
    };
    expect(await test(stack.backend.config.signingSecret)).toMatchObject({ status: 'OK' });
    expect(await test('not-the-backend-secret')).toMatchObject({ status: 'Error', message: expect.stringMatching(/differs/) });
    expect(await test('')).toMatchObject({ status: 'Error', message: expect.stringMatching(/empty/) });
  });
});
