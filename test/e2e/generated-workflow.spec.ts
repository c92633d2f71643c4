import { CURRENT, callWebhook } from '../n8n';
import { N8nClient } from '../../backend/src/templates/n8n-client';
import type { ProcessFlow } from '../../backend/src/processes/process-flow';
import { decide, detail, openTask, stageKeys, type InstanceView } from '../templates/support/cases';
import { waitFor } from '../templates/support/wait';
import { ENTITY_TYPE, REVIEWERS, SUPERVISORS, startE2eStack, type E2eStack } from './support/stack';

/**
 * A process designed in Caseflow (three stages, two decisions, a flow), generated into a real n8n 2.41 through
 * its public API, and run there: the generated webhook launches the case, decisions resume the execution on
 * their branch, and regenerating keeps what users built by hand in n8n and refuses to overwrite their edits.
 *   npx jest -c test/e2e/jest.config.js test/e2e/generated-workflow.spec.ts
 */
const KEY = 'designed-review';
let stack: E2eStack;
let n8n: N8nClient;

const flow: ProcessFlow = {
  steps: [
    { id: 'start', kind: 'start' },
    { id: 'screening', kind: 'stage', stageKey: 'screening' },
    { id: 'screen', kind: 'decision', title: 'Screen the request', decisions: ['approve', 'reject'] },
    { id: 'review', kind: 'stage', stageKey: 'review' },
    { id: 'final', kind: 'decision', title: 'Final review', decisions: ['approve', 'reject'], queue: SUPERVISORS },
    { id: 'done', kind: 'stage', stageKey: 'done' },
    { id: 'approved', kind: 'outcome', outcome: 'approved' },
    { id: 'rejected', kind: 'outcome', outcome: 'rejected' },
  ],
  links: [
    { from: 'start', to: 'screening' },
    { from: 'screening', to: 'screen' },
    { from: 'screen', to: 'review', on: 'approve' },
    { from: 'screen', to: 'rejected', on: 'reject' },
    { from: 'review', to: 'final' },
    { from: 'final', to: 'done', on: 'approve' },
    { from: 'final', to: 'rejected', on: 'reject' },
    { from: 'done', to: 'approved' },
  ],
};

beforeAll(async () => {
  stack = await startE2eStack(CURRENT, {}, { followExecutions: true });
  n8n = new N8nClient(stack.backend.config.n8n!);
  const created = await admin().post('/processes').send({
    key: KEY,
    name: 'Designed review',
    entityTypes: [ENTITY_TYPE],
    stages: [
      { key: 'screening', name: 'Screening', ownerQueue: REVIEWERS },
      { key: 'review', name: 'Review', ownerQueue: REVIEWERS },
      { key: 'done', name: 'Done' },
    ],
    decisions: [
      { key: 'approve', label: 'Approve' },
      { key: 'reject', label: 'Reject' },
    ],
    flow,
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await admin().post(`/processes/${KEY}/publish`);
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
}, 5 * 60_000);

afterAll(async () => {
  await stack?.stop();
});

const admin = () => stack.backend.admin;
const caseWhere = (id: string, what: string, test: (c: InstanceView) => boolean) =>
  waitFor(`case ${id} ${what}`, async () => {
    const found = await detail(admin(), id);
    return test(found) ? found : undefined;
  }, 60_000);
const inStage = (key: string) => (c: InstanceView) => c.currentStage?.key === key;

describe('a designed flow generated into n8n', () => {
  let workflowId: string;
  let webhookUrl: string;

  it('generates, activates and answers with where the workflow and its webhook are', async () => {
    const res = await admin().post(`/processes/${KEY}/n8n-workflow`).expect(200);
    workflowId = res.body.workflowId;
    webhookUrl = res.body.webhookUrl;
    expect(res.body.editorUrl).toBe(`${stack.n8n.baseUrl}/workflow/${workflowId}`);
    expect(webhookUrl).toBe(`${stack.n8n.baseUrl}/webhook/caseflow/${KEY}`);
    expect((await n8n.getWorkflow(workflowId))!.active).toBe(true);
  });

  it('launches a case in the first stage from the generated webhook, and resumes on the branch of each decision', async () => {
    const launched = await callWebhook(webhookUrl, { body: { entity: { externalId: 'gen-1', name: 'Grace' }, data: { amount: 3 } } });
    expect(launched.status).toBe(201);
    const caseId = (launched.body as { caseId: string }).caseId;
    await caseWhere(caseId, 'in screening', inStage('screening'));
    const screening = await openTask(admin(), caseId, REVIEWERS);
    expect(screening.title).toBe('Screen the request');

    await decide(admin(), screening.id, 'approve');
    await caseWhere(caseId, 'in review', inStage('review'));
    const final = await openTask(admin(), caseId, SUPERVISORS);
    await decide(admin(), final.id, 'approve');
    const completed = await caseWhere(caseId, 'completed', (c) => c.status === 'completed');
    expect(completed.outcome).toBe('approved');
    expect(stageKeys(completed)).toEqual(['screening', 'review', 'done']);
  });

  it('answers a repeated launch 200 with the same case', async () => {
    const body = { entity: { externalId: 'gen-2', name: 'Hal' } };
    const headers = { 'idempotency-key': 'gen-2-once' };
    const first = await callWebhook(webhookUrl, { body, headers });
    const again = await callWebhook(webhookUrl, { body, headers });
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 200, body: { caseId: (first.body as { caseId: string }).caseId } });
  });

  it('runs the generated flow for a case started from the Caseflow UI', async () => {
    const started = await admin().post('/instances').send({ processKey: KEY, entity: { type: ENTITY_TYPE, externalId: 'gen-ui', name: 'Ida' } }).expect(201);
    const task = await openTask(admin(), started.body.id, REVIEWERS);
    expect(task.title).toBe('Screen the request');
    await decide(admin(), task.id, 'reject');
    const rejected = await caseWhere(started.body.id, 'completed', (c) => c.status === 'completed');
    expect(rejected.outcome).toBe('rejected');
    expect(stageKeys(rejected)).toEqual(['screening']);
  });

  it('keeps a node added by hand in n8n when it regenerates', async () => {
    const workflow = (await n8n.getWorkflow(workflowId))!;
    workflow.nodes.push({ id: 'by-hand', name: 'Hand-made note', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 900], parameters: {} });
    await n8n.updateWorkflow(workflowId, workflow);
    const res = await admin().post(`/processes/${KEY}/n8n-workflow`).expect(200);
    expect(res.body.workflowId).toBe(workflowId);
    expect(res.body.plan).toMatchObject({ create: false, keep: ['Hand-made note'], add: [], remove: [] });
    expect((await n8n.getWorkflow(workflowId))!.nodes.map((node) => node.name)).toContain('Hand-made note');
  });

  it('lists an owned node changed by hand under overwrite on a dry run, and answers a plain POST 409', async () => {
    const workflow = (await n8n.getWorkflow(workflowId))!;
    const screen = workflow.nodes.find((node) => node.name === 'Screen the request')!;
    screen.parameters = { ...screen.parameters, title: 'Edited in n8n' };
    await n8n.updateWorkflow(workflowId, workflow);
    const dry = await admin().post(`/processes/${KEY}/n8n-workflow?dryRun=true`).expect(200);
    expect(dry.body.plan.overwrite).toEqual([{ node: 'Screen the request', parameters: ['title'] }]);
    const refused = await admin().post(`/processes/${KEY}/n8n-workflow`);
    expect(refused.status).toBe(409);
    expect(refused.body.plan.overwrite).toHaveLength(1);
    const after = (await n8n.getWorkflow(workflowId))!;
    expect(after.nodes.find((node) => node.name === 'Screen the request')!.parameters.title).toBe('Edited in n8n');
  });
});
