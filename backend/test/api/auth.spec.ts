import { startTestApp, TestApp } from '../support/test-app';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers health without credentials', async () => {
    const res = await t.anonymous.get('/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('refuses a request without credentials with 401', async () => {
    const res = await t.anonymous.get('/auth/me').expect(401);
    expect(res.body.message).toMatch(/API key/);
  });

  it('refuses an unknown API key with 401', async () => {
    await t.anonymous.get('/auth/me').set('x-api-key', 'cf_0123456789ab_notarealkeynotarealkey').expect(401);
  });

  it('signs a user in with a session cookie and says who they are', async () => {
    const { user, client } = await t.createUser('reviewer');
    const res = await client.get('/auth/me').expect(200);
    expect(res.body).toMatchObject({ type: 'user', id: user.id, role: 'reviewer' });
    expect(res.body.permissions).toContain('tasks:write');
    expect(res.body.permissions).not.toContain('admin');
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const { user } = await t.createUser('viewer');
    const res = await t.anonymous.post('/auth/login').send({ email: user.email, password: 'wrong' }).expect(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('rejects a malformed login body with field-level 400', async () => {
    const res = await t.anonymous.post('/auth/login').send({ email: 'not-an-email', extra: 1 }).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it('ends the session on logout', async () => {
    const { client } = await t.createUser('viewer');
    await client.post('/auth/logout').expect(204);
    await client.get('/auth/me').expect(401);
  });

  it('identifies an API key by its name and scopes', async () => {
    const res = await t.automation.get('/auth/me').expect(200);
    expect(res.body.type).toBe('api_key');
    expect(res.body.permissions).toContain('instances:write');
    expect(res.body.permissions).not.toContain('admin');
  });
});
