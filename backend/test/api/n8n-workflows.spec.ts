import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { N8nWorkflowLinkTable, OutboxTable } from '../../src/database/tables';
import { admissionsProcess } from '../support/designed-process.fixture';
import { insertPublishedProcess } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { FakeN8n } from './n8n-workflows-fake-n8n';

const templateWorkflow = () => JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'templates', 'student-referrals', 'workflows', 'student-referral.json'), 'utf8')) as object;
const linkRows = (t: TestApp) => t.db.read(() => t.db.manager.find(N8nWorkflowLinkTable));

/** The admissions design as a published version of `key` (the processes API's own checks are its tests' business). */
async function publishDesigned(t: TestApp, key: string, version = 1): Promise<void> {
  const { name, entityTypes, stages, decisions, intake, flow } = admissionsProcess();
  await insertPublishedProcess(t, { key, version, name, entityTypes: ['booking', ...entityTypes], stages, decisions, intake, flow });
}

describe('n8n workflows without n8n configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await publishDesigned(t, 'admissions');
  });
  afterAll(() => t.close());

  it.each([
    ['get', '/processes/admissions/n8n-workflow'],
    ['post', '/processes/admissions/n8n-workflow'],
    ['post', '/processes/admissions/n8n-workflow?dryRun=true'],
    ['get', '/n8n/workflows'],
    ['get', '/n8n/workflows/17/process-map'],
  ] as const)('answers %s %s with 503 saying what to configure, and writes nothing', async (method, path) => {
    const res = await t.admin[method](path);
    expect(res.status).toBe(503);
    expect(res.body.message).toContain('N8N_URL');
    expect(await linkRows(t)).toEqual([]);
  });

  describe('POST /process-maps/from-n8n', () => {
    it('draws a pasted workflow as a flow, accounting for every node', async () => {
      const viewer = (await t.createUser('viewer')).client;
      const res = await viewer.post('/process-maps/from-n8n').send(templateWorkflow());
      expect(res.status).toBe(200);
      expect(res.body.flow.steps.filter((step: { kind: string }) => step.kind === 'start')).toHaveLength(1);
      expect(res.body.flow.steps.find((step: { label: string }) => step.label === 'Advisor review')).toMatchObject({ kind: 'decision', decisions: ['accept', 'counselling', 'close'] });
      expect(res.body.nodes).toHaveLength((templateWorkflow() as { nodes: unknown[] }).nodes.length);
    });

    it('refuses what is not a workflow with 400 and a message', async () => {
      const res = await t.admin.post('/process-maps/from-n8n').send({ nodes: 'many' });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('"nodes"');
    });

    it('refuses a body over the design size limit with 413', async () => {
      const nodes = Array.from({ length: 4000 }, (_, i) => ({ name: `n${i}`, type: 'n8n-nodes-base.noOp', parameters: { text: 'x'.repeat(300) } }));
      const res = await t.admin.post('/process-maps/from-n8n').send({ nodes, connections: {} });
      expect(res.status).toBe(413);
    });

    it('is for signed-in callers only', async () => {
      expect((await t.anonymous.post('/process-maps/from-n8n').send(templateWorkflow())).status).toBe(401);
    });
  });
});

describe('n8n workflows generated through n8n\'s public API', () => {
  let t: TestApp;
  let n8n: FakeN8n;
  const webhookBase = 'http://n8n.local:5678';

  beforeAll(async () => {
    n8n = await new FakeN8n().start();
    t = await startTestApp({ config: { n8n: { url: n8n.url, apiKey: n8n.apiKey, credentialId: 'cred-1', webhookBaseUrl: webhookBase, editorUrl: 'http://editor.test' } } });
    await publishDesigned(t, 'admissions');
  });
  afterAll(async () => {
    await t.close();
    await n8n.stop();
  });
  beforeEach(() => {
    n8n.failWith = null;
  });
  const stored = () => [...n8n.workflows.values()];

  it('plans a creation on a dry run and writes nothing, in n8n or here', async () => {
    const res = await t.admin.post('/processes/admissions/n8n-workflow?dryRun=true');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ workflowId: null, dryRun: true, webhookUrl: `${webhookBase}/webhook/caseflow/admissions`, plan: { create: true, update: [], remove: [], keep: [] } });
    expect(res.body.plan.add).toContain('Launch Admissions');
    expect(stored()).toEqual([]);
    expect(await linkRows(t)).toEqual([]);
  });

  it('creates and activates the workflow, with the Caseflow credential, and remembers the link', async () => {
    const res = await t.admin.post('/processes/admissions/n8n-workflow');
    expect(res.status).toBe(200);
    const [workflow] = stored();
    expect(res.body).toMatchObject({ workflowId: workflow!.id, editorUrl: `http://editor.test/workflow/${workflow!.id}`, dryRun: false });
    expect(workflow).toMatchObject({ active: true, name: 'Caseflow · Admissions' });
    expect(workflow!.nodes.find((node) => node.name === 'Launch Admissions')!.credentials).toEqual({ caseflowApi: { id: 'cred-1', name: 'Caseflow' } });
    const link = await t.admin.get('/processes/admissions/n8n-workflow');
    expect(link.status).toBe(200);
    expect(link.body).toMatchObject({ processKey: 'admissions', processVersion: 1, workflowId: workflow!.id, webhookUrl: `${webhookBase}/webhook/caseflow/admissions` });
  });

  it('updates the same workflow in place, keeping a node added by hand', async () => {
    const workflow = stored()[0]!;
    workflow.nodes.push({ id: 'by-hand', name: 'Tell Slack', type: 'n8n-nodes-base.slack', parameters: {}, position: [0, 900] });
    const res = await t.admin.post('/processes/admissions/n8n-workflow');
    expect(res.status).toBe(200);
    expect(res.body.plan).toMatchObject({ create: false, add: [], remove: [], keep: ['Tell Slack'] });
    expect(stored()).toHaveLength(1);
    expect(stored()[0]!.nodes.map((node) => node.name)).toContain('Tell Slack');
  });

  it('refuses with 409 and the plan when a generated node was changed by hand, unless confirmed', async () => {
    const decision = stored()[0]!.nodes.find((node) => node.name === 'Screen the application')!;
    decision.parameters = { ...decision.parameters, title: 'Edited in n8n' };
    const dry = await t.admin.post('/processes/admissions/n8n-workflow?dryRun=true');
    expect(dry.body.plan.overwrite).toEqual([{ node: 'Screen the application', parameters: ['title'] }]);
    const refused = await t.admin.post('/processes/admissions/n8n-workflow');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('Screen the application');
    expect(refused.body.plan.overwrite).toHaveLength(1);
    expect(stored()[0]!.nodes.find((node) => node.name === 'Screen the application')!.parameters.title).toBe('Edited in n8n');
    const confirmed = await t.admin.post('/processes/admissions/n8n-workflow?confirm=true');
    expect(confirmed.status).toBe(200);
    expect(stored()[0]!.nodes.find((node) => node.name === 'Screen the application')!.parameters.title).toBe('Screen the application');
  });

  it('has a case started from the UI call the generated webhook when the process names none', async () => {
    const res = await t.admin.post('/instances').send({ processKey: 'admissions', entity: { type: 'booking', externalId: 'ui-1', name: 'Ada' } });
    expect(res.status).toBe(201);
    const deliveries = await t.db.read(() => t.db.manager.find(OutboxTable, { where: { instanceId: res.body.id } }));
    expect(deliveries.map((delivery) => delivery.target)).toEqual([`${webhookBase}/webhook/caseflow/admissions`]);
    expect(deliveries[0]!.payload).toMatchObject({ instanceId: res.body.id, processKey: 'admissions', entity: { externalId: 'ui-1' } });
  });

  it('lists the n8n workflows that use Caseflow nodes and draws one as a process map', async () => {
    n8n.workflows.set('plain', { id: 'plain', name: 'No Caseflow', active: false, nodes: [{ name: 'Cron', type: 'n8n-nodes-base.cron', parameters: {} }], connections: {} });
    const list = await t.admin.get('/n8n/workflows');
    expect(list.status).toBe(200);
    expect(list.body).toEqual([{ id: stored()[0]!.id, name: 'Caseflow · Admissions', active: true, caseflowNodes: 11, processKeys: ['admissions'] }]);
    const map = await t.admin.get(`/n8n/workflows/${stored()[0]!.id}/process-map`);
    expect(map.status).toBe(200);
    expect(map.body).toMatchObject({ name: 'Caseflow · Admissions', editorUrl: `http://editor.test/workflow/${stored()[0]!.id}` });
    expect(map.body.flow.steps.map((step: { id: string }) => step.id)).toEqual(expect.arrayContaining(['start', 'screen', 'screen-decision', 'admitted']));
    expect((await t.admin.get('/n8n/workflows/missing/process-map')).status).toBe(404);
  });

  it('answers 502 with n8n\'s message when n8n fails, and keeps the link as it was', async () => {
    const before = await linkRows(t);
    n8n.failWith = { status: 500, message: 'database is locked' };
    const res = await t.admin.post('/processes/admissions/n8n-workflow');
    expect(res.status).toBe(502);
    expect(res.body.message).toContain('database is locked');
    expect(await linkRows(t)).toEqual(before);
  });

  it('answers 404 for an unknown process, 409 for one never published, 422 for a version without a flow, 400 for a bad version', async () => {
    expect((await t.admin.post('/processes/nope/n8n-workflow')).status).toBe(404);
    expect((await t.admin.get('/processes/nope/n8n-workflow')).status).toBe(404);
    await insertPublishedProcess(t, { key: 'drafty', status: 'draft', publishedAt: null });
    expect((await t.admin.post('/processes/drafty/n8n-workflow')).status).toBe(409);
    await insertPublishedProcess(t, { key: 'undesigned', flow: null });
    const undesigned = await t.admin.post('/processes/undesigned/n8n-workflow');
    expect(undesigned.status).toBe(422);
    expect(undesigned.body.message).toContain('no designed flow');
    expect((await t.admin.post('/processes/admissions/n8n-workflow?version=7')).status).toBe(404);
    expect((await t.admin.post('/processes/admissions/n8n-workflow?version=x')).status).toBe(400);
    expect((await t.admin.post('/processes/admissions/n8n-workflow?dryRun=maybe')).status).toBe(400);
    expect(await t.db.read(() => t.db.manager.findOneBy(N8nWorkflowLinkTable, { processKey: 'undesigned' }))).toBeNull();
  });

  it('lets only designers and admins generate', async () => {
    const viewer = (await t.createUser('viewer')).client;
    expect((await viewer.post('/processes/admissions/n8n-workflow')).status).toBe(403);
    expect((await viewer.get('/processes/admissions/n8n-workflow')).status).toBe(200);
  });
});
