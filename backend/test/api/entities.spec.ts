import { ManualClock } from '../../src/common/clock';
import { newId } from '../../src/common/ids';
import { EntitiesService } from '../../src/entities/entities.service';
import { EntityTable, EventTable, InstanceTable, ProcessTable } from '../../src/database/tables';
import type { Client } from '../support/test-app';
import { startTestApp, TestApp } from '../support/test-app';

describe('entities', () => {
  let t: TestApp;
  let clock: ManualClock;
  let viewer: Client;

  beforeAll(async () => {
    clock = new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
    t = await startTestApp({ clock });
    viewer = (await t.createUser('viewer')).client;
  });
  afterAll(() => t.close());

  const read = <T>(work: () => Promise<T>) => t.db.read(work);
  const entityRows = (type: string, externalId: string) => read(() => t.db.manager.findBy(EntityTable, { type, externalId }));
  const eventsOf = (entityId: string) => read(() => t.db.manager.find(EventTable, { where: { entityId }, order: { seq: 'ASC' } }));
  const uniqueId = (prefix: string) => `${prefix}-${newId().slice(-8)}`;

  async function createEntity(body: Record<string, unknown>) {
    const res = await t.automation.post('/entities').send(body).expect(201);
    return res.body as { id: string; externalId: string; type: string };
  }

  describe('POST /entities', () => {
    it('creates an entity with 201 and records entity.created', async () => {
      const externalId = uniqueId('S');
      const res = await t.automation
        .post('/entities')
        .send({ type: 'student', externalId, name: 'Ada Lovelace', email: 'ada@example.test', attributes: { year: 2 } })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        type: 'student',
        externalId,
        name: 'Ada Lovelace',
        email: 'ada@example.test',
        managerEmail: null,
        attributes: { year: 2 },
        createdAt: new Date(clock.now()).toISOString(),
        updatedAt: new Date(clock.now()).toISOString(),
      });
      const events = await eventsOf(res.body.id);
      expect(events.map((e) => e.type)).toEqual(['entity.created']);
      expect(events[0]!.actorType).toBe('api_key');
    });

    it('names a new entity after its externalId when no name is given', async () => {
      const externalId = uniqueId('B');
      const res = await t.automation.post('/entities').send({ type: 'booking', externalId }).expect(201);
      expect(res.body.name).toBe(externalId);
    });

    it('updates an existing entity with 200, merging attributes and recording only what changed', async () => {
      const created = await createEntity({ type: 'client', externalId: uniqueId('C'), name: 'Acme', attributes: { tier: 'gold', region: 'EU' } });
      clock.advance(60_000);
      const res = await t.automation
        .post('/entities')
        .send({ type: 'client', externalId: created.externalId, name: 'Acme Ltd', attributes: { tier: 'platinum', seats: 40 } })
        .expect(200);
      expect(res.body).toMatchObject({
        id: created.id,
        name: 'Acme Ltd',
        attributes: { tier: 'platinum', region: 'EU', seats: 40 },
        updatedAt: new Date(clock.now()).toISOString(),
      });
      const events = await eventsOf(created.id);
      expect(events.map((e) => e.type)).toEqual(['entity.created', 'entity.updated']);
      expect(events[1]!.data).toEqual({
        before: { name: 'Acme', attributes: { tier: 'gold', seats: null } },
        after: { name: 'Acme Ltd', attributes: { tier: 'platinum', seats: 40 } },
      });
    });

    it('answers 200 without writing or recording anything when nothing changed', async () => {
      const body = { type: 'client', externalId: uniqueId('C'), name: 'Same', email: 'same@example.test', attributes: { a: 1 } };
      const created = await createEntity(body);
      clock.advance(60_000);
      const res = await t.automation.post('/entities').send(body).expect(200);
      expect(res.body.updatedAt).toBe(res.body.createdAt);
      expect((await eventsOf(created.id)).map((e) => e.type)).toEqual(['entity.created']);
    });

    it('refuses an unknown type with 400 and writes nothing', async () => {
      const externalId = uniqueId('X');
      const res = await t.automation.post('/entities').send({ type: 'spaceship', externalId, name: 'X' }).expect(400);
      expect(res.body.message).toBe('type: unknown entity type "spaceship"');
      expect(res.body.details).toEqual([{ field: 'type', messages: ['unknown entity type "spaceship"'] }]);
      expect(await entityRows('spaceship', externalId)).toHaveLength(0);
    });

    it('refuses malformed fields with field-level 400', async () => {
      const res = await t.automation
        .post('/entities')
        .send({ type: 'student', externalId: 'x'.repeat(201), name: 'N', email: 'not-an-email', managerEmail: 'nope', attributes: [1, 2] })
        .expect(400);
      const fields = res.body.details.map((d: { field: string }) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['externalId', 'email', 'managerEmail', 'attributes']));
    });

    it('refuses an empty externalId and a null name with 400', async () => {
      const res = await t.automation.post('/entities').send({ type: 'student', externalId: '', name: null }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['externalId', 'name']));
    });

    it('refuses attributes over 64 KB with 400 and writes nothing', async () => {
      const externalId = uniqueId('S');
      const res = await t.automation
        .post('/entities')
        .send({ type: 'student', externalId, attributes: { notes: 'x'.repeat(70_000) } })
        .expect(400);
      expect(res.body.details[0].field).toBe('attributes');
      expect(await entityRows('student', externalId)).toHaveLength(0);
    });

    it('refuses an anonymous caller with 401 and a viewer with 403', async () => {
      const body = { type: 'student', externalId: uniqueId('S'), name: 'N' };
      await t.anonymous.post('/entities').send(body).expect(401);
      await viewer.post('/entities').send(body).expect(403);
      expect(await entityRows('student', body.externalId)).toHaveLength(0);
    });

    it('settles concurrent upserts of the same key into one entity without a 500', async () => {
      const externalId = uniqueId('RACE');
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => t.automation.post('/entities').send({ type: 'prospect', externalId, attributes: { [`k${i}`]: i } })),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      const rows = await entityRows('prospect', externalId);
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0]!.attributes).sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7']);
    });
  });

  describe('upsertInTransaction', () => {
    it('joins the caller\'s transaction: a rollback undoes the entity and its event', async () => {
      const service = t.app.get(EntitiesService);
      const externalId = uniqueId('TX');
      const actor = { type: 'system' as const, id: null, name: 'test', permissions: new Set<never>() };
      await expect(
        t.db.transaction(async () => {
          const { created, entity } = await service.upsertInTransaction(actor, { type: 'employee', externalId });
          expect(created).toBe(true);
          expect(entity.name).toBe(externalId);
          throw new Error('caller fails later');
        }),
      ).rejects.toThrow('caller fails later');
      expect(await entityRows('employee', externalId)).toHaveLength(0);
    });

    it('refuses an unknown type with a 400 exception', async () => {
      const service = t.app.get(EntitiesService);
      const actor = { type: 'system' as const, id: null, name: 'test', permissions: new Set<never>() };
      await expect(t.db.transaction(() => service.upsertInTransaction(actor, { type: 'nope', externalId: 'x' }))).rejects.toMatchObject({
        status: 400,
      });
    });
  });

  describe('GET /entities', () => {
    const type = 'invoice';
    let ids: string[];

    beforeAll(async () => {
      ids = [];
      for (const [externalId, name, email] of [
        ['INV-100', 'Northwind Traders', 'billing@northwind.test'],
        ['INV-200', 'Contoso', 'ap@contoso.test'],
        ['INV-300', '50% Off Shop', null],
      ] as const) {
        clock.advance(1_000);
        ids.push((await createEntity({ type, externalId, name, email })).id);
      }
    });

    it('lists entities of a type, most recently updated first, paged', async () => {
      const res = await viewer.get(`/entities?type=${type}&limit=2`).expect(200);
      expect(res.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
      expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([ids[2], ids[1]]);
      const next = await viewer.get(`/entities?type=${type}&limit=2&offset=2`).expect(200);
      expect(next.body.items.map((e: { id: string }) => e.id)).toEqual([ids[0]]);
    });

    it('finds by a case-insensitive substring of name, externalId or email', async () => {
      const search = async (q: string) =>
        (await viewer.get(`/entities?type=${type}&q=${encodeURIComponent(q)}`).expect(200)).body.items.map((e: { externalId: string }) => e.externalId);
      expect(await search('NORTHWIND')).toEqual(['INV-100']);
      expect(await search('inv-2')).toEqual(['INV-200']);
      expect(await search('@CONTOSO')).toEqual(['INV-200']);
      expect(await search('%')).toEqual(['INV-300']);
      expect(await search('nothing-like-this')).toEqual([]);
    });

    it('refuses a bad limit with 400 and an anonymous caller with 401', async () => {
      await viewer.get('/entities?limit=0').expect(400);
      await t.anonymous.get('/entities').expect(401);
    });
  });

  describe('GET /entities/:id', () => {
    it('returns the entity with a summary of its instances', async () => {
      const entity = await createEntity({ type: 'student', externalId: uniqueId('S'), name: 'Grace' });
      const instanceId = await insertInstance(entity.id);
      const res = await viewer.get(`/entities/${entity.id}`).expect(200);
      expect(res.body).toMatchObject({ id: entity.id, name: 'Grace' });
      expect(res.body.instances).toEqual([
        { id: instanceId, processKey: 'entity-spec', status: 'active', currentStageKey: 'intake', createdAt: new Date(clock.now()).toISOString() },
      ]);
    });

    it('answers 404 for an unknown id and for a malformed one', async () => {
      await viewer.get(`/entities/${newId()}`).expect(404);
      await viewer.get('/entities/not-a-uuid').expect(404);
      await viewer.get(`/entities/${newId()}-${'x'.repeat(50)}`).expect(404);
    });
  });

  describe('PATCH /entities/:id', () => {
    it('changes the given fields, merges attributes and removes keys set to null', async () => {
      const entity = await createEntity({ type: 'employee', externalId: uniqueId('E'), name: 'Linus', email: 'l@example.test', attributes: { desk: 4, team: 'ops' } });
      clock.advance(1_000);
      const res = await t.automation
        .patch(`/entities/${entity.id}`)
        .send({ managerEmail: 'boss@example.test', email: null, attributes: { desk: null, laptop: 'x1' } })
        .expect(200);
      expect(res.body).toMatchObject({ name: 'Linus', email: null, managerEmail: 'boss@example.test', attributes: { team: 'ops', laptop: 'x1' } });
      const events = await eventsOf(entity.id);
      expect(events.at(-1)!.type).toBe('entity.updated');
      expect(events.at(-1)!.data).toEqual({
        before: { email: 'l@example.test', managerEmail: null, attributes: { desk: 4, laptop: null } },
        after: { email: null, managerEmail: 'boss@example.test', attributes: { desk: null, laptop: 'x1' } },
      });
    });

    it('refuses a null name, a bad email and unknown fields with 400 and changes nothing', async () => {
      const entity = await createEntity({ type: 'employee', externalId: uniqueId('E'), name: 'Keep' });
      const res = await t.automation.patch(`/entities/${entity.id}`).send({ name: null, email: 'bad', type: 'client' }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['name', 'email', 'type']));
      expect((await viewer.get(`/entities/${entity.id}`).expect(200)).body.name).toBe('Keep');
      expect((await eventsOf(entity.id)).map((e) => e.type)).toEqual(['entity.created']);
    });

    it('answers 404 for an unknown entity and 403 for a viewer', async () => {
      await t.automation.patch(`/entities/${newId()}`).send({ name: 'x' }).expect(404);
      const entity = await createEntity({ type: 'employee', externalId: uniqueId('E') });
      await viewer.patch(`/entities/${entity.id}`).send({ name: 'x' }).expect(403);
    });
  });

  describe('POST /entities/:id/convert', () => {
    it('converts a prospect into a client, keeping its id, instances and history', async () => {
      const prospect = await createEntity({ type: 'prospect', externalId: uniqueId('P'), name: 'Lead' });
      const instanceId = await insertInstance(prospect.id);
      const res = await t.automation.post(`/entities/${prospect.id}/convert`).send({ toType: 'client' }).expect(200);
      expect(res.body).toMatchObject({ id: prospect.id, type: 'client', externalId: prospect.externalId, name: 'Lead' });
      const detail = await viewer.get(`/entities/${prospect.id}`).expect(200);
      expect(detail.body.instances.map((i: { id: string }) => i.id)).toEqual([instanceId]);
      const events = await eventsOf(prospect.id);
      expect(events.map((e) => e.type)).toEqual(['entity.created', 'entity.converted']);
      expect(events[1]!.data).toEqual({ from: 'prospect', to: 'client' });
    });

    it('refuses with 409 when an entity of the target type already has that externalId', async () => {
      const externalId = uniqueId('P');
      const prospect = await createEntity({ type: 'prospect', externalId });
      await createEntity({ type: 'client', externalId });
      const res = await t.automation.post(`/entities/${prospect.id}/convert`).send({ toType: 'client' }).expect(409);
      expect(res.body.message).toContain(externalId);
      expect((await viewer.get(`/entities/${prospect.id}`).expect(200)).body.type).toBe('prospect');
    });

    it('refuses an unknown or unchanged type with 400 and an unknown entity with 404', async () => {
      const prospect = await createEntity({ type: 'prospect', externalId: uniqueId('P') });
      const unknown = await t.automation.post(`/entities/${prospect.id}/convert`).send({ toType: 'martian' }).expect(400);
      expect(unknown.body.message).toBe('toType: unknown entity type "martian"');
      await t.automation.post(`/entities/${prospect.id}/convert`).send({ toType: 'prospect' }).expect(400);
      await t.automation.post(`/entities/${prospect.id}/convert`).send({}).expect(400);
      await t.automation.post(`/entities/${newId()}/convert`).send({ toType: 'client' }).expect(404);
      await viewer.post(`/entities/${prospect.id}/convert`).send({ toType: 'client' }).expect(403);
      expect((await eventsOf(prospect.id)).map((e) => e.type)).toEqual(['entity.created']);
    });
  });

  /** Instances belong to another domain; a bare row is enough to see it summarised here. */
  async function insertInstance(entityId: string): Promise<string> {
    const now = clock.now();
    let process = await read(() => t.db.manager.findOneBy(ProcessTable, { key: 'entity-spec' }));
    if (!process) {
      process = {
        id: newId(), key: 'entity-spec', version: 1, status: 'published', name: 'Entity spec', description: '',
        entityTypes: ['student', 'prospect', 'client'], stages: [{ key: 'intake', name: 'Intake' }], decisions: [],
        calendarKey: null, launchWebhookUrl: null, intake: [], createdAt: now, updatedAt: now, publishedAt: now,
      };
      const row = process;
      await t.db.transaction(() => t.db.insert(ProcessTable, row));
    }
    const instance: InstanceTable = {
      id: newId(), processId: process.id, processKey: process.key, processVersion: 1, entityId, status: 'active',
      currentStageKey: 'intake', outcome: null, data: {}, n8nExecutionId: null, idempotencyKey: null, stalledAt: null,
      createdAt: now, updatedAt: now, closedAt: null, failure: null,
    };
    await t.db.transaction(() => t.db.insert(InstanceTable, instance));
    return instance.id;
  }
});
