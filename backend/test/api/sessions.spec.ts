import request from 'supertest';
import { EventTable, UserTable } from '../../src/database/tables';
import { startTestApp, TestApp } from '../support/test-app';

const cookieOf = (res: request.Response): string => String(res.headers['set-cookie']?.[0] ?? '');

describe('sessions and cookies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const signIn = async (email: string, password: string): Promise<string> => {
    const res = await request(t.baseUrl).post('/api/v1/auth/login').send({ email, password }).expect(200);
    return cookieOf(res).split(';')[0]!;
  };
  const me = (cookie: string): request.Test => request(t.baseUrl).get('/api/v1/auth/me').set('cookie', cookie);

  describe('ending sessions', () => {
    it('ends every session of a user whose password an admin changed', async () => {
      const { user, client, password } = await t.createUser('reviewer');
      const second = await signIn(user.email, password);
      const res = await t.admin.patch(`/users/${user.id}`).send({ password: 'a-brand-new-password' }).expect(200);
      expect(res.body.id).toBe(user.id);
      await client.get('/auth/me').expect(401);
      await me(second).expect(401);
      await signIn(user.email, 'a-brand-new-password');
    });

    it('ends the other sessions when users change their own password, and keeps them signed in here', async () => {
      const { user, client, password } = await t.createUser('viewer');
      const other = await signIn(user.email, password);
      const res = await client.post('/auth/password').send({ currentPassword: password, newPassword: 'my-own-new-password' }).expect(200);
      expect(res.body).toMatchObject({ id: user.id, type: 'user' });
      const renewed = cookieOf(res).split(';')[0]!;
      await me(renewed).expect(200);
      await client.get('/auth/me').expect(401);
      await me(other).expect(401);
      await request(t.baseUrl).post('/api/v1/auth/login').send({ email: user.email, password }).expect(401);
      const events = await t.db.read(() => t.db.manager.findBy(EventTable, { type: 'user.password_changed' }));
      expect(events.map((e) => e.data)).toContainEqual({ userId: user.id, email: user.email });
    });

    it('refuses a password change with the wrong current password and changes nothing', async () => {
      const { user, client, password } = await t.createUser('viewer');
      await client.post('/auth/password').send({ currentPassword: 'not-my-password', newPassword: 'another-new-password' }).expect(400);
      await client.get('/auth/me').expect(200);
      await signIn(user.email, password);
    });

    it('counts wrong current passwords like failed sign-ins and answers 429 after the fifth', async () => {
      const { client, password } = await t.createUser('viewer');
      const attempt = (currentPassword: string) => client.post('/auth/password').send({ currentPassword, newPassword: 'yet-another-password' });
      for (let i = 0; i < 5; i++) await attempt(`guess-${i}`).expect(400);
      const res = await attempt(password).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      await client.get('/auth/me').expect(200);
    });

    it('has no password to change for an API key', async () => {
      await t.automation.post('/auth/password').send({ currentPassword: 'x', newPassword: 'long-enough-password' }).expect(403);
    });

    it('ends every session of a deactivated user', async () => {
      const { user, client } = await t.createUser('reviewer');
      await t.admin.patch(`/users/${user.id}`).send({ active: false }).expect(200);
      await client.get('/auth/me').expect(401);
    });

    it('refuses a session whose user is inactive even if the session row survived', async () => {
      const { user, client } = await t.createUser('reviewer');
      await t.db.transaction(() => t.db.manager.update(UserTable, { id: user.id }, { active: false }));
      await client.get('/auth/me').expect(401);
    });
  });

  describe('cross-site requests with the session cookie', () => {
    let cookie: string;
    beforeAll(async () => {
      const { user, password } = await t.createUser('admin');
      cookie = await signIn(user.email, password);
    });
    const post = (path: string): request.Test => request(t.baseUrl).post(`/api/v1${path}`).set('cookie', cookie);
    const queueExists = async (key: string): Promise<boolean> =>
      ((await t.admin.get('/queues').expect(200)).body.items as Array<{ key: string }>).some((q) => q.key === key);

    it('refuses a forged cross-origin text/plain POST with 403 and writes nothing', async () => {
      const res = await post('/queues')
        .set('origin', 'https://evil.example')
        .set('content-type', 'text/plain')
        .send(JSON.stringify({ key: 'forged', name: 'Forged' }))
        .expect(403);
      expect(res.body.message).toMatch(/Cross-site request refused.*https:\/\/evil\.example/);
      expect(await queueExists('forged')).toBe(false);
    });

    it('refuses a change the browser marked cross-site, whatever its body', async () => {
      await post('/queues').set('sec-fetch-site', 'cross-site').send({ key: 'forged-2', name: 'Forged' }).expect(403);
      expect(await queueExists('forged-2')).toBe(false);
    });

    it('refuses a change with neither Origin, Referer nor Sec-Fetch-Site', async () => {
      await post('/queues').send({ key: 'forged-3', name: 'Forged' }).expect(403);
      expect(await queueExists('forged-3')).toBe(false);
    });

    it('refuses a same-origin change that is not JSON with 415', async () => {
      const res = await post('/queues')
        .set('origin', t.baseUrl)
        .set('content-type', 'text/plain')
        .send(JSON.stringify({ key: 'plain', name: 'Plain' }))
        .expect(415);
      expect(res.body.message).toMatch(/application\/json/);
      await post('/queues').set('origin', t.baseUrl).type('form').send('key=form&name=Form').expect(415);
      expect(await queueExists('plain')).toBe(false);
      expect(await queueExists('form')).toBe(false);
    });

    it('accepts JSON from our own origin (Origin, Referer or Sec-Fetch-Site) and body-less actions', async () => {
      await post('/queues').set('origin', t.baseUrl).send({ key: 'by-origin', name: 'By origin' }).expect(201);
      await post('/queues').set('referer', `${t.baseUrl}/queues`).send({ key: 'by-referer', name: 'By referer' }).expect(201);
      await post('/queues').set('sec-fetch-site', 'same-origin').send({ key: 'by-fetch-site', name: 'By fetch site' }).expect(201);
      await post('/auth/logout').expect(204);
    });

    it('leaves API-key requests alone: no browser sends them by itself', async () => {
      await t.automation.get('/auth/me').set('origin', 'https://elsewhere.example').expect(200);
    });
  });
});

describe('the Secure cookie behind a TLS proxy', () => {
  const loginOver = async (t: TestApp, proto?: string): Promise<string> => {
    const { user, password } = await t.createUser('viewer');
    const req = request(t.baseUrl).post('/api/v1/auth/login');
    if (proto) void req.set('x-forwarded-proto', proto);
    return cookieOf(await req.send({ email: user.email, password }).expect(200));
  };

  it('marks the cookie Secure when a trusted proxy says the request came over HTTPS', async () => {
    const t = await startTestApp({ config: { trustProxy: true } });
    try {
      expect(await loginOver(t, 'https')).toMatch(/;\s*Secure/i);
      expect(await loginOver(t)).not.toMatch(/;\s*Secure/i);
    } finally {
      await t.close();
    }
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted (the default), unless Secure is forced', async () => {
    const t = await startTestApp();
    try {
      expect(t.config.trustProxy).toBe(false);
      expect(await loginOver(t, 'https')).not.toMatch(/;\s*Secure/i);
    } finally {
      await t.close();
    }
    const forced = await startTestApp({ config: { secureCookies: true } });
    try {
      expect(await loginOver(forced)).toMatch(/;\s*Secure/i);
    } finally {
      await forced.close();
    }
  });
});
