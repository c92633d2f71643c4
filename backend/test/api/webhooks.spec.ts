import { Like } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/actor';
import { OutboxTable } from '../../src/database/tables';
import { EventsService } from '../../src/events/events.service';
import { insertInstance, insertPublishedProcess } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('webhooks', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const hook = (overrides: Record<string, unknown> = {}) => ({
    events: ['task.decided'],
    targetUrl: 'http://localhost:5678/webhook/caseflow-trigger',
    ...overrides,
  });
  const deliveriesOf = (eventId: string) =>
    t.db.read(() => t.db.manager.find(OutboxTable, { where: { idempotencyKey: Like(`event:${eventId}:%`) } }));
  const record = (type: string, instanceId: string | null, data: Record<string, unknown> = {}) =>
    t.db.transaction(() => t.app.get(EventsService).record(SYSTEM_ACTOR, type, { instanceId }, data));

  describe('POST /webhooks', () => {
    it('subscribes a target to events and answers 201', async () => {
      const res = await t.automation.post('/webhooks').send(hook({ processKey: 'bookings' })).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(String), events: ['task.decided'], processKey: 'bookings', targetUrl: hook().targetUrl });
    });

    it('reduces a list containing "*" to every event', async () => {
      const res = await t.automation.post('/webhooks').send(hook({ events: ['*', 'task.created'] })).expect(201);
      expect(res.body.events).toEqual(['*']);
    });

    it('refuses unknown events, an empty list and a target that is not http(s) with 400', async () => {
      for (const body of [hook({ events: [] }), hook({ events: ['task.deleted'] }), hook({ targetUrl: 'ftp://x.test/a' }), hook({ targetUrl: 'not a url' }), {}]) {
        await t.automation.post('/webhooks').send(body).expect(400);
      }
    });

    it('needs credentials and webhooks:write', async () => {
      await t.anonymous.post('/webhooks').send(hook()).expect(401);
      const viewer = await t.createUser('viewer');
      await viewer.client.post('/webhooks').send(hook()).expect(403);
      // Subscriptions name where events go: only those who may subscribe may list them.
      await viewer.client.get('/webhooks').expect(403);
      await (await t.createUser('designer')).client.get('/webhooks').expect(200);
    });
  });

  describe('GET and DELETE /webhooks', () => {
    it('lists subscriptions, deletes one, then answers 404 for it', async () => {
      const created = await t.automation.post('/webhooks').send(hook()).expect(201);
      const listed = await t.automation.get('/webhooks?limit=500').expect(200);
      expect(listed.body.items.map((w: { id: string }) => w.id)).toContain(created.body.id);
      await t.automation.delete(`/webhooks/${created.body.id}`).expect(204);
      await t.automation.delete(`/webhooks/${created.body.id}`).expect(404);
      await t.automation.delete('/webhooks/not-a-uuid').expect(404);
      const after = await t.automation.get('/webhooks?limit=500').expect(200);
      expect(after.body.items.map((w: { id: string }) => w.id)).not.toContain(created.body.id);
    });
  });

  describe('fan-out of recorded events', () => {
    beforeEach(async () => {
      const listed = await t.automation.get('/webhooks?limit=500').expect(200);
      for (const { id } of listed.body.items as Array<{ id: string }>) await t.automation.delete(`/webhooks/${id}`).expect(204);
    });

    it('writes one outbox delivery per matching subscription, in the transaction that records the event', async () => {
      const process = await insertPublishedProcess(t);
      const other = await insertPublishedProcess(t);
      const instance = await insertInstance(t, { process });
      const target = (name: string) => `http://n8n.test/webhook/${name}`;
      const decided = await t.automation.post('/webhooks').send(hook({ targetUrl: target('decided') })).expect(201);
      const everything = await t.automation.post('/webhooks').send(hook({ events: ['*'], processKey: process.key, targetUrl: target('all') })).expect(201);
      await t.automation.post('/webhooks').send(hook({ processKey: other.key, targetUrl: target('other') })).expect(201);
      await t.automation.post('/webhooks').send(hook({ events: ['message.sent'], targetUrl: target('messages') })).expect(201);

      const event = await record('task.decided', instance.id, { decision: 'approve' });
      const deliveries = await deliveriesOf(event.id);
      expect(deliveries.map((d) => d.target).sort()).toEqual([target('all'), target('decided')]);
      const toDecided = deliveries.find((d) => d.target === target('decided'))!;
      expect(toDecided).toMatchObject({
        kind: 'webhook',
        instanceId: instance.id,
        status: 'pending',
        idempotencyKey: `event:${event.id}:${decided.body.id}`,
      });
      expect(toDecided.payload).toEqual({
        subscriptionId: decided.body.id,
        event: expect.objectContaining({ id: event.id, type: 'task.decided', instanceId: instance.id, data: { decision: 'approve' } }),
      });

      const internal = await record('timer.registered', instance.id);
      expect(await deliveriesOf(internal.id)).toEqual([]);

      await t.automation.delete(`/webhooks/${decided.body.id}`).expect(204);
      const again = await record('task.decided', instance.id);
      expect((await deliveriesOf(again.id)).map((d) => d.payload.subscriptionId)).toEqual([everything.body.id]);
    });

    it('writes no delivery when the transaction that recorded the event rolls back', async () => {
      await t.automation.post('/webhooks').send(hook({ events: ['instance.completed'] })).expect(201);
      const instance = await insertInstance(t);
      let eventId = '';
      await expect(
        t.db.transaction(async () => {
          eventId = (await t.app.get(EventsService).record(SYSTEM_ACTOR, 'instance.completed', { instanceId: instance.id })).id;
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(eventId).not.toBe('');
      expect(await deliveriesOf(eventId)).toEqual([]);
    });

    it('matches a subscription with a process key only for events of that process', async () => {
      const process = await insertPublishedProcess(t);
      await t.automation.post('/webhooks').send(hook({ events: ['message.sent'], processKey: process.key })).expect(201);
      const withoutInstance = await record('message.sent', null);
      expect(await deliveriesOf(withoutInstance.id)).toEqual([]);
      const elsewhere = await record('message.sent', (await insertInstance(t)).id);
      expect(await deliveriesOf(elsewhere.id)).toEqual([]);
      const instance = await insertInstance(t, { process });
      const withInstance = await record('message.sent', instance.id);
      expect(await deliveriesOf(withInstance.id)).toHaveLength(1);
    });
  });
});
