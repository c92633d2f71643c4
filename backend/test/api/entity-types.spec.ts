import { EntityTypeTable, EventTable } from '../../src/database/tables';
import { startTestApp, TestApp } from '../support/test-app';

describe('entity types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('GET /entity-types', () => {
    it('lists the built-in types to any signed-in user or API key', async () => {
      const { client } = await t.createUser('viewer');
      for (const caller of [client, t.automation]) {
        const res = await caller.get('/entity-types?limit=500').expect(200);
        const keys = res.body.items.map((e: { key: string }) => e.key);
        expect(keys).toEqual(expect.arrayContaining(['prospect', 'client', 'employee', 'student', 'booking', 'invoice']));
        expect(res.body.items.find((e: { key: string }) => e.key === 'client')).toEqual({
          key: 'client',
          name: 'Clients',
          builtin: true,
          createdAt: expect.any(String),
        });
      }
      await t.anonymous.get('/entity-types').expect(401);
    });
  });

  describe('POST /entity-types', () => {
    it('adds a type that then shows in the list, and records entity_type.created', async () => {
      const res = await t.admin.post('/entity-types').send({ key: 'supplier', name: 'Suppliers' }).expect(201);
      expect(res.body).toEqual({ key: 'supplier', name: 'Suppliers', builtin: false, createdAt: '2026-11-02T09:00:00.000Z' });
      const list = await t.automation.get('/entity-types?limit=500').expect(200);
      expect(list.body.items.map((e: { key: string }) => e.key)).toContain('supplier');
      const events = await t.db.read(() => t.db.manager.find(EventTable, { where: { type: 'entity_type.created' } }));
      expect(events.map((e) => e.data)).toContainEqual({ key: 'supplier', name: 'Suppliers' });
    });

    it('refuses a duplicate key, built-in or not, with 409', async () => {
      const builtin = await t.admin.post('/entity-types').send({ key: 'client', name: 'Customers' }).expect(409);
      expect(builtin.body.message).toMatch(/"client" already exists/);
      await t.admin.post('/entity-types').send({ key: 'vendor', name: 'Vendors' }).expect(201);
      await t.admin.post('/entity-types').send({ key: 'vendor', name: 'Again' }).expect(409);
    });

    it('refuses a key that is not a lowercase slug with 400 and writes nothing', async () => {
      for (const key of ['Partner', 'has space', '-lead', 'x'.repeat(51), '']) {
        const res = await t.admin.post('/entity-types').send({ key, name: 'Bad' }).expect(400);
        expect(res.body.details[0].field).toBe('key');
      }
      await t.admin.post('/entity-types').send({ key: 'noname' }).expect(400);
      expect(await t.db.read(() => t.db.manager.countBy(EntityTypeTable, { builtin: false, name: 'Bad' }))).toBe(0);
    });

    it('needs the admin permission (403) and credentials (401)', async () => {
      const { client } = await t.createUser('designer');
      await client.post('/entity-types').send({ key: 'partner', name: 'Partners' }).expect(403);
      await t.automation.post('/entity-types').send({ key: 'partner', name: 'Partners' }).expect(403);
      await t.anonymous.post('/entity-types').send({ key: 'partner', name: 'Partners' }).expect(401);
    });
  });
});
