import { ManualClock } from '../../src/common/clock';
import { EscalationTable, EventTable, MessageTable, OutboxTable, TaskTable, UserTable } from '../../src/database/tables';
import { addQueueMember, insertInstance, insertQueue, insertStageVisit, insertTask } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('escalations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const taskRow = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id }));
  const countOf = (table: typeof EscalationTable | typeof MessageTable | typeof OutboxTable) => t.db.read(() => t.db.manager.count(table));

  async function setUp(taskOverrides: Partial<TaskTable> = {}) {
    const from = await insertQueue(t);
    const to = await insertQueue(t);
    const instance = await insertInstance(t);
    await insertStageVisit(t, instance, { ownerQueueId: from.id });
    const task = await insertTask(t, instance, from, taskOverrides);
    return { from, to, instance, task };
  }

  describe('POST /escalations', () => {
    it('moves a claimed task to another queue, releases it, raises its priority and records why', async () => {
      const claimer = await t.createUser('reviewer');
      const { from, to, instance, task } = await setUp({ status: 'claimed', assigneeId: claimer.user.id, priority: 2 });
      const res = await t.automation
        .post('/escalations')
        .send({ taskId: task.id, toQueue: to.key, priority: 3, reason: 'Overdue by two days' })
        .expect(201);
      expect(res.body).toMatchObject({
        instanceId: instance.id,
        taskId: task.id,
        action: 'escalate',
        reason: 'Overdue by two days',
        fromQueue: { id: from.id, key: from.key, name: from.name },
        toQueue: { id: to.id, key: to.key, name: to.name },
        fromUser: { id: claimer.user.id, name: claimer.user.name },
        toUser: null,
        priority: 3,
        ladderStep: null,
        messageId: null,
      });
      expect(await taskRow(task.id)).toMatchObject({ queueId: to.id, assigneeId: null, status: 'open', priority: 3 });
      const events = await t.db.read(() => t.db.manager.findBy(EventTable, { type: 'task.escalated', taskId: task.id }));
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({
        from: { queueId: from.id, userId: claimer.user.id, priority: 2 },
        to: { queueId: to.id, userId: null, priority: 3 },
        reason: 'Overdue by two days',
      });
    });

    it('with only an instance, escalates its most urgent open task, oldest first', async () => {
      const { from, to, instance } = await setUp({ priority: 2 });
      const urgentOld = await insertTask(t, instance, from, { priority: 4 });
      (t.clock as ManualClock).advance(1000);
      await insertTask(t, instance, from, { priority: 4 });
      await insertTask(t, instance, from, { priority: 4, status: 'decided', decision: 'approve' });
      const res = await t.automation.post('/escalations').send({ instanceId: instance.id, toQueue: to.id, reason: 'Stuck' }).expect(201);
      expect(res.body.taskId).toBe(urgentOld.id);
      expect((await taskRow(urgentOld.id)).queueId).toBe(to.id);
    });

    it('assigns the task to an active user; a reviewer must belong to the queue it lands in', async () => {
      const { to, task } = await setUp();
      const outsider = await t.createUser('reviewer');
      const before = await countOf(EscalationTable);
      const refused = await t.automation.post('/escalations').send({ taskId: task.id, toQueue: to.key, toUser: outsider.user.id, reason: 'x' }).expect(400);
      expect(refused.body.message).toMatch(/toUser/);
      expect(await countOf(EscalationTable)).toBe(before);

      const member = await t.createUser('reviewer');
      await addQueueMember(t, to.id, member.user.id);
      const res = await t.automation.post('/escalations').send({ taskId: task.id, toQueue: to.key, toUser: member.user.email, reason: 'x' }).expect(201);
      expect(res.body.toUser).toEqual({ id: member.user.id, name: member.user.name });
      expect(await taskRow(task.id)).toMatchObject({ queueId: to.id, assigneeId: member.user.id, status: 'open' });
    });

    it('refuses a deactivated target user and an unknown queue with 400', async () => {
      const { task } = await setUp();
      const supervisor = await t.createUser('admin');
      await t.db.transaction(() => t.db.manager.update(UserTable, { id: supervisor.user.id }, { active: false }));
      await t.automation.post('/escalations').send({ taskId: task.id, toUser: supervisor.user.id, reason: 'x' }).expect(400);
      await t.automation.post('/escalations').send({ taskId: task.id, toQueue: 'no-such-queue', reason: 'x' }).expect(400);
      await t.automation.post('/escalations').send({ taskId: task.id, toUser: 'nobody@example.test', reason: 'x' }).expect(400);
    });

    it('never lowers a priority silently: a lower one is a 400 and nothing changes', async () => {
      const { to, task } = await setUp({ priority: 3 });
      const before = await countOf(EscalationTable);
      const res = await t.automation.post('/escalations').send({ taskId: task.id, toQueue: to.key, priority: 1, reason: 'x' }).expect(400);
      expect(res.body.message).toMatch(/priority/);
      expect(await taskRow(task.id)).toMatchObject({ queueId: task.queueId, priority: 3 });
      expect(await countOf(EscalationTable)).toBe(before);
    });

    it('answers 409 for a decided or cancelled task, and for an instance with no open task and no target', async () => {
      const { to, task } = await setUp({ status: 'decided', decision: 'approve' });
      await t.automation.post('/escalations').send({ taskId: task.id, toQueue: to.key, reason: 'x' }).expect(409);
      const cancelled = await setUp({ status: 'cancelled' });
      await t.automation.post('/escalations').send({ taskId: cancelled.task.id, priority: 4, reason: 'x' }).expect(409);
      const res = await t.automation.post('/escalations').send({ instanceId: task.instanceId, priority: 4, reason: 'x' }).expect(409);
      expect(res.body.message).toMatch(/no open task/);
    });

    it('escalates an instance without an open task to a queue: just the escalation and its event', async () => {
      const { from, to, instance } = await setUp({ status: 'decided', decision: 'approve' });
      const res = await t.automation.post('/escalations').send({ instanceId: instance.id, toQueue: to.key, reason: 'Nobody owns it' }).expect(201);
      expect(res.body).toMatchObject({ taskId: null, fromQueue: { id: from.id }, toQueue: { id: to.id } });
      expect(await t.db.read(() => t.db.manager.countBy(EventTable, { type: 'instance.escalated', instanceId: instance.id }))).toBe(1);
    });

    it('notifies the target queue with a template, in the same transaction', async () => {
      await t.automation
        .post('/message-templates')
        .send({ key: 'escalated', name: 'Escalated', subject: 'Escalated: {{task.title}}', text: '{{data.escalation.reason}} → {{data.escalation.toQueue.name}} {{links.task}}' })
        .expect(201);
      const { to, task } = await setUp();
      const member = await t.createUser('reviewer');
      await addQueueMember(t, to.id, member.user.id);
      const res = await t.automation.post('/escalations').send({ taskId: task.id, toQueue: to.key, reason: 'Late', notifyTemplate: 'escalated' }).expect(201);
      const message = await t.db.read(() => t.db.manager.findOneByOrFail(MessageTable, { id: res.body.messageId }));
      expect(message).toMatchObject({ recipients: [member.user.email], subject: 'Escalated: Review the case', templateKey: 'escalated' });
      expect(message.text).toBe(`Late → ${to.name} ${t.config.publicUrl}/tasks/${task.id}`);
      expect(await t.db.read(() => t.db.manager.countBy(OutboxTable, { idempotencyKey: `message:${message.id}` }))).toBe(1);
    });

    it('writes nothing when the notice cannot be sent', async () => {
      const { to, task } = await setUp();
      const before = { escalations: await countOf(EscalationTable), messages: await countOf(MessageTable), outbox: await countOf(OutboxTable) };
      const missing = await t.automation.post('/escalations').send({ taskId: task.id, toQueue: to.key, reason: 'x', notifyTemplate: 'no-such-template' }).expect(400);
      expect(missing.body.message).toMatch(/notifyTemplate/);
      const empty = await t.automation.post('/escalations').send({ taskId: task.id, toQueue: to.key, reason: 'x', notifyTemplate: 'escalated' }).expect(400);
      expect(empty.body.message).toMatch(/no active members/);
      expect(await taskRow(task.id)).toMatchObject({ queueId: task.queueId });
      expect({ escalations: await countOf(EscalationTable), messages: await countOf(MessageTable), outbox: await countOf(OutboxTable) }).toEqual(before);
    });

    it('lets a reviewer escalate only the tasks of their own queues', async () => {
      const reviewer = await t.createUser('reviewer');
      const mine = await setUp();
      await addQueueMember(t, mine.from.id, reviewer.user.id);
      await reviewer.client.post('/escalations').send({ taskId: mine.task.id, priority: 4, reason: 'Urgent' }).expect(201);
      const theirs = await setUp();
      const res = await reviewer.client.post('/escalations').send({ taskId: theirs.task.id, priority: 4, reason: 'x' }).expect(403);
      expect(res.body.message).toMatch(/own queues/);
      const decidedElsewhere = await setUp({ status: 'decided' });
      await reviewer.client.post('/escalations').send({ taskId: decidedElsewhere.task.id, priority: 4, reason: 'x' }).expect(403);
    });

    it('answers 400 for a malformed body, 404 for unknown ids, 401 and 403', async () => {
      const { task } = await setUp();
      const bad = await t.automation.post('/escalations').send({ taskId: 'x', priority: 9 }).expect(400);
      expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['taskId', 'priority', 'reason']));
      await t.automation.post('/escalations').send({ reason: 'x', priority: 3 }).expect(400);
      await t.automation.post('/escalations').send({ taskId: task.id, reason: 'nothing to do' }).expect(400);
      await t.automation.post('/escalations').send({ taskId: '00000000-0000-4000-8000-00000000abcd', priority: 3, reason: 'x' }).expect(404);
      await t.automation.post('/escalations').send({ instanceId: '00000000-0000-4000-8000-00000000abcd', priority: 3, reason: 'x' }).expect(404);
      await t.anonymous.post('/escalations').send({ taskId: task.id, priority: 3, reason: 'x' }).expect(401);
      const designer = await t.createUser('designer');
      await designer.client.post('/escalations').send({ taskId: task.id, priority: 3, reason: 'x' }).expect(403);
    });
  });

  describe('GET /escalations', () => {
    it('lists the escalations of an instance, newest first', async () => {
      const { to, instance, task } = await setUp();
      await t.automation.post('/escalations').send({ taskId: task.id, priority: 3, reason: 'first' }).expect(201);
      (t.clock as ManualClock).advance(1000);
      await t.automation.post('/escalations').send({ taskId: task.id, toQueue: to.key, reason: 'second' }).expect(201);
      const res = await t.automation.get(`/escalations?instanceId=${instance.id}`).expect(200);
      expect(res.body.total).toBe(2);
      expect(res.body.items.map((e: { reason: string }) => e.reason)).toEqual(['second', 'first']);
      await t.automation.get('/escalations?instanceId=nope').expect(400);
      await t.anonymous.get('/escalations').expect(401);
    });
  });
});
