import { InstanceTable, OutboxTable } from '../../src/database/tables';
import { launchWithTask, setUpReferralProcess, student } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

describe('instances', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpReferralProcess(t.admin);
  });
  afterAll(() => t.close());

  const countInstances = () => t.db.read(() => t.db.manager.count(InstanceTable));

  describe('POST /instances', () => {
    it('launches a case for a new entity with 201 and upserts the entity', async () => {
      const res = await t.automation
        .post('/instances')
        .send({ processKey: 'referral', entity: student(1), data: { reason: 'grades' }, stageKey: 'review' })
        .expect(201);
      expect(res.body).toMatchObject({
        processKey: 'referral',
        processVersion: 1,
        status: 'active',
        data: { reason: 'grades' },
        entity: { type: 'student', externalId: 'S-1', email: 'student1@example.test' },
        currentStage: { key: 'review', name: 'Advisor review' },
      });
      expect(Date.parse(res.body.currentStage.slaDueAt) - Date.parse(res.body.currentStage.enteredAt)).toBe(60 * 60_000);
    });

    it('returns the same instance with 200 for a repeated idempotency key, and starts nothing new', async () => {
      const body = { processKey: 'referral', entity: student(2), idempotencyKey: 'webhook-delivery-42' };
      const first = await t.automation.post('/instances').send(body).expect(201);
      const before = await countInstances();
      const again = await t.automation.post('/instances').send(body).expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect(await countInstances()).toBe(before);
    });

    it('refuses a process that has only a draft with 409', async () => {
      await t.admin.post('/processes').send({ key: 'drafty', name: 'Draft only', entityTypes: ['student'], stages: [{ key: 'a', name: 'A' }], decisions: [] });
      const before = await countInstances();
      const res = await t.automation.post('/instances').send({ processKey: 'drafty', entity: student(3) }).expect(409);
      expect(res.body.message).toMatch(/publish/);
      expect(await countInstances()).toBe(before);
    });

    it('refuses an unknown process with 404', async () => {
      await t.automation.post('/instances').send({ processKey: 'nope', entity: student(4) }).expect(404);
    });

    it('refuses an entity type the process does not start for with 400, writing nothing', async () => {
      const before = await countInstances();
      const res = await t.automation
        .post('/instances')
        .send({ processKey: 'referral', entity: { type: 'invoice', externalId: 'INV-1', name: 'Invoice' } })
        .expect(400);
      expect(res.body.message).toMatch(/starts only for student/);
      expect(await countInstances()).toBe(before);
      await t.automation.get('/entities?type=invoice').expect(200).expect((r) => expect(r.body.total).toBe(0));
    });

    it('gives field-level 400s for a malformed body', async () => {
      const res = await t.automation.post('/instances').send({ processKey: 'Bad Key', entity: { type: 'student' }, data: 'x' }).expect(400);
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['processKey', 'entity.externalId', 'data']));
    });

    it('needs an entity or entityId', async () => {
      const res = await t.automation.post('/instances').send({ processKey: 'referral' }).expect(400);
      expect(res.body.message).toMatch(/entityId/);
    });

    it('attaches to an instance the UI created when instanceId is given', async () => {
      const created = await t.automation.post('/instances').send({ processKey: 'referral', entity: student(5) }).expect(201);
      const attached = await t.automation
        .post('/instances')
        .send({ processKey: 'referral', instanceId: created.body.id, n8nExecutionId: '777' })
        .expect(200);
      expect(attached.body).toMatchObject({ id: created.body.id, n8nExecutionId: '777', launch: 'attached' });
      expect(created.body.launch).toBe('created');
      // A repeat of the launch webhook (another execution) finds a case that already ran: it keeps its first execution.
      const again = await t.automation
        .post('/instances')
        .send({ processKey: 'referral', instanceId: created.body.id, n8nExecutionId: '778' })
        .expect(200);
      expect(again.body).toMatchObject({ id: created.body.id, n8nExecutionId: '777', launch: 'existing' });
      const repeat = await t.automation.post('/instances').send({ processKey: 'referral', entity: student(5), idempotencyKey: 'k-5' }).expect(201);
      const repeated = await t.automation.post('/instances').send({ processKey: 'referral', entity: student(5), idempotencyKey: 'k-5' }).expect(200);
      expect(repeated.body).toMatchObject({ id: repeat.body.id, launch: 'existing' });
    });

    it('calls the launch webhook through the outbox when a signed-in user starts a case', async () => {
      await t.admin.post('/processes/referral/draft').expect(201);
      await t.admin.patch('/processes/referral/draft').send({ launchWebhookUrl: 'http://127.0.0.1:5678/webhook/referral' }).expect(200);
      await t.admin.post('/processes/referral/publish');
      const res = await t.admin.post('/instances').send({ processKey: 'referral', entity: student(6) }).expect(201);
      const rows = await t.db.read(() => t.db.manager.findBy(OutboxTable, { instanceId: res.body.id }));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'webhook', target: 'http://127.0.0.1:5678/webhook/referral', status: 'pending' });
      expect(rows[0]!.payload).toMatchObject({ instanceId: res.body.id, processKey: 'referral' });
    });

    it('is refused to a viewer with 403 and to nobody at all with 401', async () => {
      const { client } = await t.createUser('viewer');
      await client.post('/instances').send({ processKey: 'referral', entity: student(7) }).expect(403);
      await t.anonymous.post('/instances').send({ processKey: 'referral', entity: student(7) }).expect(401);
    });
  });

  describe('GET /instances', () => {
    it('filters by process, stage and status, with paging', async () => {
      const res = await t.automation.get('/instances?processKey=referral&stageKey=review&limit=1').expect(200);
      expect(res.body.limit).toBe(1);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.total).toBeGreaterThanOrEqual(1);
      expect(res.body.items[0].currentStage.key).toBe('review');
    });

    it('lists overdue instances once the stage SLA has passed', async () => {
      const { instance } = await launchWithTask(t.automation, 'overdue');
      const before = await t.automation.get('/instances?overdue=true').expect(200);
      expect(before.body.items.map((i: { id: string }) => i.id)).not.toContain(instance.id);
      t.clock.advance(61 * 60_000);
      const after = await t.automation.get('/instances?overdue=true').expect(200);
      expect(after.body.items.map((i: { id: string }) => i.id)).toContain(instance.id);
    });

    it('rejects an unknown status with 400', async () => {
      await t.automation.get('/instances?status=sleeping').expect(400);
    });
  });

  describe('GET /instances/:id', () => {
    it('shows the stage history with time in each stage and the timeline', async () => {
      const { instance } = await launchWithTask(t.automation, 'history');
      t.clock.advance(5 * 60_000);
      await t.automation.post(`/instances/${instance.id}/stage`).send({ stageKey: 'department', note: 'over to you' }).expect(200);
      const res = await t.automation.get(`/instances/${instance.id}`).expect(200);
      expect(res.body.stageVisits.map((v: { stageKey: string }) => v.stageKey)).toEqual(['review', 'department']);
      expect(res.body.stageVisits[0].durationMs).toBe(5 * 60_000);
      expect(res.body.stageVisits[1]).toMatchObject({ exitedAt: null, note: 'over to you', ownerQueue: { key: 'department' } });
      expect(res.body.tasks).toEqual([expect.objectContaining({ title: 'Review referral history', status: 'open', queue: expect.objectContaining({ key: 'advisors' }) })]);
      expect(res.body).toMatchObject({ timers: [], messages: [], escalations: [] });
      expect(res.body.timeline.map((e: { type: string }) => e.type)).toEqual([
        'instance.launched',
        'stage.entered',
        'task.created',
        'stage.entered',
      ]);
    });

    it('answers 404 for an unknown or malformed id', async () => {
      await t.automation.get('/instances/7f6b1c1e-0000-4000-8000-000000000000').expect(404);
      await t.automation.get('/instances/not-a-uuid').expect(404);
    });
  });

  describe('changing an instance', () => {
    it('merges data and records what changed', async () => {
      const { instance } = await launchWithTask(t.automation, 'data');
      const res = await t.automation.patch(`/instances/${instance.id}/data`).send({ data: { priority: 'high' } }).expect(200);
      expect(res.body.data).toEqual({ reason: 'attendance', priority: 'high' });
      const detail = await t.automation.get(`/instances/${instance.id}`).expect(200);
      const event = detail.body.timeline.find((e: { type: string }) => e.type === 'instance.data_updated');
      expect(event.data).toEqual({ before: { priority: null }, after: { priority: 'high' } });
    });

    it('refuses a stage the process version does not have with 400', async () => {
      const { instance } = await launchWithTask(t.automation, 'badstage');
      const res = await t.automation.post(`/instances/${instance.id}/stage`).send({ stageKey: 'nowhere' }).expect(400);
      expect(res.body.message).toMatch(/review, department/);
    });

    it('completes with an outcome, closes the stage visit and cancels open tasks', async () => {
      const { instance, task } = await launchWithTask(t.automation, 'complete');
      const res = await t.automation.post(`/instances/${instance.id}/complete`).send({ outcome: 'resolved' }).expect(200);
      expect(res.body).toMatchObject({ status: 'completed', outcome: 'resolved', currentStage: null });
      expect(res.body.closedAt).not.toBeNull();
      const taskNow = await t.automation.get(`/tasks/${task.id}`).expect(200);
      expect(taskNow.body.status).toBe('cancelled');
    });

    it('refuses to complete or cancel a closed instance with 409', async () => {
      const { instance } = await launchWithTask(t.automation, 'closed');
      await t.automation.post(`/instances/${instance.id}/cancel`).send({ reason: 'duplicate' }).expect(200);
      await t.automation.post(`/instances/${instance.id}/complete`).send({ outcome: 'x' }).expect(409);
      await t.automation.post(`/instances/${instance.id}/cancel`).send({}).expect(409);
      await t.automation.post(`/instances/${instance.id}/stage`).send({ stageKey: 'department' }).expect(409);
    });
  });
});
