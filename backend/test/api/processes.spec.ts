import { newId } from '../../src/common/ids';
import { EventTable, ProcessTable, QueueTable, UserTable } from '../../src/database/tables';
import { ProcessesService } from '../../src/processes/processes.service';
import type { Client } from '../support/test-app';
import { startTestApp, TestApp } from '../support/test-app';

describe('processes', () => {
  let t: TestApp;
  let designer: Client;
  let reviewer: Client;
  let viewer: Client;
  let supervisor: UserTable;

  beforeAll(async () => {
    t = await startTestApp();
    designer = (await t.createUser('designer')).client;
    reviewer = (await t.createUser('reviewer')).client;
    viewer = (await t.createUser('viewer')).client;
    supervisor = (await t.createUser('reviewer')).user;
    await createQueue('advisors');
    await createQueue('department');
  });
  afterAll(() => t.close());

  /** The queues API belongs to another domain; a bare row is all a definition needs. */
  async function createQueue(key: string): Promise<void> {
    const now = t.clock.now();
    const row: QueueTable = { id: newId(), key, name: key, description: '', calendarKey: null, supervisorQueueKey: null, createdAt: now, updatedAt: now };
    await t.db.transaction(() => t.db.insert(QueueTable, row));
  }

  const uniqueKey = (prefix: string) => `${prefix}-${newId().slice(-8)}`;
  const rowsOf = (key: string) => t.db.read(() => t.db.manager.find(ProcessTable, { where: { key }, order: { version: 'ASC' } }));
  const processEvents = async (key: string) =>
    (await t.db.read(() => t.db.manager.find(EventTable, { order: { seq: 'ASC' } })))
      .filter((e) => e.type.startsWith('process.') && e.data.key === key)
      .map((e) => e.type);
  const fieldsOf = (body: { details: Array<{ field: string }> }) => body.details.map((d) => d.field);

  const definition = (key: string, overrides: Record<string, unknown> = {}) => ({
    key,
    name: 'Student referral',
    description: 'Advisor review, then the department decides.',
    entityTypes: ['student'],
    stages: [
      {
        key: 'advisor-review',
        name: 'Advisor review',
        ownerQueue: 'advisors',
        slaMinutes: 60,
        calendar: 'default',
        escalation: [
          { atPercent: 80, action: 'notify', toQueue: 'advisors' },
          { afterBreachMinutes: 30, action: 'escalate', toQueue: 'department', priority: 3 },
        ],
      },
      { key: 'department', name: 'Department decision', ownerQueue: 'department', stallAfterMinutes: 1440 },
    ],
    decisions: [{ key: 'approve', label: 'Approve' }, { key: 'reject', label: 'Reject', commentRequired: true }],
    calendarKey: 'default',
    launchWebhookUrl: 'http://localhost:5678/webhook/referral',
    ...overrides,
  });

  async function createPublished(key: string, overrides: Record<string, unknown> = {}) {
    await designer.post('/processes').send(definition(key, overrides)).expect(201);
    return (await designer.post(`/processes/${key}/publish`).expect(200)).body;
  }

  describe('POST /processes', () => {
    it('lets a designer create draft version 1 and records process.created', async () => {
      const key = uniqueKey('referral');
      const res = await designer.post('/processes').send(definition(key)).expect(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        key,
        version: 1,
        status: 'draft',
        name: 'Student referral',
        entityTypes: ['student'],
        decisions: [{ key: 'approve', label: 'Approve' }, { key: 'reject', label: 'Reject', commentRequired: true }],
        calendarKey: 'default',
        launchWebhookUrl: 'http://localhost:5678/webhook/referral',
        publishedAt: null,
      });
      expect(res.body.stages[0]).toEqual(definition(key).stages[0]);
      expect(await processEvents(key)).toEqual(['process.created']);
    });

    it('defaults the optional fields', async () => {
      const key = uniqueKey('minimal');
      const res = await designer
        .post('/processes')
        .send({ key, name: 'Minimal', entityTypes: ['booking'], stages: [{ key: 'only', name: 'Only' }] })
        .expect(201);
      expect(res.body).toMatchObject({ description: '', decisions: [], calendarKey: null, launchWebhookUrl: null });
      expect(res.body.stages).toEqual([{ key: 'only', name: 'Only' }]);
    });

    it('refuses an existing key with 409', async () => {
      const key = uniqueKey('dup');
      await designer.post('/processes').send(definition(key)).expect(201);
      const res = await designer.post('/processes').send(definition(key, { name: 'Other' })).expect(409);
      expect(res.body.message).toContain(key);
      expect(await rowsOf(key)).toHaveLength(1);
    });

    it('refuses a stage owned by an unknown queue with 400 and writes nothing', async () => {
      const key = uniqueKey('badqueue');
      const body = definition(key);
      body.stages[1]!.ownerQueue = 'no-such-queue';
      const res = await designer.post('/processes').send(body).expect(400);
      expect(res.body.details).toEqual([{ field: 'stages[1].ownerQueue', messages: ['unknown queue "no-such-queue"'] }]);
      expect(await rowsOf(key)).toHaveLength(0);
      expect(await processEvents(key)).toEqual([]);
    });

    it('refuses definitions that break the cross-field rules, naming each field', async () => {
      const key = uniqueKey('rules');
      const res = await designer
        .post('/processes')
        .send(
          definition(key, {
            entityTypes: ['student', 'spaceship', 'student'],
            calendarKey: 'nope',
            stages: [
              {
                key: 'a', name: 'A', calendar: 'nope',
                escalation: [
                  { atPercent: 50, afterBreachMinutes: 5, action: 'notify' },
                  { atPercent: 100, action: 'escalate' },
                  { afterBreachMinutes: 0, action: 'escalate', toQueue: 'ghosts', toUser: 'nobody@example.test' },
                ],
              },
              { key: 'a', name: 'A again' },
            ],
            decisions: [{ key: 'ok', label: 'OK' }, { key: 'ok', label: 'Also OK' }],
          }),
        )
        .expect(400);
      expect(fieldsOf(res.body).sort()).toEqual(
        [
          'calendarKey',
          'decisions[1].key',
          'entityTypes[1]',
          'entityTypes[2]',
          'stages[0].calendar',
          'stages[0].escalation[0]',
          'stages[0].escalation[1]',
          'stages[0].escalation[2].toQueue',
          'stages[0].escalation[2].toUser',
          'stages[0].slaMinutes',
          'stages[1].key',
        ].sort(),
      );
      expect(await rowsOf(key)).toHaveLength(0);
    });

    it('accepts an escalation to a user named by id or email', async () => {
      const key = uniqueKey('touser');
      const stages = [
        {
          key: 'review', name: 'Review', slaMinutes: 10,
          escalation: [
            { atPercent: 100, action: 'escalate', toUser: supervisor.id },
            { afterBreachMinutes: 60, action: 'escalate', toUser: supervisor.email.toUpperCase() },
          ],
        },
      ];
      await designer.post('/processes').send(definition(key, { stages })).expect(201);
    });

    it('refuses malformed fields with field-level 400', async () => {
      const res = await designer
        .post('/processes')
        .send({
          key: 'Not A Slug',
          name: '',
          entityTypes: [],
          stages: [{ key: 'ok', name: 'Ok', slaMinutes: 0, stallAfterMinutes: 1.5, escalation: [{ atPercent: 2000, action: 'shout' }] }],
          launchWebhookUrl: 'ftp://example.test/hook',
          extra: true,
        })
        .expect(400);
      const fields = fieldsOf(res.body);
      expect(fields).toEqual(expect.arrayContaining(['key', 'name', 'entityTypes', 'launchWebhookUrl', 'extra']));
      for (const nested of ['slaMinutes', 'stallAfterMinutes', 'escalation.0.atPercent', 'escalation.0.action']) {
        expect(fields.some((f) => f.replace(/\[(\d+)\]/g, '.$1') === `stages.0.${nested}`)).toBe(true);
      }
    });

    it('refuses a process without stages with 400', async () => {
      const res = await designer.post('/processes').send(definition(uniqueKey('nostages'), { stages: [] })).expect(400);
      expect(fieldsOf(res.body)).toEqual(['stages']);
    });

    it('refuses 401 without credentials and 403 for a reviewer or viewer', async () => {
      const key = uniqueKey('perm');
      await t.anonymous.post('/processes').send(definition(key)).expect(401);
      await reviewer.post('/processes').send(definition(key)).expect(403);
      await viewer.post('/processes').send(definition(key)).expect(403);
      expect(await rowsOf(key)).toHaveLength(0);
    });
  });

  describe('PATCH /processes/:key/draft', () => {
    it('edits the draft and records process.draft_updated with the changed fields', async () => {
      const key = uniqueKey('edit');
      await designer.post('/processes').send(definition(key)).expect(201);
      const res = await designer
        .patch(`/processes/${key}/draft`)
        .send({ name: 'Renamed', launchWebhookUrl: null, decisions: [{ key: 'done', label: 'Done' }] })
        .expect(200);
      expect(res.body).toMatchObject({ version: 1, status: 'draft', name: 'Renamed', launchWebhookUrl: null, decisions: [{ key: 'done', label: 'Done' }] });
      expect(res.body.stages).toHaveLength(2);
      expect(await processEvents(key)).toEqual(['process.created', 'process.draft_updated']);
    });

    it('records nothing when the edit changes nothing', async () => {
      const key = uniqueKey('noop');
      await designer.post('/processes').send(definition(key)).expect(201);
      await designer.patch(`/processes/${key}/draft`).send({ name: 'Student referral' }).expect(200);
      expect(await processEvents(key)).toEqual(['process.created']);
    });

    it('refuses an invalid edit with 400 and keeps the draft as it was', async () => {
      const key = uniqueKey('badedit');
      await designer.post('/processes').send(definition(key)).expect(201);
      const res = await designer
        .patch(`/processes/${key}/draft`)
        .send({ stages: [{ key: 'x', name: 'X', ownerQueue: 'missing' }] })
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['stages[0].ownerQueue']);
      await designer.patch(`/processes/${key}/draft`).send({ name: null, key: 'renamed' }).expect(400);
      const [row] = await rowsOf(key);
      expect(row!.stages.map((s) => s.key)).toEqual(['advisor-review', 'department']);
      expect(row!.name).toBe('Student referral');
    });

    it('refuses with 409 once the draft is published, and 404 for an unknown key', async () => {
      const key = uniqueKey('frozen');
      await createPublished(key);
      const res = await designer.patch(`/processes/${key}/draft`).send({ name: 'Too late' }).expect(409);
      expect(res.body.message).toMatch(/no draft/);
      await designer.patch(`/processes/${uniqueKey('ghost')}/draft`).send({ name: 'x' }).expect(404);
      await reviewer.patch(`/processes/${key}/draft`).send({ name: 'x' }).expect(403);
    });
  });

  describe('PATCH /processes/:key/versions/:version', () => {
    it('edits a version while it is the draft and refuses a published one with 409', async () => {
      const key = uniqueKey('byversion');
      await designer.post('/processes').send(definition(key)).expect(201);
      await designer.patch(`/processes/${key}/versions/1`).send({ name: 'Still a draft' }).expect(200);
      await designer.post(`/processes/${key}/publish`).expect(200);
      const res = await designer.patch(`/processes/${key}/versions/1`).send({ name: 'Rewrite history' }).expect(409);
      expect(res.body.message).toMatch(/v1 is published/);
      expect((await rowsOf(key))[0]!.name).toBe('Still a draft');
      await designer.patch(`/processes/${key}/versions/9`).send({ name: 'x' }).expect(404);
    });
  });

  describe('POST /processes/:key/publish', () => {
    it('turns the draft into the published version', async () => {
      const key = uniqueKey('pub');
      await designer.post('/processes').send(definition(key)).expect(201);
      const res = await designer.post(`/processes/${key}/publish`).expect(200);
      expect(res.body).toMatchObject({ key, version: 1, status: 'published', publishedAt: new Date(t.clock.now()).toISOString() });
      expect(await processEvents(key)).toEqual(['process.created', 'process.published']);
    });

    it('refuses with 409 when there is no draft, 404 for an unknown key, 403 for a viewer', async () => {
      const key = uniqueKey('nodraft');
      await createPublished(key);
      const res = await designer.post(`/processes/${key}/publish`).expect(409);
      expect(res.body.message).toMatch(/no draft/);
      await designer.post(`/processes/${uniqueKey('ghost')}/publish`).expect(404);
      await viewer.post(`/processes/${key}/publish`).expect(403);
      expect(await processEvents(key)).toEqual(['process.created', 'process.published']);
    });
  });

  describe('POST /processes/:key/draft', () => {
    it('starts the next draft from the latest published version', async () => {
      const key = uniqueKey('next');
      const v1 = await createPublished(key);
      const res = await designer.post(`/processes/${key}/draft`).expect(201);
      expect(res.body).toMatchObject({ key, version: 2, status: 'draft', publishedAt: null, stages: v1.stages, name: v1.name });
      expect(res.body.id).not.toBe(v1.id);
      expect(await processEvents(key)).toEqual(['process.created', 'process.published', 'process.draft_created']);
    });

    it('refuses with 409 while a draft exists, and 404 for an unknown key', async () => {
      const key = uniqueKey('twodrafts');
      await designer.post('/processes').send(definition(key)).expect(201);
      const res = await designer.post(`/processes/${key}/draft`).expect(409);
      expect(res.body.message).toMatch(/already has a draft/);
      await designer.post(`/processes/${uniqueKey('ghost')}/draft`).expect(404);
      expect(await rowsOf(key)).toHaveLength(1);
    });
  });

  describe('GET /processes/:key and versions', () => {
    it('shows the draft until the first publish, then the latest published version', async () => {
      const key = uniqueKey('reads');
      await designer.post('/processes').send(definition(key)).expect(201);
      expect((await viewer.get(`/processes/${key}`).expect(200)).body).toMatchObject({ version: 1, status: 'draft' });
      await designer.post(`/processes/${key}/publish`).expect(200);
      await designer.post(`/processes/${key}/draft`).expect(201);
      await designer.patch(`/processes/${key}/draft`).send({ name: 'Second' }).expect(200);
      expect((await viewer.get(`/processes/${key}`).expect(200)).body).toMatchObject({ version: 1, status: 'published' });
      await designer.post(`/processes/${key}/publish`).expect(200);
      expect((await viewer.get(`/processes/${key}`).expect(200)).body).toMatchObject({ version: 2, name: 'Second' });

      const versions = await viewer.get(`/processes/${key}/versions`).expect(200);
      expect(versions.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
      expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      expect((await viewer.get(`/processes/${key}/versions/1`).expect(200)).body.name).toBe('Student referral');
    });

    it('answers 404 for unknown keys and versions, 400 for a non-numeric version, 401 anonymously', async () => {
      const key = uniqueKey('missing');
      await viewer.get(`/processes/${key}`).expect(404);
      await viewer.get(`/processes/${key}/versions`).expect(404);
      await createPublished(key);
      await viewer.get(`/processes/${key}/versions/7`).expect(404);
      await viewer.get(`/processes/${key}/versions/latest`).expect(400);
      await t.anonymous.get(`/processes/${key}`).expect(401);
    });
  });

  describe('GET /processes', () => {
    let published: string;
    let draftOnly: string;
    let republishing: string;

    beforeAll(async () => {
      published = uniqueKey('list-a');
      draftOnly = uniqueKey('list-b');
      republishing = uniqueKey('list-c');
      await createPublished(published, { entityTypes: ['employee'] });
      await designer.post('/processes').send(definition(draftOnly, { entityTypes: ['employee'] })).expect(201);
      await createPublished(republishing, { entityTypes: ['employee', 'student'] });
      await designer.post(`/processes/${republishing}/draft`).expect(201);
    });

    const listed = async (query: string) => {
      const res = await viewer.get(`/processes?limit=500${query}`).expect(200);
      const mine = [published, draftOnly, republishing];
      return (res.body.items as Array<{ key: string; version: number; status: string }>)
        .filter((p) => mine.includes(p.key))
        .map((p) => `${p.key}@${p.version}:${p.status}`);
    };

    it('lists one row per key: the latest published version, or the draft if never published', async () => {
      expect(await listed('')).toEqual([`${published}@1:published`, `${draftOnly}@1:draft`, `${republishing}@1:published`]);
    });

    it('filters by status', async () => {
      expect(await listed('&status=draft')).toEqual([`${draftOnly}@1:draft`, `${republishing}@2:draft`]);
      expect(await listed('&status=published')).toEqual([`${published}@1:published`, `${republishing}@1:published`]);
      await viewer.get('/processes?status=archived').expect(400);
    });

    it('lists only published processes that may start for an entity type', async () => {
      expect(await listed('&entityType=employee')).toEqual([`${published}@1:published`, `${republishing}@1:published`]);
      expect(await listed('&entityType=student')).toEqual([`${republishing}@1:published`]);
      expect(await listed('&entityType=invoice')).toEqual([]);
    });

    it('pages the list', async () => {
      const all = await viewer.get('/processes?limit=500').expect(200);
      const page = await viewer.get('/processes?limit=1&offset=1').expect(200);
      expect(page.body).toMatchObject({ total: all.body.total, limit: 1, offset: 1 });
      expect(page.body.items).toEqual([all.body.items[1]]);
    });
  });

  describe('ProcessesService (used by instances and tasks)', () => {
    it('gives the latest published version, 409 for a draft-only key and 404 for an unknown one', async () => {
      const service = t.app.get(ProcessesService);
      const key = uniqueKey('svc');
      await designer.post('/processes').send(definition(key)).expect(201);
      await expect(service.getPublished(key)).rejects.toMatchObject({
        status: 409,
        message: `Process "${key}" has no published version yet; publish it before launching.`,
      });
      await expect(service.getPublished(uniqueKey('ghost'))).rejects.toMatchObject({ status: 404 });
      const published = await designer.post(`/processes/${key}/publish`).expect(200);
      const row = await service.getPublished(key);
      expect(row.id).toBe(published.body.id);
      expect((await service.getVersion(row.id)).version).toBe(1);
      await expect(service.getVersion(newId())).rejects.toMatchObject({ status: 404 });
    });

    it('follows each new publish: v1, then v2 once published, each version as it was published', async () => {
      const service = t.app.get(ProcessesService);
      const key = uniqueKey('versions');
      const v1 = await createPublished(key);
      expect((await service.getPublished(key)).version).toBe(1);
      await designer.post(`/processes/${key}/draft`).expect(201);
      await designer.patch(`/processes/${key}/draft`).send({ name: 'Renamed in v2' }).expect(200);
      // The draft is not what launches run on until it is published.
      expect((await service.getPublished(key)).name).toBe(v1.name);
      await designer.post(`/processes/${key}/publish`).expect(200);
      const v2 = await service.getPublished(key);
      expect({ version: v2.version, name: v2.name }).toEqual({ version: 2, name: 'Renamed in v2' });
      expect((await service.getVersion(v1.id)).name).toBe(v1.name);
      // Versions are shared between callers: none of them can change one for the next.
      expect(() => {
        (v2.stages[0] as { name: string }).name = 'changed by a caller';
      }).toThrow(TypeError);
      expect((await service.getPublished(key)).stages[0]!.name).not.toBe('changed by a caller');
    });

    it('finds a stage or says which stages exist', async () => {
      const service = t.app.get(ProcessesService);
      const key = uniqueKey('stages');
      await createPublished(key);
      const row = await service.getPublished(key);
      expect(service.findStage(row, 'department').name).toBe('Department decision');
      expect(() => service.findStage(row, 'archive')).toThrow(
        `stageKey: process "${key}" v1 has no stage "archive"; it has: advisor-review, department`,
      );
    });
  });
});
