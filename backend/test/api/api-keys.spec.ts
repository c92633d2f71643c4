import request from 'supertest';
import { sha256 } from '../../src/auth/secrets';
import { ApiKeyTable, EventTable } from '../../src/database/tables';
import { startTestApp, TestApp } from '../support/test-app';

describe('api keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const withKey = (key: string, path: string) => request(t.baseUrl).get(`/api/v1${path}`).set('x-api-key', key);

  const eventsFor = (type: string, apiKeyId: string): Promise<EventTable[]> =>
    t.db.read(async () => (await t.db.manager.find(EventTable, { where: { type } })).filter((e) => e.data.apiKeyId === apiKeyId));

  /** The touch is written off the request path; wait for it so assertions, and the shutdown, find it done. */
  async function touched(id: string): Promise<void> {
    for (let i = 0; i < 80; i++) {
      const row = await t.db.read(() => t.db.manager.findOneByOrFail(ApiKeyTable, { id }));
      if (row.lastUsedAt !== null) return;
      await new Promise((done) => setTimeout(done, 25));
    }
    throw new Error(`API key ${id} was never marked as used`);
  }

  describe('POST /api-keys', () => {
    it('returns the key once, stores only its hash, and the key works with its scopes', async () => {
      const res = await t.admin.post('/api-keys').send({ name: 'n8n', scopes: ['automation', 'automation'] }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'n8n',
        prefix: expect.stringMatching(/^[0-9a-f]{12}$/),
        scopes: ['automation'],
        key: expect.stringMatching(/^cf_[0-9a-f]{12}_/),
        createdAt: '2026-11-02T09:00:00.000Z',
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(res.body.key).toContain(res.body.prefix);
      const row = await t.db.read(() => t.db.manager.findOneByOrFail(ApiKeyTable, { id: res.body.id }));
      expect(row.keyHash).toBe(sha256(res.body.key));
      expect(row.createdBy).toEqual(expect.any(String));
      const me = await withKey(res.body.key, '/auth/me').expect(200);
      expect(me.body).toMatchObject({ type: 'api_key', name: 'n8n' });
      expect(me.body.permissions).not.toContain('admin');
      const [event] = await eventsFor('api_key.created', res.body.id);
      expect(event!.data).toMatchObject({ name: 'n8n', prefix: res.body.prefix, scopes: ['automation'] });
      expect(JSON.stringify(event!.data)).not.toContain(res.body.key);
    });

    it('refuses unknown scopes, no scopes, or no name with 400 and writes nothing', async () => {
      const before = await t.db.read(() => t.db.manager.count(ApiKeyTable));
      const unknown = await t.admin.post('/api-keys').send({ name: 'bad', scopes: ['automation', 'root'] }).expect(400);
      expect(unknown.body.details[0]).toMatchObject({ field: 'scopes', messages: [expect.stringMatching(/must be one of/)] });
      await t.admin.post('/api-keys').send({ name: 'bad', scopes: [] }).expect(400);
      await t.admin.post('/api-keys').send({ scopes: ['tasks:read'] }).expect(400);
      expect(await t.db.read(() => t.db.manager.count(ApiKeyTable))).toBe(before);
    });

    it('needs the admin permission (403) and credentials (401)', async () => {
      const { client } = await t.createUser('designer');
      await client.post('/api-keys').send({ name: 'x', scopes: ['automation'] }).expect(403);
      await t.automation.post('/api-keys').send({ name: 'x', scopes: ['automation'] }).expect(403);
      await t.anonymous.post('/api-keys').send({ name: 'x', scopes: ['automation'] }).expect(401);
    });
  });

  describe('GET /api-keys', () => {
    it('lists keys without the key or its hash', async () => {
      const created = (await t.admin.post('/api-keys').send({ name: 'listed', scopes: ['reports:read'] }).expect(201)).body;
      const res = await t.admin.get('/api-keys?limit=500').expect(200);
      const listed = res.body.items.find((k: { id: string }) => k.id === created.id);
      expect(listed).toEqual({
        id: created.id,
        name: 'listed',
        prefix: created.prefix,
        scopes: ['reports:read'],
        createdAt: expect.any(String),
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(JSON.stringify(res.body)).not.toContain(created.key);
      expect(JSON.stringify(res.body)).not.toMatch(/keyHash|[0-9a-f]{64}/);
    });

    it('shows when a key was last used', async () => {
      const created = (await t.admin.post('/api-keys').send({ name: 'used', scopes: ['automation'] }).expect(201)).body;
      await withKey(created.key, '/auth/me').expect(200);
      await touched(created.id);
      const res = await t.admin.get('/api-keys?limit=500').expect(200);
      expect(res.body.items.find((k: { id: string }) => k.id === created.id).lastUsedAt).toBe('2026-11-02T09:00:00.000Z');
    });
  });

  describe('DELETE /api-keys/:id', () => {
    it('revokes a key so that it is refused with 401 at once, and records api_key.revoked', async () => {
      const created = (await t.admin.post('/api-keys').send({ name: 'short-lived', scopes: ['automation'] }).expect(201)).body;
      // Used once first, so the key sits in the auth cache when it is revoked.
      await withKey(created.key, '/queues').expect(200);
      await t.admin.delete(`/api-keys/${created.id}`).expect(204);
      const refused = await withKey(created.key, '/queues').expect(401);
      expect(refused.body.message).toMatch(/unknown or revoked/);
      const listed = (await t.admin.get('/api-keys?limit=500').expect(200)).body.items.find((k: { id: string }) => k.id === created.id);
      expect(listed.revokedAt).toBe('2026-11-02T09:00:00.000Z');
      expect(await eventsFor('api_key.revoked', created.id)).toHaveLength(1);
    });

    it('refuses to revoke twice with 409 and an unknown key with 404', async () => {
      const created = (await t.admin.post('/api-keys').send({ name: 'twice', scopes: ['tasks:read'] }).expect(201)).body;
      await t.admin.delete(`/api-keys/${created.id}`).expect(204);
      const again = await t.admin.delete(`/api-keys/${created.id}`).expect(409);
      expect(again.body.message).toMatch(/already revoked/);
      expect(await eventsFor('api_key.revoked', created.id)).toHaveLength(1);
      await t.admin.delete('/api-keys/00000000-0000-4000-8000-00000000dead').expect(404);
    });

    it('needs the admin permission', async () => {
      const created = (await t.admin.post('/api-keys').send({ name: 'kept', scopes: ['tasks:read'] }).expect(201)).body;
      const { client } = await t.createUser('reviewer');
      await client.delete(`/api-keys/${created.id}`).expect(403);
      await withKey(created.key, '/auth/me').expect(200);
      await touched(created.id);
    });
  });

  // Last: it moves the test clock on.
  describe('marking a key as used', () => {
    const lastUsed = async (id: string) => (await t.db.read(() => t.db.manager.findOneByOrFail(ApiKeyTable, { id }))).lastUsedAt;

    it('writes it at most once a minute, also when its cache entry has expired in between', async () => {
      const created = (await t.admin.post('/api-keys').send({ name: 'busy', scopes: ['automation'] }).expect(201)).body;
      const first = t.clock.now();
      await withKey(created.key, '/auth/me').expect(200);
      await touched(created.id);
      expect(await lastUsed(created.id)).toBe(first);
      // Past the 5 s cache, within the minute: read again from the database, not written again.
      t.clock.set(first + 10_000);
      await withKey(created.key, '/auth/me').expect(200);
      await new Promise((done) => setTimeout(done, 100));
      expect(await lastUsed(created.id)).toBe(first);
      t.clock.set(first + 70_000);
      await withKey(created.key, '/auth/me').expect(200);
      for (let i = 0; i < 80 && (await lastUsed(created.id)) === first; i++) await new Promise((done) => setTimeout(done, 25));
      expect(await lastUsed(created.id)).toBe(first + 70_000);
    });
  });
});
