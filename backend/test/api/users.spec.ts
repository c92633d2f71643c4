import { EventTable, SessionTable, UserTable } from '../../src/database/tables';
import { startTestApp, TestApp } from '../support/test-app';

describe('users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const eventsFor = (type: string, userId: string): Promise<EventTable[]> =>
    t.db.read(async () => (await t.db.manager.find(EventTable, { where: { type } })).filter((e) => e.data.userId === userId));

  const login = (email: string, password: string) => t.anonymous.post('/auth/login').send({ email, password });

  const newUser = { email: 'Grace.Hopper@Example.com', name: 'Grace Hopper', password: 'a-long-password', role: 'designer' };

  describe('the last active admin', () => {
    it('cannot demote or deactivate themselves (409), and nothing changes', async () => {
      const me = (await t.admin.get('/auth/me').expect(200)).body;
      const demote = await t.admin.patch(`/users/${me.id}`).send({ role: 'viewer' }).expect(409);
      expect(demote.body.message).toMatch(/last active admin/);
      await t.admin.patch(`/users/${me.id}`).send({ active: false }).expect(409);
      expect((await t.admin.get(`/users/${me.id}`).expect(200)).body).toMatchObject({ role: 'admin', active: true });
      expect(await eventsFor('user.updated', me.id)).toHaveLength(0);
    });

    it('can demote another admin while one remains, but still not themselves', async () => {
      const me = (await t.admin.get('/auth/me').expect(200)).body;
      const { user: other } = await t.createUser('admin');
      await t.admin.patch(`/users/${other.id}`).send({ role: 'viewer' }).expect(200);
      await t.admin.patch(`/users/${me.id}`).send({ active: false }).expect(409);
    });
  });

  describe('POST /users', () => {
    it('creates a user with a lowercase email, never returns the hash, and records user.created', async () => {
      const res = await t.admin.post('/users').send(newUser).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        email: 'grace.hopper@example.com',
        name: 'Grace Hopper',
        role: 'designer',
        active: true,
        queues: [],
        createdAt: '2026-11-02T09:00:00.000Z',
      });
      const [event] = await eventsFor('user.created', res.body.id);
      expect(event).toMatchObject({ actorType: 'user', data: { email: 'grace.hopper@example.com', role: 'designer' } });
      expect(JSON.stringify(event!.data)).not.toMatch(/scrypt|a-long-password/);
      const row = await t.db.read(() => t.db.manager.findOneByOrFail(UserTable, { id: res.body.id }));
      expect(row.passwordHash).toMatch(/^scrypt\$/);
      const me = await login('GRACE.HOPPER@example.com', 'a-long-password').expect(200);
      expect(me.body).toMatchObject({ id: res.body.id, role: 'designer' });
    });

    it('refuses an email that is taken, in any letter case, with 409', async () => {
      await t.admin.post('/users').send({ ...newUser, email: 'taken@example.com' }).expect(201);
      const res = await t.admin.post('/users').send({ ...newUser, email: 'TAKEN@example.com' }).expect(409);
      expect(res.body.message).toMatch(/taken@example.com already exists/);
    });

    it('refuses a short password, an unknown role or a bad email with field-level 400 and writes nothing', async () => {
      const res = await t.admin.post('/users').send({ email: 'nope', name: '', password: 'short', role: 'owner' }).expect(400);
      const fields = res.body.details.map((d: { field: string }) => d.field).sort();
      expect(fields).toEqual(['email', 'name', 'password', 'role']);
      await t.admin.post('/users').send({ ...newUser, email: 'short@example.com', password: '123456789' }).expect(400);
      const count = await t.db.read(() => t.db.manager.countBy(UserTable, { email: 'short@example.com' }));
      expect(count).toBe(0);
    });

    it('needs the admin permission (403) and credentials (401)', async () => {
      const { client } = await t.createUser('designer');
      await client.post('/users').send({ ...newUser, email: 'x1@example.com' }).expect(403);
      await t.automation.post('/users').send({ ...newUser, email: 'x2@example.com' }).expect(403);
      await t.anonymous.get('/users').expect(401);
      await client.get('/users').expect(403);
    });
  });

  describe('GET /users', () => {
    it('pages users with the queues they belong to and without password hashes', async () => {
      const { user } = await t.createUser('reviewer');
      const queue = (await t.admin.post('/queues').send({ key: 'users-q', name: 'Users Q' }).expect(201)).body;
      await t.admin.put(`/queues/users-q/members/${user.id}`).expect(204);
      const res = await t.admin.get('/users?limit=500').expect(200);
      expect(res.body).toMatchObject({ limit: 500, offset: 0, total: res.body.items.length });
      const listed = res.body.items.find((u: { id: string }) => u.id === user.id);
      expect(listed.queues).toEqual([{ id: queue.id, key: 'users-q', name: 'Users Q' }]);
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|scrypt/);
      const page = await t.admin.get('/users?limit=1&offset=1').expect(200);
      expect(page.body.items).toHaveLength(1);
    });

    it('404s for an unknown user', async () => {
      const res = await t.admin.get('/users/00000000-0000-4000-8000-00000000dead').expect(404);
      expect(res.body.message).toMatch(/does not exist/);
    });
  });

  describe('PATCH /users/:id', () => {
    it('changes name and role, and records what changed', async () => {
      const { user, client } = await t.createUser('viewer');
      const res = await t.admin.patch(`/users/${user.id}`).send({ name: 'Renamed', role: 'reviewer' }).expect(200);
      expect(res.body).toMatchObject({ name: 'Renamed', role: 'reviewer', active: true });
      expect((await client.get('/auth/me').expect(200)).body.role).toBe('reviewer');
      const [event] = await eventsFor('user.updated', user.id);
      expect(event!.data.changes).toEqual({ name: 'Renamed', role: 'reviewer' });
    });

    it('sets a new password: the old one stops working and the hash stays out of the event', async () => {
      const { user, password } = await t.createUser('viewer');
      await t.admin.patch(`/users/${user.id}`).send({ password: 'brand-new-secret' }).expect(200);
      await login(user.email, password).expect(401);
      await login(user.email, 'brand-new-secret').expect(200);
      const [event] = await eventsFor('user.updated', user.id);
      expect(event!.data).toMatchObject({ passwordChanged: true, changes: {} });
      expect(JSON.stringify(event!.data)).not.toMatch(/scrypt|brand-new-secret/);
    });

    it('deactivating signs the user out everywhere and refuses new sign-ins until reactivated', async () => {
      const { user, client, password } = await t.createUser('reviewer');
      await login(user.email, password).expect(200);
      await t.admin.patch(`/users/${user.id}`).send({ active: false }).expect(200);
      expect(await t.db.read(() => t.db.manager.countBy(SessionTable, { userId: user.id }))).toBe(0);
      await client.get('/auth/me').expect(401);
      await login(user.email, password).expect(401);
      await t.admin.patch(`/users/${user.id}`).send({ active: true }).expect(200);
      await login(user.email, password).expect(200);
    });

    it('refuses bad fields with 400 and changes nothing', async () => {
      const { user } = await t.createUser('viewer');
      const res = await t.admin.patch(`/users/${user.id}`).send({ role: 'god', password: 'short', email: 'x@y.z' }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'password', 'role']);
      expect((await t.admin.get(`/users/${user.id}`).expect(200)).body.role).toBe('viewer');
      expect(await eventsFor('user.updated', user.id)).toHaveLength(0);
    });

    it('404s for an unknown user and 403s for a non-admin', async () => {
      await t.admin.patch('/users/00000000-0000-4000-8000-00000000dead').send({ name: 'X' }).expect(404);
      const { user, client } = await t.createUser('reviewer');
      await client.patch(`/users/${user.id}`).send({ role: 'admin' }).expect(403);
    });
  });
});
