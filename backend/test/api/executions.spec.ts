import { CaseExecutionTable, EventTable } from '../../src/database/tables';
import { ExecutionSweep } from '../../src/executions/execution-sweep';
import { executionIn, FakeN8nApi, failedExecution } from '../support/fake-n8n-api';
import { setUpReferralProcess, student } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

const EDITOR = 'http://n8n.example.test';
const ROUND_MS = 10_001;

describe('a case and its executions', () => {
  let t: TestApp;
  let n8n: FakeN8nApi;
  let sweep: ExecutionSweep;
  beforeAll(async () => {
    n8n = await FakeN8nApi.start();
    t = await startTestApp({ config: { n8n: { url: n8n.url, apiKey: n8n.apiKey, webhookBaseUrl: n8n.url, editorUrl: EDITOR } } });
    await setUpReferralProcess(t.admin);
    sweep = t.app.get(ExecutionSweep);
  });
  afterAll(async () => {
    await t.close();
    await n8n.close();
  });

  let cases = 0;
  const fromN8n = (executionId: string, workflowId = 'wf-1') => ({ 'x-caseflow-n8n-execution': executionId, 'x-caseflow-n8n-workflow': workflowId });
  /** A case launched by an n8n execution, as Launch Workflow does it. */
  async function launchFrom(executionId: string): Promise<string> {
    const res = await t.automation
      .post('/instances')
      .set(fromN8n(executionId))
      .send({ processKey: 'referral', entity: student(`x${++cases}`), stageKey: 'review' })
      .expect(201);
    return res.body.id as string;
  }
  const links = (instanceId: string) =>
    t.db.read(() => t.db.manager.find(CaseExecutionTable, { where: { instanceId }, order: { firstSeenAt: 'ASC', executionId: 'ASC' } }));
  const eventsOf = (instanceId: string, type: string) => t.db.read(() => t.db.manager.findBy(EventTable, { instanceId, type }));
  /** One sweep round, a round's length after the last. */
  const round = async () => {
    t.clock.advance(ROUND_MS);
    return sweep.run();
  };

  describe('which executions act on a case', () => {
    it('links the execution that launched the case, from the headers the nodes send', async () => {
      const id = await launchFrom('100');
      expect(await links(id)).toEqual([
        expect.objectContaining({ executionId: '100', workflowId: 'wf-1', status: 'running', firstSeenAt: t.clock.now(), lastSeenAt: t.clock.now(), checkedAt: null }),
      ]);
    });

    it('links the executions that open a task on the case or change its data, and notes each call', async () => {
      const id = await launchFrom('200');
      await t.automation.post('/tasks').set(fromN8n('201', 'wf-2')).send({ instanceId: id, queue: 'advisors', title: 'Review' }).expect(201);
      t.clock.advance(5_000);
      await t.automation.patch(`/instances/${id}/data`).set(fromN8n('200')).send({ data: { reason: 'attendance' } }).expect(200);
      const [launched, tasked] = await links(id);
      expect(launched).toMatchObject({ executionId: '200', workflowId: 'wf-1', lastSeenAt: t.clock.now() });
      expect(launched!.firstSeenAt).toBe(t.clock.now() - 5_000);
      expect(tasked).toMatchObject({ executionId: '201', workflowId: 'wf-2', status: 'running' });
      const detail = await t.admin.get(`/instances/${id}`).expect(200);
      expect(detail.body.executions).toEqual([
        expect.objectContaining({ executionId: '200', status: 'running', executionUrl: `${EDITOR}/workflow/wf-1/executions/200` }),
        expect.objectContaining({ executionId: '201', status: 'running', executionUrl: `${EDITOR}/workflow/wf-2/executions/201` }),
      ]);
    });

    it('links nothing for calls without the headers, nor for calls that fail', async () => {
      const launched = await t.automation.post('/instances').send({ processKey: 'referral', entity: student(`x${++cases}`) }).expect(201);
      await t.automation.patch(`/instances/${launched.body.id}/data`).set(fromN8n('300')).send({ data: 'not an object' }).expect(400);
      await t.automation.post(`/instances/${launched.body.id}/stage`).set(fromN8n('301')).send({ stageKey: 'nowhere' }).expect(400);
      expect(await links(launched.body.id)).toEqual([]);
    });
  });

  describe('following them through n8n', () => {
    it('marks the case failed within one round when n8n says the execution failed, with the message, node and link', async () => {
      const id = await launchFrom('400');
      n8n.executions.set('400', failedExecution('400', 'wf-1', 'Invalid email address "bob@"', 'Send Templated Message'));
      expect(await round()).toBeGreaterThanOrEqual(1);

      const instance = await t.admin.get(`/instances/${id}`).expect(200);
      expect(instance.body).toMatchObject({
        status: 'failed',
        closedAt: null,
        failure: {
          message: 'Invalid email address "bob@"',
          node: 'Send Templated Message',
          executionId: '400',
          workflowId: 'wf-1',
          executionUrl: `${EDITOR}/workflow/wf-1/executions/400`,
          source: 'execution',
          at: new Date(t.clock.now()).toISOString(),
        },
      });
      expect(instance.body.executions).toEqual([
        expect.objectContaining({ executionId: '400', status: 'error', error: { message: 'Invalid email address "bob@"', node: 'Send Templated Message' } }),
      ]);
      expect(n8n.callsFor('400')[0]).toMatchObject({ apiKey: n8n.apiKey, path: '/api/v1/executions/400?includeData=true' });

      await round();
      expect(await eventsOf(id, 'instance.failed')).toHaveLength(1);
      expect(n8n.callsFor('400')).toHaveLength(1);
      const listed = await t.admin.get('/instances?status=failed').expect(200);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(id);
      const timeline = instance.body.timeline.map((e: { type: string }) => e.type);
      expect(timeline).toContain('instance.failed');
    });

    it('takes the node from lastNodeExecuted when the error names none, and "crashed" as a failure', async () => {
      const id = await launchFrom('450');
      n8n.executions.set('450', { id: '450', workflowId: 'wf-1', status: 'crashed', data: { resultData: { error: { message: 'Out of memory' }, lastNodeExecuted: 'Code' } } });
      await round();
      expect((await t.admin.get(`/instances/${id}`)).body.failure).toMatchObject({ message: 'Out of memory', node: 'Code' });
    });

    it('leaves a case alone while its execution succeeds or waits', async () => {
      const done = await launchFrom('500');
      const waiting = await launchFrom('501');
      n8n.executions.set('500', executionIn('500', 'wf-1', 'success'));
      n8n.executions.set('501', executionIn('501', 'wf-1', 'waiting'));
      await round();
      for (const id of [done, waiting]) {
        const body = (await t.admin.get(`/instances/${id}`).expect(200)).body;
        expect(body).toMatchObject({ status: 'active', failure: null });
        expect(await eventsOf(id, 'instance.failed')).toEqual([]);
      }
      expect((await links(done))[0]).toMatchObject({ status: 'success', error: null });
      expect((await links(waiting))[0]).toMatchObject({ status: 'waiting' });

      // A finished execution is not asked about again; a waiting one only now and then.
      const asked = n8n.callsFor('500').length + n8n.callsFor('501').length;
      await round();
      expect(n8n.callsFor('500').length + n8n.callsFor('501').length).toBe(asked);
    });

    it('makes an execution n8n does not know "unknown" after three misses, and stops asking', async () => {
      const id = await launchFrom('600');
      await round();
      await round();
      expect((await links(id))[0]).toMatchObject({ status: 'running', error: expect.objectContaining({ misses: 2 }) });
      await round();
      expect((await links(id))[0]).toMatchObject({ status: 'unknown', error: expect.objectContaining({ misses: 3 }) });
      await round();
      expect(n8n.callsFor('600')).toHaveLength(3);
      expect((await t.admin.get(`/instances/${id}`)).body.status).toBe('active');
    });

    it('checks each execution once when sweeps run side by side (replicas claim with SKIP LOCKED)', async () => {
      const ids = ['650', '651', '652', '653', '654'];
      for (const id of ids) {
        await launchFrom(id);
        n8n.executions.set(id, executionIn(id, 'wf-1', 'success'));
      }
      t.clock.advance(ROUND_MS);
      await Promise.all([sweep.run(), sweep.run(), sweep.run()]);
      expect(ids.map((id) => n8n.callsFor(id).length)).toEqual([1, 1, 1, 1, 1]);
    });

    it('does not count failed cases as live work in the reports', async () => {
      const res = await t.automation.get('/reports/caseload?processKey=referral').expect(200);
      const failed = await t.admin.get('/instances?status=failed&processKey=referral').expect(200);
      const active = await t.admin.get('/instances?status=active&processKey=referral').expect(200);
      const waiting = await t.admin.get('/instances?status=waiting&processKey=referral').expect(200);
      expect(res.body.rows).toEqual([
        { processKey: 'referral', live: active.body.total + waiting.body.total, needsAttention: failed.body.total, completed: 0, cancelled: 0 },
      ]);
      expect(failed.body.total).toBeGreaterThanOrEqual(2);
      const volume = await t.automation.get('/reports/volume?processKey=referral').expect(200);
      expect(volume.body.rows).toContainEqual({ processKey: 'referral', stageKey: 'review', status: 'failed', count: failed.body.total });
    });
  });

  describe('a failed case', () => {
    async function failedCase(executionId: string): Promise<string> {
      const id = await launchFrom(executionId);
      n8n.executions.set(executionId, failedExecution(executionId, 'wf-1', 'Bad Gateway', 'HTTP Request'));
      await round();
      expect((await t.admin.get(`/instances/${id}`)).body.status).toBe('failed');
      return id;
    }

    it('is retried in n8n and goes back to work, following the new execution', async () => {
      const id = await failedCase('700');
      n8n.retries.set('700', { status: 200, body: { id: '701', workflowId: 'wf-1', status: 'running', retryOf: '700' } });
      const res = await t.admin.post(`/instances/${id}/retry`).expect(200);
      expect(res.body).toMatchObject({ id, status: 'active', failure: null });
      expect(n8n.callsFor('700', 'POST')).toEqual([expect.objectContaining({ path: '/api/v1/executions/700/retry', body: JSON.stringify({ loadWorkflow: true }) })]);
      expect((await links(id)).map((l) => [l.executionId, l.status])).toEqual([['700', 'error'], ['701', 'running']]);
      const [retried] = await eventsOf(id, 'instance.retried');
      expect(retried!.data).toMatchObject({ source: 'execution', executionId: '700', newExecutionId: '701' });

      // The new execution is followed like the first: it failing fails the case again.
      n8n.executions.set('701', failedExecution('701', 'wf-1', 'Still down', 'HTTP Request'));
      await round();
      expect((await t.admin.get(`/instances/${id}`)).body.failure).toMatchObject({ executionId: '701', message: 'Still down' });
    });

    it('stays failed with a 502 that says why when n8n will not retry the execution', async () => {
      const id = await failedCase('800');
      n8n.retries.set('800', { status: 404, body: { message: 'Not Found' } });
      const res = await t.admin.post(`/instances/${id}/retry`).expect(502);
      expect(res.body.message).toMatch(/n8n did not retry execution 800: .*404/);
      expect((await t.admin.get(`/instances/${id}`)).body).toMatchObject({ status: 'failed', failure: { executionId: '800' } });
      expect(await eventsOf(id, 'instance.retried')).toEqual([]);
    });

    it('can be cancelled, or completed, and then no longer retried', async () => {
      const cancelled = await failedCase('900');
      const res = await t.admin.post(`/instances/${cancelled}/cancel`).send({ reason: 'handled by hand' }).expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', failure: null });
      await t.admin.post(`/instances/${cancelled}/retry`).expect(409);

      const completed = await failedCase('901');
      await t.automation.post(`/instances/${completed}/complete`).send({ outcome: 'resolved' }).expect(200);
      expect(n8n.callsFor('901', 'POST')).toEqual([]);
    });

    it('refuses to retry a case that has not failed, and needs the write permission', async () => {
      const id = await launchFrom('950');
      await t.admin.post(`/instances/${id}/retry`).expect(409);
      const viewer = await t.createUser('viewer');
      await viewer.client.post(`/instances/${id}/retry`).expect(403);
      await t.admin.post('/instances/00000000-0000-4000-8000-000000000000/retry').expect(404);
    });
  });
});

describe('without N8N_URL and N8N_API_KEY', () => {
  it('checks no execution (failure detection needs n8n\'s public API)', async () => {
    const t = await startTestApp();
    try {
      const sweep = t.app.get(ExecutionSweep);
      expect(sweep.enabled).toBe(false);
      expect(await sweep.run()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
