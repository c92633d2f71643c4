import { ManualClock } from '../../src/common/clock';
import { EventTable, MessageTable, OutboxTable, UserTable } from '../../src/database/tables';
import { addQueueMember, insertEntity, insertInstance, insertQueue, insertStageVisit } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const count = (table: typeof MessageTable | typeof OutboxTable | typeof EventTable, where: object = {}) =>
    t.db.read(() => t.db.manager.countBy(table, where));

  const template = (overrides: Record<string, unknown> = {}) => ({
    key: `tpl-${Math.random().toString(16).slice(2, 10)}`,
    name: 'Booking confirmation',
    subject: 'Your booking {{entity.externalId}}',
    html: '<p>Dear {{entity.name}}, see {{links.instance}}</p><p>{{data.note}}</p>',
    text: 'Dear {{entity.name}}: {{data.note}}',
    sampleData: { entity: { name: 'Sample Person', externalId: 'B-1' }, data: { note: 'sample note' } },
    ...overrides,
  });

  describe('POST /message-templates', () => {
    it('creates version 1 for a new key and the next version for an existing one', async () => {
      const body = template();
      const first = await t.automation.post('/message-templates').send(body).expect(201);
      expect(first.body).toMatchObject({ key: body.key, version: 1, subject: body.subject, channel: 'email' });
      const second = await t.automation.post('/message-templates').send({ ...body, subject: 'v2 {{entity.name}}' }).expect(201);
      expect(second.body.version).toBe(2);
      const v1 = await t.automation.get(`/message-templates/${body.key}/versions`).expect(200);
      expect(v1.body.items.map((v: { version: number; subject: string }) => [v.version, v.subject])).toEqual([
        [2, 'v2 {{entity.name}}'],
        [1, body.subject],
      ]);
      expect(await count(EventTable, { type: 'message_template.created' })).toBeGreaterThanOrEqual(2);
    });

    it('refuses a template that does not compile with 400 naming the line, and saves nothing', async () => {
      const body = template({ html: '<p>\n{{#each data.items}}\n<li>{{this}}</li>' });
      const res = await t.automation.post('/message-templates').send(body).expect(400);
      expect(res.body.message).toMatch(/html: .*Parse error on line 3/);
      await t.automation.get(`/message-templates/${body.key}`).expect(404);
    });

    it('refuses a template with neither html nor text, and malformed fields', async () => {
      await t.automation.post('/message-templates').send(template({ html: undefined, text: undefined })).expect(400);
      const res = await t.automation.post('/message-templates').send({ key: 'bad key!', subject: 1 }).expect(400);
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['key', 'name', 'subject']));
    });

    it('needs credentials and the messages:write permission', async () => {
      await t.anonymous.post('/message-templates').send(template()).expect(401);
      const viewer = await t.createUser('viewer');
      await viewer.client.post('/message-templates').send(template()).expect(403);
      await viewer.client.get('/message-templates').expect(200);
    });
  });

  describe('GET /message-templates', () => {
    it('lists the latest version of each key; GET /:key returns the latest and 404s an unknown key', async () => {
      const body = template();
      await t.automation.post('/message-templates').send(body).expect(201);
      await t.automation.post('/message-templates').send({ ...body, name: 'Renamed' }).expect(201);
      const list = await t.automation.get('/message-templates?limit=500').expect(200);
      const mine = list.body.items.filter((item: { key: string }) => item.key === body.key);
      expect(mine).toEqual([expect.objectContaining({ version: 2, name: 'Renamed' })]);
      expect(list.body.total).toBe(new Set(list.body.items.map((i: { key: string }) => i.key)).size);
      const latest = await t.automation.get(`/message-templates/${body.key}`).expect(200);
      expect(latest.body.version).toBe(2);
      await t.automation.get('/message-templates/no-such-template').expect(404);
      await t.automation.get('/message-templates/no-such-template/versions').expect(404);
    });
  });

  describe('POST /message-templates/:key/preview', () => {
    it('renders the sample data with the given data laid over it', async () => {
      const body = template();
      await t.automation.post('/message-templates').send(body).expect(201);
      const res = await t.automation
        .post(`/message-templates/${body.key}/preview`)
        .send({ data: { data: { note: '<b>bold</b>' } } })
        .expect(200);
      expect(res.body.subject).toBe('Your booking B-1');
      expect(res.body.html).toContain('Dear Sample Person');
      expect(res.body.html).toContain('&lt;b&gt;bold&lt;/b&gt;');
      expect(res.body.text).toBe('Dear Sample Person: <b>bold</b>');
    });

    it('answers 404 for an unknown template', async () => {
      await t.automation.post('/message-templates/nope/preview').send({}).expect(404);
    });
  });

  describe('DELETE /message-templates/:key', () => {
    it('removes every version, then answers 404', async () => {
      const body = template();
      await t.automation.post('/message-templates').send(body).expect(201);
      await t.automation.post('/message-templates').send(body).expect(201);
      await t.automation.delete(`/message-templates/${body.key}`).expect(204);
      await t.automation.get(`/message-templates/${body.key}`).expect(404);
      await t.automation.delete(`/message-templates/${body.key}`).expect(404);
      const again = await t.automation.post('/message-templates').send({ ...body, text: 'fresh' }).expect(201);
      expect(again.body.version).toBe(1);
    });
  });

  describe('POST /messages', () => {
    it('renders the template with the case, sends it to the entity and queues the email in the outbox', async () => {
      const body = template();
      await t.automation.post('/message-templates').send(body).expect(201);
      const entity = await insertEntity(t, { name: 'Ada Lovelace', externalId: 'B-77', email: 'ada@example.test' });
      const instance = await insertInstance(t, { entity, data: { note: 'from instance', kept: 'yes' } });
      await insertStageVisit(t, instance);

      const res = await t.automation
        .post('/messages')
        .send({ instanceId: instance.id, templateKey: body.key, data: { note: 'from request' } })
        .expect(201);
      expect(res.body).toMatchObject({
        subject: 'Your booking B-77',
        text: 'Dear Ada Lovelace: from request',
        recipients: ['ada@example.test'],
        status: 'queued',
        templateKey: body.key,
        templateVersion: 1,
        instanceId: instance.id,
      });
      expect(res.body.html).toContain(`${t.config.publicUrl}/instances/${instance.id}`);

      const outbox = await t.db.read(() => t.db.manager.findBy(OutboxTable, { idempotencyKey: `message:${res.body.id}` }));
      expect(outbox).toEqual([
        expect.objectContaining({ kind: 'email', target: null, payload: { messageId: res.body.id }, instanceId: instance.id, status: 'pending' }),
      ]);
      const events = await t.db.read(() => t.db.manager.findBy(EventTable, { type: 'message.sent', instanceId: instance.id }));
      expect(events).toEqual([expect.objectContaining({ entityId: entity.id })]);
      expect(events[0]!.data).toMatchObject({ messageId: res.body.id });
    });

    it('escapes a <script> from data in the html and keeps it verbatim in the text', async () => {
      const instance = await insertInstance(t, { data: { note: '<script>alert(1)</script>' } });
      const res = await t.automation
        .post('/messages')
        .send({ instanceId: instance.id, inline: { subject: 'Note', html: '<div>{{data.note}}</div>', text: '{{data.note}}' } })
        .expect(201);
      expect(res.body.html).toBe('<div>&lt;script&gt;alert(1)&lt;/script&gt;</div>');
      expect(res.body.text).toBe('<script>alert(1)</script>');
      expect(res.body.templateKey).toBeNull();
    });

    it('resolves the manager, the active members of a queue and given addresses, without duplicates', async () => {
      const queue = await insertQueue(t);
      const active = await t.createUser('reviewer');
      const inactive = await t.createUser('reviewer');
      await addQueueMember(t, queue.id, active.user.id);
      await addQueueMember(t, queue.id, inactive.user.id);
      await t.db.transaction(() => t.db.manager.update(UserTable, { id: inactive.user.id }, { active: false }));
      const entity = await insertEntity(t, { managerEmail: 'boss@example.test' });
      const instance = await insertInstance(t, { entity });
      const res = await t.automation
        .post('/messages')
        .send({
          instanceId: instance.id,
          inline: { subject: 'Hi', text: 'Hello' },
          to: { manager: true, queue: queue.key, addresses: ['other@example.test', 'BOSS@example.test'] },
        })
        .expect(201);
      expect(res.body.recipients).toEqual(['boss@example.test', active.user.email, 'other@example.test']);
    });

    it('refuses with 400 when nobody is left to receive it, says why, and writes nothing', async () => {
      const entity = await insertEntity(t, { email: null, managerEmail: null });
      const instance = await insertInstance(t, { entity });
      const before = { messages: await count(MessageTable), outbox: await count(OutboxTable), events: await count(EventTable) };
      const res = await t.automation
        .post('/messages')
        .send({ instanceId: instance.id, inline: { subject: 'Hi', text: 'x' }, to: { entity: true, manager: true } })
        .expect(400);
      expect(res.body.message).toContain('the entity has no email');
      expect(res.body.message).toContain('the entity has no manager email');
      const emptyQueue = await insertQueue(t);
      const queued = await t.automation
        .post('/messages')
        .send({ instanceId: instance.id, inline: { subject: 'Hi', text: 'x' }, to: { queue: emptyQueue.key } })
        .expect(400);
      expect(queued.body.message).toContain('has no active members');
      expect({ messages: await count(MessageTable), outbox: await count(OutboxTable), events: await count(EventTable) }).toEqual(before);
    });

    it('refuses an unknown queue, a recipient that needs an instance, and an unknown template with 400', async () => {
      const instance = await insertInstance(t);
      await t.automation.post('/messages').send({ instanceId: instance.id, inline: { subject: 'a', text: 'b' }, to: { queue: 'nope' } }).expect(400);
      await t.automation.post('/messages').send({ inline: { subject: 'a', text: 'b' }, to: { entity: true } }).expect(400);
      await t.automation.post('/messages').send({ inline: { subject: 'a', text: 'b' } }).expect(400);
      const res = await t.automation.post('/messages').send({ instanceId: instance.id, templateKey: 'missing-template' }).expect(400);
      expect(res.body.message).toMatch(/missing-template/);
    });

    it('refuses both or neither of templateKey and inline, and an inline template that does not compile', async () => {
      const instance = await insertInstance(t);
      await t.automation.post('/messages').send({ instanceId: instance.id }).expect(400);
      await t.automation.post('/messages').send({ instanceId: instance.id, templateKey: 'x', inline: { subject: 'a', text: 'b' } }).expect(400);
      const res = await t.automation.post('/messages').send({ instanceId: instance.id, inline: { subject: 'a', text: 'x {{#if}}' } }).expect(400);
      expect(res.body.message).toMatch(/text: .*line 1/);
    });

    it('keeps valid attachments and refuses content that is not base64', async () => {
      const instance = await insertInstance(t);
      const content = Buffer.from('%PDF-1.4 hello').toString('base64');
      const ok = await t.automation
        .post('/messages')
        .send({ instanceId: instance.id, inline: { subject: 'a', text: 'b' }, attachments: [{ filename: 'a.pdf', contentType: 'application/pdf', content }] })
        .expect(201);
      const url = `/api/v1/messages/${ok.body.id}/attachments/0`;
      expect(ok.body.attachments).toEqual([{ filename: 'a.pdf', contentType: 'application/pdf', size: 14, url }]);
      expect(ok.body.kind).toBe('customer');
      const bad = await t.automation
        .post('/messages')
        .send({ instanceId: instance.id, inline: { subject: 'a', text: 'b' }, attachments: [{ filename: '../x', contentType: 'pdf', content: 'not base64!' }] })
        .expect(400);
      const fields = bad.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['attachments[0].filename', 'attachments[0].contentType', 'attachments[0].content']));
    });

    it('answers 404 for an unknown instance, 401 without credentials and 403 without messages:write', async () => {
      await t.automation.post('/messages').send({ instanceId: '00000000-0000-4000-8000-00000000abcd', inline: { subject: 'a', text: 'b' } }).expect(404);
      await t.anonymous.post('/messages').send({ inline: { subject: 'a', text: 'b' } }).expect(401);
      const viewer = await t.createUser('viewer');
      await viewer.client.post('/messages').send({ inline: { subject: 'a', text: 'b' }, to: { addresses: ['a@b.test'] } }).expect(403);
    });
  });

  describe('GET /messages and GET /mailbox', () => {
    it('lists the messages of one instance, and the mailbox shows every message newest first', async () => {
      const one = await insertInstance(t);
      const other = await insertInstance(t);
      const send = (instanceId: string, subject: string) =>
        t.automation.post('/messages').send({ instanceId, inline: { subject, text: 'x' } }).expect(201);
      await send(one.id, 'first');
      (t.clock as ManualClock).advance(1000);
      await send(other.id, 'second');
      (t.clock as ManualClock).advance(1000);
      const last = await send(one.id, 'third');

      const listed = await t.automation.get(`/messages?instanceId=${one.id}`).expect(200);
      expect(listed.body.items.map((m: { subject: string }) => m.subject)).toEqual(['third', 'first']);
      expect(listed.body.total).toBe(2);

      const mailbox = await t.automation.get('/mailbox?limit=2').expect(200);
      expect(mailbox.body.items.map((m: { subject: string }) => m.subject)).toEqual(['third', 'second']);
      expect(mailbox.body).toMatchObject({ limit: 2, offset: 0 });
      const fetched = await t.automation.get(`/messages/${last.body.id}`).expect(200);
      expect(fetched.body.subject).toBe('third');
    });

    it('answers 404 for an unknown message and 400 for a malformed filter', async () => {
      await t.automation.get('/messages/00000000-0000-4000-8000-00000000abcd').expect(404);
      await t.automation.get('/messages?instanceId=nope').expect(400);
      await t.anonymous.get('/mailbox').expect(401);
    });
  });
});
