import { EventTable, TaskTable } from '../../src/database/tables';
import { launchWithTask, setUpReferralProcess, student } from '../support/scenario';
import { Client, startTestApp, TestApp } from '../support/test-app';

/**
 * The permission matrix of SECURITY.md, row by row. Every finding of issue 16 ("signed in as a
 * reviewer of queue A only, the probe could …") is a refused request here, and nothing changes.
 */
describe('permission matrix', () => {
  let t: TestApp;
  let rita: { id: string; client: Client };
  let colin: { id: string; client: Client };
  let designer: Client;
  let viewer: Client;
  let caseA: { instance: { id: string; entity: { id: string } }; task: { id: string } };
  let caseB: { instance: { id: string; entity: { id: string } }; task: { id: string } };
  let timerB: string;
  let adminHook: string;

  const reviewerIn = async (queue: string) => {
    const { user, client } = await t.createUser('reviewer');
    await t.admin.put(`/queues/${queue}/members/${user.id}`).expect((r) => expect(r.status).toBeLessThan(300));
    return { id: user.id, client };
  };
  /** A case that never came near the advisors: launched into the department's stage, its task in their queue. */
  const launchInDepartment = async (n: string) => {
    const instance = (
      await t.automation.post('/instances').send({ processKey: 'referral', entity: student(n), stageKey: 'department' }).expect(201)
    ).body;
    const task = (
      await t.automation
        .post('/tasks')
        .send({ instanceId: instance.id, queue: 'department', title: `Follow up ${n}`, resumeUrl: `http://127.0.0.1:5678/webhook-waiting/${n}` })
        .expect(201)
    ).body;
    return { instance, task };
  };
  const taskRow = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id }));
  const ids = (body: { items: Array<{ id: string }> }) => body.items.map((x) => x.id);

  beforeAll(async () => {
    t = await startTestApp();
    await setUpReferralProcess(t.admin);
    rita = await reviewerIn('advisors');
    colin = await reviewerIn('advisors');
    designer = (await t.createUser('designer')).client;
    viewer = (await t.createUser('viewer')).client;
    caseA = await launchWithTask(t.automation, 'A1');
    caseB = await launchInDepartment('B1');
    await t.automation.post('/messages').send({ instanceId: caseA.instance.id, inline: { subject: 'About A', text: 'a', html: '<p>a</p>' } }).expect(201);
    await t.automation.post('/messages').send({ instanceId: caseB.instance.id, inline: { subject: 'About B', text: 'b', html: '<p>b</p>' } }).expect(201);
    timerB = (
      await t.automation
        .post('/timers')
        .send({ instanceId: caseB.instance.id, anchorAt: '2026-11-03T09:00:00Z', offset: { amount: 1, unit: 'days' }, label: 'B reminder' })
        .expect(201)
    ).body.id;
    adminHook = (await t.admin.post('/webhooks').send({ events: ['*'], targetUrl: 'http://localhost:5678/webhook/admin-hook' }).expect(201)).body.id;
  });
  afterAll(() => t.close());

  describe('a reviewer of queue A only', () => {
    it('cannot create a task in queue B (or anywhere)', async () => {
      const res = await rita.client.post('/tasks').send({ instanceId: caseB.instance.id, queue: 'department', title: 'Mine now' }).expect(403);
      expect(res.body.message).toMatch(/tasks:create/);
      await rita.client.post('/tasks').send({ instanceId: caseA.instance.id, queue: 'advisors', title: 'Mine too' }).expect(403);
    });

    it('cannot supersede a queue-B wait with a task or a timer on its resume URL', async () => {
      const resumeUrl = 'http://127.0.0.1:5678/webhook-waiting/B1';
      await rita.client.post('/tasks').send({ instanceId: caseB.instance.id, queue: 'advisors', title: 'x', resumeUrl }).expect(403);
      await rita.client
        .post('/timers')
        .send({ instanceId: caseB.instance.id, anchorAt: '2026-11-03T09:00:00Z', offset: { amount: 1, unit: 'minutes' }, resumeUrl })
        .expect(403);
      expect((await taskRow(caseB.task.id)).status).toBe('open');
    });

    it('cannot read a queue-B case, its messages or timers, and lists only the cases of queue A', async () => {
      await rita.client.get(`/instances/${caseB.instance.id}`).expect(403);
      await rita.client.get(`/instances/${caseA.instance.id}`).expect(200);
      const cases = await rita.client.get('/instances?limit=200').expect(200);
      expect(ids(cases.body)).toEqual([caseA.instance.id]);
      const messages = await rita.client.get('/messages?limit=200').expect(200);
      expect(messages.body.items.map((m: { subject: string }) => m.subject)).toEqual(['About A']);
      await rita.client.get(`/messages?instanceId=${caseB.instance.id}`).expect(403);
      const b = (await t.admin.get(`/messages?instanceId=${caseB.instance.id}`).expect(200)).body.items[0].id;
      await rita.client.get(`/messages/${b}`).expect(403);
      const mailbox = await rita.client.get('/mailbox?limit=200').expect(200);
      expect(mailbox.body.items.map((m: { subject: string }) => m.subject)).toEqual(['About A']);
      expect(ids((await rita.client.get('/timers?limit=200').expect(200)).body)).not.toContain(timerB);
      await rita.client.get(`/timers/${timerB}`).expect(403);
      await rita.client.get(`/tasks/${caseB.task.id}`).expect(403);
      await rita.client.get(`/escalations?instanceId=${caseB.instance.id}`).expect(403);
    });

    it('counts and lists only their cases in reports, and only their cases on a record', async () => {
      const sum = (rows: Array<{ count: number }>) => rows.reduce((n, r) => n + r.count, 0);
      const visible = (await rita.client.get('/instances?limit=1').expect(200)).body.total;
      expect(sum((await rita.client.get('/reports/volume').expect(200)).body.rows)).toBe(visible);
      expect(sum((await t.admin.get('/reports/volume').expect(200)).body.rows)).toBeGreaterThan(visible);
      const record = await rita.client.get(`/entities/${caseB.instance.entity.id}`).expect(200);
      expect(record.body.instances).toEqual([]);
    });

    it('sees a case once it had a task in queue A, even after the task moved on', async () => {
      const moved = await launchWithTask(t.automation, 'A2');
      await t.automation.post(`/tasks/${moved.task.id}/reassign`).send({ queue: 'department' }).expect(200);
      await rita.client.get(`/instances/${moved.instance.id}`).expect(200);
    });

    it('sees a case of queue B once a task of it is assigned to them', async () => {
      const other = await launchInDepartment('B2');
      await rita.client.get(`/instances/${other.instance.id}`).expect(403);
      await t.admin.post(`/tasks/${other.task.id}/reassign`).send({ queue: 'advisors', assigneeId: rita.id }).expect(200);
      await rita.client.get(`/instances/${other.instance.id}`).expect(200);
    });

    it('cannot edit a queue-B record, cancel a queue-B case or delete its timers', async () => {
      await rita.client.patch(`/entities/${caseB.instance.entity.id}`).send({ name: 'Changed' }).expect(403);
      await rita.client.post(`/instances/${caseB.instance.id}/cancel`).send({}).expect(403);
      await rita.client.post(`/instances/${caseA.instance.id}/cancel`).send({}).expect(403);
      await rita.client.delete(`/timers/${timerB}`).expect(403);
      await rita.client.post('/waits/take').send({ taskId: caseB.task.id }).expect(403);
      const b = await t.admin.get(`/instances/${caseB.instance.id}`).expect(200);
      expect(b.body.status).toBe('waiting');
      expect(b.body.entity.name).toBe('Student B1');
      expect((await t.admin.get(`/timers/${timerB}`).expect(200)).body.status).toBe('pending');
    });

    it('cannot subscribe webhooks, nor list or delete the admin’s subscriptions', async () => {
      await rita.client.post('/webhooks').send({ events: ['*'], targetUrl: 'http://localhost:5678/webhook/steal' }).expect(403);
      await rita.client.get('/webhooks').expect(403);
      await rita.client.delete(`/webhooks/${adminHook}`).expect(403);
      expect(ids((await t.admin.get('/webhooks').expect(200)).body)).toContain(adminHook);
    });

    it('cannot take a task a colleague has claimed; an admin can, and it is audited', async () => {
      const { task } = await launchWithTask(t.automation, 'A3');
      await colin.client.post(`/tasks/${task.id}/claim`).expect(200);
      const res = await rita.client.post(`/tasks/${task.id}/reassign`).send({ assigneeId: rita.id }).expect(403);
      expect(res.body.message).toMatch(/supervisor/);
      await rita.client.post(`/tasks/${task.id}/unclaim`).expect(409);
      await rita.client.post(`/tasks/${task.id}/decide`).send({ decision: 'accept' }).expect(409);
      expect(await taskRow(task.id)).toMatchObject({ status: 'claimed', assigneeId: colin.id });

      await rita.client.post('/escalations').send({ taskId: task.id, toUser: rita.id, reason: 'Mine now' }).expect(403);
      expect(await taskRow(task.id)).toMatchObject({ status: 'claimed', assigneeId: colin.id });

      await t.admin.post(`/tasks/${task.id}/reassign`).send({ assigneeId: rita.id }).expect(200);
      const takeovers = await t.db.read(() => t.db.manager.findBy(EventTable, { taskId: task.id, type: 'task.taken_over' }));
      expect(takeovers.map((e) => e.data)).toEqual([expect.objectContaining({ action: 'reassign', from: colin.id })]);
    });

    it('keeps their own work: claim, comment, decide and hand on within their queue', async () => {
      const { task } = await launchWithTask(t.automation, 'A4');
      await rita.client.post(`/tasks/${task.id}/claim`).expect(200);
      await rita.client.post(`/tasks/${task.id}/comments`).send({ body: 'Looking into it' }).expect(201);
      await rita.client.post(`/tasks/${task.id}/reassign`).send({ assigneeId: colin.id }).expect(200);
      await colin.client.post(`/tasks/${task.id}/decide`).send({ decision: 'accept' }).expect(200);
    });

    it('may start a workflow for an existing record, but not attach, upsert records or reuse idempotency keys', async () => {
      const entityId = caseB.instance.entity.id;
      await rita.client.post('/instances').send({ processKey: 'referral', entityId }).expect(201);
      await rita.client.post('/instances').send({ processKey: 'referral', instanceId: caseB.instance.id }).expect(403);
      await rita.client.post('/instances').send({ processKey: 'referral', entity: { ...student('B1'), name: 'Renamed' } }).expect(403);
      const res = await rita.client.post('/instances').send({ processKey: 'referral', entityId, idempotencyKey: 'guess' }).expect(403);
      expect(res.body.message).toMatch(/instances:write/);
      expect((await t.admin.get(`/entities/${entityId}`).expect(200)).body.name).toBe('Student B1');
    });

    it('reads its permissions from /auth/me without the write permissions it lost', async () => {
      const me = await rita.client.get('/auth/me').expect(200);
      expect(me.body.permissions).toEqual(expect.arrayContaining(['tasks:read', 'tasks:write', 'instances:read']));
      for (const lost of ['instances:write', 'entities:write', 'tasks:create', 'tasks:supervise', 'webhooks:write']) {
        expect(me.body.permissions).not.toContain(lost);
      }
    });
  });

  describe('the other roles and an automation key', () => {
    it('lets a designer create tasks and timers, cancel cases and subscribe webhooks, but not supervise', async () => {
      const c = await launchWithTask(t.automation, 'D1');
      await designer.post('/tasks').send({ instanceId: c.instance.id, queue: 'department', title: 'By design' }).expect(201);
      await designer.post('/webhooks').send({ events: ['task.decided'], targetUrl: 'http://localhost:5678/webhook/designer' }).expect(201);
      await designer.post(`/instances/${c.instance.id}/cancel`).send({}).expect(200);
      const claimed = await launchWithTask(t.automation, 'D2');
      await colin.client.post(`/tasks/${claimed.task.id}/claim`).expect(200);
      await designer.post(`/tasks/${claimed.task.id}/reassign`).send({ queue: 'department' }).expect(403);
    });

    it('lets a viewer read every case but change nothing', async () => {
      await viewer.get(`/instances/${caseB.instance.id}`).expect(200);
      expect(ids((await viewer.get('/instances?limit=200').expect(200)).body)).toEqual(expect.arrayContaining([caseA.instance.id, caseB.instance.id]));
      await viewer.post(`/tasks/${caseA.task.id}/claim`).expect(403);
      await viewer.post(`/instances/${caseA.instance.id}/cancel`).send({}).expect(403);
      await viewer.get('/webhooks').expect(403);
    });

    it('lets an automation key create tasks, timers and webhooks and step into a claimed task, but not administer', async () => {
      const c = await launchWithTask(t.automation, 'K1');
      await colin.client.post(`/tasks/${c.task.id}/claim`).expect(200);
      await t.automation.post(`/tasks/${c.task.id}/decide`).send({ decision: 'accept' }).expect(200);
      await t.automation.get('/webhooks').expect(200);
      await t.automation.get('/users').expect(403);
      await t.automation.post('/queues').send({ key: 'k-queue', name: 'K' }).expect(403);
    });
  });
});
