import { OutboxTable, TaskTable } from '../../src/database/tables';
import { launchWithTask, setUpReferralProcess } from '../support/scenario';
import { Client, startTestApp, TestApp } from '../support/test-app';

describe('tasks', () => {
  let t: TestApp;
  let advisor: { id: string; client: Client };
  let otherAdvisor: { id: string; client: Client };
  let departmentReviewer: { id: string; client: Client };

  const reviewerIn = async (queue: string) => {
    const { user, client } = await t.createUser('reviewer');
    await t.admin.put(`/queues/${queue}/members/${user.id}`).expect((r) => expect(r.status).toBeLessThan(300));
    return { id: user.id, client };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await setUpReferralProcess(t.admin);
    advisor = await reviewerIn('advisors');
    otherAdvisor = await reviewerIn('advisors');
    departmentReviewer = await reviewerIn('department');
  });
  afterAll(() => t.close());

  const outboxFor = (taskId: string) =>
    t.db.read(() => t.db.manager.findBy(OutboxTable, { idempotencyKey: `task:${taskId}:decided` }));

  describe('POST /tasks', () => {
    it('opens a task with the process decisions by default and puts the instance in waiting', async () => {
      const { instance, task } = await launchWithTask(t.automation, 1, { dueInMinutes: 30, priority: 3 });
      expect(task).toMatchObject({
        status: 'open',
        queue: { key: 'advisors' },
        stageKey: 'review',
        priority: 3,
        processKey: 'referral',
        sla: 'on_time',
      });
      expect(task.decisions.map((d: { key: string }) => d.key)).toEqual(['accept', 'counselling', 'close']);
      const after = await t.automation.get(`/instances/${instance.id}`).expect(200);
      expect(after.body.status).toBe('waiting');
    });

    it('is due when the stage SLA runs out unless it has a due time of its own', async () => {
      const { instance, task } = await launchWithTask(t.automation, 'sla-due');
      expect(task.dueAt).toBe(instance.currentStage.slaDueAt);
      const own = await t.automation.post('/tasks').send({ instanceId: instance.id, queue: 'advisors', title: 'Quick look', dueInMinutes: 5 }).expect(201);
      expect(Date.parse(own.body.dueAt) - t.clock.now()).toBe(5 * 60_000);
    });

    it('refuses an unknown queue with 404 and a closed instance with 409', async () => {
      const { instance } = await launchWithTask(t.automation, 2);
      await t.automation.post('/tasks').send({ instanceId: instance.id, queue: 'nobody', title: 'x' }).expect(404);
      await t.automation.post(`/instances/${instance.id}/cancel`).send({}).expect(200);
      await t.automation.post('/tasks').send({ instanceId: instance.id, queue: 'advisors', title: 'x' }).expect(409);
    });

    it('gives field-level 400s for a malformed task', async () => {
      const res = await t.automation
        .post('/tasks')
        .send({ instanceId: 'nope', queue: '', title: '', priority: 9, decisions: [{ key: 'Bad Key' }] })
        .expect(400);
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['instanceId', 'queue', 'title', 'priority', 'decisions[0].key', 'decisions[0].label']));
    });
  });

  describe('reviewer isolation', () => {
    it('shows a reviewer only the tasks of their own queues', async () => {
      const { task } = await launchWithTask(t.automation, 3);
      const mine = await advisor.client.get('/tasks?limit=500').expect(200);
      expect(mine.body.items.map((x: { id: string }) => x.id)).toContain(task.id);
      const theirs = await departmentReviewer.client.get('/tasks?limit=500').expect(200);
      expect(theirs.body.items.map((x: { id: string }) => x.id)).not.toContain(task.id);
      expect(theirs.body.items.every((x: { queue: { key: string } }) => x.queue.key === 'department')).toBe(true);
    });

    it('forbids a reviewer from reading, claiming or deciding a task of another queue, changing nothing', async () => {
      const { task } = await launchWithTask(t.automation, 4);
      await departmentReviewer.client.get(`/tasks/${task.id}`).expect(403);
      await departmentReviewer.client.post(`/tasks/${task.id}/claim`).expect(403);
      await departmentReviewer.client.post(`/tasks/${task.id}/decide`).send({ decision: 'accept' }).expect(403);
      const row = await t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id: task.id }));
      expect(row.status).toBe('open');
      expect(await outboxFor(task.id)).toHaveLength(0);
    });

    it('counts open and overdue tasks only for the queues a reviewer belongs to', async () => {
      const res = await departmentReviewer.client.get('/tasks/counts').expect(200);
      expect(res.body.map((c: { queue: { key: string } }) => c.queue.key)).toEqual(['department']);
      const all = await t.admin.get('/tasks/counts').expect(200);
      const advisors = all.body.find((c: { queue: { key: string } }) => c.queue.key === 'advisors');
      expect(advisors.open).toBeGreaterThanOrEqual(2);
    });
  });

  describe('claim and unclaim', () => {
    it('lets one reviewer claim and refuses the next with 409 naming who holds it', async () => {
      const { task } = await launchWithTask(t.automation, 5);
      const claimed = await advisor.client.post(`/tasks/${task.id}/claim`).expect(200);
      expect(claimed.body).toMatchObject({ status: 'claimed', assignee: { id: advisor.id } });
      await advisor.client.post(`/tasks/${task.id}/claim`).expect(200);
      const res = await otherAdvisor.client.post(`/tasks/${task.id}/claim`).expect(409);
      expect(res.body.message).toMatch(/claimed by/);
      await otherAdvisor.client.post(`/tasks/${task.id}/unclaim`).expect(409);
      const released = await advisor.client.post(`/tasks/${task.id}/unclaim`).expect(200);
      expect(released.body).toMatchObject({ status: 'open', assignee: null });
    });

    it('filters "assigned to me" and "unassigned"', async () => {
      const { task } = await launchWithTask(t.automation, 6);
      await otherAdvisor.client.post(`/tasks/${task.id}/claim`).expect(200);
      const mine = await otherAdvisor.client.get('/tasks?assignee=me').expect(200);
      expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([task.id]);
      const unassigned = await otherAdvisor.client.get('/tasks?assignee=unassigned&limit=500').expect(200);
      expect(unassigned.body.items.map((x: { id: string }) => x.id)).not.toContain(task.id);
    });

    it('does not let an API key claim', async () => {
      const { task } = await launchWithTask(t.automation, 7);
      await t.automation.post(`/tasks/${task.id}/claim`).expect(403);
    });
  });

  describe('POST /tasks/:id/decide', () => {
    it('decides once, queues the signed resume call to n8n and moves the instance back to active', async () => {
      const { instance, task } = await launchWithTask(t.automation, 8, { fields: [{ key: 'sessions', label: 'Sessions', type: 'number', required: true }] });
      const res = await advisor.client
        .post(`/tasks/${task.id}/decide`)
        .send({ decision: 'counselling', comment: 'Needs support', fields: { sessions: 3 } })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'decided',
        decision: 'counselling',
        comment: 'Needs support',
        captured: { sessions: 3 },
        decidedBy: { id: advisor.id },
      });
      const [delivery] = await outboxFor(task.id);
      expect(delivery).toMatchObject({ kind: 'n8n_resume', target: 'http://127.0.0.1:5678/webhook-waiting/8', status: 'pending' });
      expect(delivery!.payload).toMatchObject({ kind: 'decision', taskId: task.id, decision: 'counselling', fields: { sessions: 3 } });
      const after = await t.automation.get(`/instances/${instance.id}`).expect(200);
      expect(after.body.status).toBe('active');
      expect(after.body.timeline.at(-1)).toMatchObject({ type: 'task.decided', actor: { type: 'user', id: advisor.id } });
    });

    it('refuses a second decision with 409 and queues no second resume', async () => {
      const { task } = await launchWithTask(t.automation, 9);
      await advisor.client.post(`/tasks/${task.id}/decide`).send({ decision: 'accept' }).expect(200);
      const res = await t.automation.post(`/tasks/${task.id}/decide`).send({ decision: 'close', comment: 'late' }).expect(409);
      expect(res.body.message).toMatch(/already decided \("accept"\)/);
      expect(await outboxFor(task.id)).toHaveLength(1);
    });

    it('needs a comment where the decision demands one', async () => {
      const { task } = await launchWithTask(t.automation, 10);
      const res = await advisor.client.post(`/tasks/${task.id}/decide`).send({ decision: 'close', comment: '   ' }).expect(400);
      expect(res.body.message).toMatch(/needs a comment/);
      const row = await t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id: task.id }));
      expect(row.status).toBe('open');
    });

    it('refuses a decision the task does not offer, listing the allowed ones', async () => {
      const { task } = await launchWithTask(t.automation, 11);
      const res = await advisor.client.post(`/tasks/${task.id}/decide`).send({ decision: 'maybe' }).expect(400);
      expect(res.body.message).toMatch(/accept, counselling, close/);
    });

    it('checks captured fields: required, typed, and no unknown ones', async () => {
      const { task } = await launchWithTask(t.automation, 12, {
        fields: [{ key: 'followUp', label: 'Follow-up date', type: 'date', required: true }],
      });
      const res = await advisor.client.post(`/tasks/${task.id}/decide`).send({ decision: 'accept', fields: { followUp: 'soon', extra: 1 } }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['fields.extra', 'fields.followUp']);
    });

    it('refuses a reviewer deciding a task another reviewer claimed, but lets an admin step in', async () => {
      const { task } = await launchWithTask(t.automation, 13);
      await advisor.client.post(`/tasks/${task.id}/claim`).expect(200);
      await otherAdvisor.client.post(`/tasks/${task.id}/decide`).send({ decision: 'accept' }).expect(409);
      await t.admin.post(`/tasks/${task.id}/decide`).send({ decision: 'accept' }).expect(200);
    });

    it('answers 404 for an unknown task', async () => {
      await advisor.client.post('/tasks/00000000-0000-4000-8000-00000000dead/decide').send({ decision: 'accept' }).expect(404);
    });
  });

  describe('one wait per execution', () => {
    it('supersedes the earlier wait of the same execution and drops its undelivered resume', async () => {
      const resumeUrl = 'http://127.0.0.1:5678/webhook-waiting/4242?signature=abc';
      const { instance, task: first } = await launchWithTask(t.automation, 'wait-1', { resumeUrl });
      await t.automation.post(`/tasks/${first.id}/decide`).send({ decision: 'accept' }).expect(200);
      const [pending] = await t.db.read(() => t.db.manager.findBy(OutboxTable, { idempotencyKey: `task:${first.id}:decided` }));
      expect(pending!.status).toBe('pending');
      const { task: stale } = await launchWithTask(t.automation, 'wait-2', { resumeUrl });

      const second = await t.automation.post('/tasks').send({ instanceId: instance.id, queue: 'advisors', title: 'Second look', resumeUrl }).expect(201);
      expect((await t.automation.get(`/tasks/${stale.id}`).expect(200)).body.status).toBe('cancelled');
      expect((await t.automation.get(`/tasks/${second.body.id}`).expect(200)).body.status).toBe('open');
      const dropped = await t.db.read(() => t.db.manager.findOneByOrFail(OutboxTable, { id: pending!.id }));
      expect(dropped).toMatchObject({ status: 'dead', lastError: expect.stringMatching(/superseded/) });
    });
  });

  describe('listing', () => {
    it('sorts by priority and by due time', async () => {
      const { task: low } = await launchWithTask(t.automation, 'sort-low', { priority: 1, dueInMinutes: 10 });
      const { task: urgent } = await launchWithTask(t.automation, 'sort-urgent', { priority: 4, dueInMinutes: 500 });
      const byPriority = await t.admin.get('/tasks?queue=advisors&sort=priority&limit=500').expect(200);
      const ids = byPriority.body.items.map((x: { id: string }) => x.id);
      expect(ids.indexOf(urgent.id)).toBeLessThan(ids.indexOf(low.id));
      const byDue = await t.admin.get('/tasks?queue=advisors&sort=due&limit=500').expect(200);
      const due = byDue.body.items.map((x: { id: string }) => x.id);
      expect(due.indexOf(low.id)).toBeLessThan(due.indexOf(urgent.id));
    });

    it('lists overdue tasks and colours them breached', async () => {
      const { task } = await launchWithTask(t.automation, 'late', { dueInMinutes: 1 });
      t.clock.advance(2 * 60_000);
      const res = await t.admin.get('/tasks?overdue=true&limit=500').expect(200);
      const found = res.body.items.find((x: { id: string }) => x.id === task.id);
      expect(found.sla).toBe('breached');
    });

    it('rejects a bad sort with 400', async () => {
      await t.admin.get('/tasks?sort=random').expect(400);
    });
  });

  describe('reassign and comment', () => {
    it('moves a task to another queue, so the first queue no longer sees it', async () => {
      const { task } = await launchWithTask(t.automation, 14);
      const res = await advisor.client.post(`/tasks/${task.id}/reassign`).send({ queue: 'department' }).expect(200);
      expect(res.body).toMatchObject({ queue: { key: 'department' }, status: 'open', assignee: null });
      await advisor.client.get(`/tasks/${task.id}`).expect(403);
      await departmentReviewer.client.get(`/tasks/${task.id}`).expect(200);
    });

    it('refuses to assign a reviewer who is not in the queue', async () => {
      const { task } = await launchWithTask(t.automation, 15);
      await t.admin.post(`/tasks/${task.id}/reassign`).send({ assigneeId: departmentReviewer.id }).expect(400);
    });

    it('keeps comments on the task page', async () => {
      const { task } = await launchWithTask(t.automation, 16);
      await advisor.client.post(`/tasks/${task.id}/comments`).send({ body: 'Called the student' }).expect(201);
      const res = await advisor.client.get(`/tasks/${task.id}`).expect(200);
      expect(res.body.comments).toEqual([expect.objectContaining({ body: 'Called the student', author: { id: advisor.id, name: expect.any(String) } })]);
      expect(res.body.entity).toMatchObject({ externalId: 'S-16' });
      await advisor.client.post(`/tasks/${task.id}/comments`).send({ body: '' }).expect(400);
    });
  });
});
