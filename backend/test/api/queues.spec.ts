import { newId } from '../../src/common/ids';
import { EntityTable, EventTable, InstanceTable, ProcessTable, QueueTable, TaskStatus, TaskTable } from '../../src/database/tables';
import { QueuesService } from '../../src/queues/queues.service';
import { startTestApp, TestApp } from '../support/test-app';

describe('queues', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const events = (type: string, queueId: string): Promise<EventTable[]> =>
    t.db.read(async () => (await t.db.manager.find(EventTable, { where: { type } })).filter((e) => e.data.queueId === queueId));

  const createQueue = async (key: string, extra: Record<string, unknown> = {}): Promise<{ id: string; key: string }> =>
    (await t.admin.post('/queues').send({ key, name: `Queue ${key}`, ...extra }).expect(201)).body;

  /** Tasks need an instance, which needs a process and an entity: the smallest valid chain. */
  async function addTask(queueId: string, status: TaskStatus): Promise<void> {
    const now = t.clock.now();
    const process = { id: newId(), key: `p-${newId()}`, version: 1, status: 'published', name: 'P', description: '', entityTypes: ['client'], stages: [], decisions: [], calendarKey: null, launchWebhookUrl: null, intake: [], createdAt: now, updatedAt: now, publishedAt: now } as ProcessTable;
    const entity = { id: newId(), type: 'client', externalId: newId(), name: 'E', email: null, managerEmail: null, attributes: {}, createdAt: now, updatedAt: now } as EntityTable;
    const instance = { id: newId(), processId: process.id, processKey: process.key, processVersion: 1, entityId: entity.id, status: 'active', currentStageKey: null, outcome: null, data: {}, n8nExecutionId: null, idempotencyKey: null, stalledAt: null, createdAt: now, updatedAt: now, closedAt: null, failure: null } as InstanceTable;
    const task = { id: newId(), instanceId: instance.id, processKey: process.key, processVersion: 1, stageKey: null, queueId, assigneeId: null, title: 'T', instructions: '', decisions: [], fields: [], dueAt: null, priority: 2, status, decision: null, comment: null, captured: null, decidedBy: null, decidedAt: null, resumeUrl: null, breachedAt: null, resumedAt: null, createdAt: now, updatedAt: now } as TaskTable;
    await t.db.transaction(async () => {
      await t.db.insert(ProcessTable, process);
      await t.db.insert(EntityTable, entity);
      await t.db.insert(InstanceTable, instance);
      await t.db.insert(TaskTable, task);
    });
  }

  describe('POST /queues', () => {
    it('creates a queue, records queue.created and starts with no members', async () => {
      const res = await t.admin.post('/queues').send({ key: 'academic', name: 'Academic department', description: 'Reviews referrals', calendarKey: 'default' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        key: 'academic',
        name: 'Academic department',
        description: 'Reviews referrals',
        calendarKey: 'default',
        supervisorQueueKey: null,
        memberCount: 0,
      });
      const recorded = await events('queue.created', res.body.id);
      expect(recorded).toHaveLength(1);
      expect(recorded[0]).toMatchObject({ actorType: 'user', actorName: expect.stringMatching(/^Admin/) });
    });

    it('refuses a duplicate key with 409', async () => {
      await createQueue('dup-queue');
      const res = await t.admin.post('/queues').send({ key: 'dup-queue', name: 'Again' }).expect(409);
      expect(res.body.message).toMatch(/dup-queue.*already exists/);
    });

    it('refuses a key that is not a lowercase slug with 400 and writes nothing', async () => {
      const res = await t.admin.post('/queues').send({ key: 'Has Spaces', name: 'Bad' }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['key']);
      const rows = await t.db.read(() => t.db.manager.countBy(QueueTable, { name: 'Bad' }));
      expect(rows).toBe(0);
    });

    it('refuses an unknown calendar or supervisor queue with 400 naming the field', async () => {
      const calendar = await t.admin.post('/queues').send({ key: 'no-cal', name: 'X', calendarKey: 'nope' }).expect(400);
      expect(calendar.body.details).toEqual([{ field: 'calendarKey', messages: [expect.stringMatching(/"nope" does not exist/)] }]);
      const supervisor = await t.admin.post('/queues').send({ key: 'no-sup', name: 'X', supervisorQueueKey: 'nope' }).expect(400);
      expect(supervisor.body.details[0].field).toBe('supervisorQueueKey');
      await t.admin.get('/queues/no-cal').expect(404);
    });

    it('accepts an existing supervisor queue', async () => {
      await createQueue('finance');
      const res = await t.admin.post('/queues').send({ key: 'invoices', name: 'Invoices', supervisorQueueKey: 'finance' }).expect(201);
      expect(res.body.supervisorQueueKey).toBe('finance');
    });

    it('needs the admin permission (403) and credentials (401)', async () => {
      const { client } = await t.createUser('reviewer');
      await client.post('/queues').send({ key: 'sneaky', name: 'S' }).expect(403);
      await t.automation.post('/queues').send({ key: 'sneaky', name: 'S' }).expect(403);
      await t.anonymous.post('/queues').send({ key: 'sneaky', name: 'S' }).expect(401);
    });
  });

  describe('GET /queues', () => {
    it('lists every queue with its member count for any signed-in user or API key', async () => {
      const queue = await createQueue('listed');
      const { user } = await t.createUser('viewer');
      await t.admin.put(`/queues/listed/members/${user.id}`).expect(204);
      const { client } = await t.createUser('reviewer');
      for (const caller of [client, t.automation]) {
        const res = await caller.get('/queues?limit=500').expect(200);
        expect(res.body).toMatchObject({ total: expect.any(Number), limit: 500, offset: 0 });
        expect(res.body.items).toContainEqual(expect.objectContaining({ id: queue.id, key: 'listed', memberCount: 1 }));
      }
      await t.anonymous.get('/queues').expect(401);
    });

    it('with mine=true lists only the queues the user belongs to', async () => {
      await createQueue('mine-a');
      await createQueue('mine-b');
      const { user, client } = await t.createUser('reviewer');
      await t.admin.put(`/queues/mine-b/members/${user.id}`).expect(204);
      const res = await client.get('/queues?mine=true').expect(200);
      expect(res.body.items.map((q: { key: string }) => q.key)).toEqual(['mine-b']);
      expect(res.body.total).toBe(1);
      const forKey = await t.automation.get('/queues?mine=true').expect(200);
      expect(forKey.body).toMatchObject({ items: [], total: 0 });
    });

    it('refuses an unknown query parameter with 400', async () => {
      await t.admin.get('/queues?mine=maybe').expect(400);
      await t.admin.get('/queues?colour=red').expect(400);
    });
  });

  describe('GET /queues/:idOrKey', () => {
    it('finds a queue by id or by key, and 404s otherwise', async () => {
      const queue = await createQueue('lookup');
      expect((await t.admin.get(`/queues/${queue.id}`).expect(200)).body.key).toBe('lookup');
      expect((await t.automation.get('/queues/lookup').expect(200)).body.id).toBe(queue.id);
      const res = await t.admin.get('/queues/missing').expect(404);
      expect(res.body.message).toBe('Queue "missing" does not exist.');
    });
  });

  describe('PATCH /queues/:idOrKey', () => {
    it('changes name and calendar, clears a link with null, and records queue.updated', async () => {
      const queue = await createQueue('patched', { calendarKey: 'default' });
      const res = await t.admin.patch('/queues/patched').send({ name: 'Renamed', calendarKey: null }).expect(200);
      expect(res.body).toMatchObject({ id: queue.id, key: 'patched', name: 'Renamed', calendarKey: null });
      const recorded = await events('queue.updated', queue.id);
      expect(recorded[0]!.data.changes).toEqual({ name: 'Renamed', calendarKey: null });
    });

    it('refuses a queue as its own supervisor, an unknown calendar, or an unknown key in the body', async () => {
      await createQueue('selfish');
      const self = await t.admin.patch('/queues/selfish').send({ supervisorQueueKey: 'selfish' }).expect(400);
      expect(self.body.details[0].field).toBe('supervisorQueueKey');
      await t.admin.patch('/queues/selfish').send({ calendarKey: 'nope' }).expect(400);
      await t.admin.patch('/queues/selfish').send({ key: 'renamed' }).expect(400);
      const after = await t.admin.get('/queues/selfish').expect(200);
      expect(after.body).toMatchObject({ supervisorQueueKey: null, calendarKey: null });
    });

    it('404s for an unknown queue', async () => {
      await t.admin.patch('/queues/missing').send({ name: 'X' }).expect(404);
    });
  });

  describe('members', () => {
    it('adds a member idempotently, lists them, and removes them', async () => {
      const queue = await createQueue('team');
      const { user } = await t.createUser('reviewer');
      await t.admin.put(`/queues/team/members/${user.id}`).expect(204);
      await t.admin.put(`/queues/${queue.id}/members/${user.id}`).expect(204);
      expect(await events('queue.member_added', queue.id)).toHaveLength(1);
      const members = await t.admin.get('/queues/team/members').expect(200);
      expect(members.body).toMatchObject({ total: 1, items: [{ id: user.id, email: user.email, role: 'reviewer', active: true }] });
      expect((await t.admin.get('/queues/team').expect(200)).body.memberCount).toBe(1);
      expect((await t.admin.get(`/users/${user.id}`).expect(200)).body.queues).toEqual([{ id: queue.id, key: 'team', name: 'Queue team' }]);

      await t.admin.delete(`/queues/team/members/${user.id}`).expect(204);
      await t.admin.delete(`/queues/team/members/${user.id}`).expect(204);
      expect(await events('queue.member_removed', queue.id)).toHaveLength(1);
      expect((await t.admin.get('/queues/team/members').expect(200)).body.total).toBe(0);
    });

    it('404s for an unknown user or queue', async () => {
      await createQueue('team-404');
      const { user } = await t.createUser('viewer');
      const unknownUser = await t.admin.put(`/queues/team-404/members/${newId()}`).expect(404);
      expect(unknownUser.body.message).toMatch(/User ".*" does not exist/);
      await t.admin.put(`/queues/missing/members/${user.id}`).expect(404);
      await t.admin.delete(`/queues/team-404/members/${newId()}`).expect(404);
      await t.admin.get('/queues/missing/members').expect(404);
    });

    it('needs the admin permission', async () => {
      await createQueue('team-403');
      const { user, client } = await t.createUser('reviewer');
      await client.put(`/queues/team-403/members/${user.id}`).expect(403);
      await client.get('/queues/team-403/members').expect(403);
    });
  });

  describe('DELETE /queues/:idOrKey', () => {
    it('deletes an unused queue with its memberships and records queue.deleted', async () => {
      const queue = await createQueue('doomed');
      const { user } = await t.createUser('reviewer');
      await t.admin.put(`/queues/doomed/members/${user.id}`).expect(204);
      await t.admin.delete('/queues/doomed').expect(204);
      await t.admin.get('/queues/doomed').expect(404);
      expect(await events('queue.deleted', queue.id)).toHaveLength(1);
      expect((await t.admin.get(`/users/${user.id}`).expect(200)).body.queues).toEqual([]);
      await t.admin.delete('/queues/doomed').expect(404);
    });

    it('refuses with 409 while the queue has open or claimed tasks', async () => {
      const queue = await createQueue('busy');
      await addTask(queue.id, 'claimed');
      const res = await t.admin.delete('/queues/busy').expect(409);
      expect(res.body.message).toMatch(/1 open or claimed task/);
      await t.admin.get('/queues/busy').expect(200);
      expect(await events('queue.deleted', queue.id)).toHaveLength(0);
    });

    it('refuses with 409 when decided tasks still refer to it', async () => {
      const queue = await createQueue('historic');
      await addTask(queue.id, 'decided');
      const res = await t.admin.delete('/queues/historic').expect(409);
      expect(res.body.message).toMatch(/task history/);
    });

    it('refuses with 409 while another queue escalates to it', async () => {
      await createQueue('boss');
      await createQueue('worker', { supervisorQueueKey: 'boss' });
      const res = await t.admin.delete('/queues/boss').expect(409);
      expect(res.body.message).toMatch(/supervisor queue of "worker"/);
    });

    it('needs the admin permission', async () => {
      await createQueue('kept');
      const { client } = await t.createUser('designer');
      await client.delete('/queues/kept').expect(403);
    });
  });

  describe('QueuesService for other domains', () => {
    it('resolves, lists memberships and active members inside a caller transaction', async () => {
      const queue = await createQueue('service-q');
      const { user: active } = await t.createUser('reviewer');
      const { user: gone } = await t.createUser('reviewer');
      await t.admin.put(`/queues/service-q/members/${active.id}`).expect(204);
      await t.admin.put(`/queues/service-q/members/${gone.id}`).expect(204);
      await t.admin.patch(`/users/${gone.id}`).send({ active: false }).expect(200);
      const service = t.app.get(QueuesService);
      const result = await t.db.transaction(async () => ({
        byKey: await service.resolve('service-q'),
        byId: await service.resolve(queue.id),
        ids: await service.queueIdsOf(active.id),
        members: await service.membersOf(queue.id),
      }));
      expect(result.byKey.id).toBe(queue.id);
      expect(result.byId.key).toBe('service-q');
      expect(result.ids).toEqual([queue.id]);
      expect(result.members.map((u) => u.id)).toEqual([active.id]);
      await expect(t.db.transaction(() => service.resolve('nope'))).rejects.toThrow('Queue "nope" does not exist.');
    });
  });
});
