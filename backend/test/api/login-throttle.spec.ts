import request from 'supertest';
import { THROTTLE_CAP_MS } from '../../src/auth/login-throttle.policy';
import { EventTable, UserTable } from '../../src/database/tables';
import { startTestApp, TestApp } from '../support/test-app';

describe('login throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Trusting the proxy lets each test speak from the address it names in X-Forwarded-For.
    t = await startTestApp({ config: { trustProxy: true } });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string, address: string): request.Test =>
    request(t.baseUrl).post('/api/v1/auth/login').set('x-forwarded-for', address).send({ email, password });
  const eventsOf = (type: string): Promise<EventTable[]> => t.db.read(() => t.db.manager.findBy(EventTable, { type }));

  let user: UserTable;
  let password: string;
  beforeEach(async () => {
    ({ user, password } = await t.createUser('reviewer'));
  });

  it('answers 400 wrong logins at 25 per second with 429 after the fifth, and keeps refusing the right password', async () => {
    const statuses: number[] = [];
    let retryAfter = '';
    for (let i = 0; i < 400; i++) {
      const res = await login(user.email, `wrong-${i}`, '203.0.113.7');
      statuses.push(res.status);
      if (res.status === 429) retryAfter = String(res.headers['retry-after']);
      t.clock.advance(40);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);

    const blocked = await login(user.email, password, '203.0.113.7').expect(429);
    expect(blocked.headers['set-cookie']).toBeUndefined();
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(THROTTLE_CAP_MS / 1000);
    expect(blocked.body.message).toMatch(/Too many failed sign-ins/);

    // Another address is not held back by this one's guesses.
    await login(user.email, password, '198.51.100.20').expect(200);

    const failed = (await eventsOf('auth.login_failed')).filter((e) => e.data.email === user.email);
    expect(failed).toHaveLength(5);
    expect(failed[0]!.data).toMatchObject({ address: '203.0.113.7', userId: user.id });
    const throttled = (await eventsOf('auth.login_throttled')).filter((e) => e.data.email === user.email);
    expect(throttled.map((e) => e.data.scope)).toEqual(['pair']);
  });

  it('lets the right password in again once the back-off has passed', async () => {
    for (let i = 0; i < 5; i++) await login(user.email, 'wrong', '203.0.113.8').expect(401);
    const res = await login(user.email, password, '203.0.113.8').expect(429);
    t.clock.advance(Number(res.headers['retry-after']) * 1000);
    await login(user.email, password, '203.0.113.8').expect(200);
  });

  it('doubles the back-off with each further failure and never blocks longer than the cap', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 15; i++) {
      let res = await login(user.email, 'wrong', '203.0.113.9');
      while (res.status === 429) {
        waits.push(Number(res.headers['retry-after']));
        t.clock.advance(Number(res.headers['retry-after']) * 1000);
        res = await login(user.email, 'wrong', '203.0.113.9');
      }
      expect(res.status).toBe(401);
    }
    expect(waits.slice(0, 5)).toEqual([32, 64, 128, 256, 512]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(THROTTLE_CAP_MS / 1000);
    await login(user.email, password, '203.0.113.9').expect(429);
    t.clock.advance(THROTTLE_CAP_MS);
    await login(user.email, password, '203.0.113.9').expect(200);
  });

  it('clears an address’s counters when a sign-in from it succeeds', async () => {
    for (let i = 0; i < 4; i++) await login(user.email, 'wrong', '203.0.113.10').expect(401);
    await login(user.email, password, '203.0.113.10').expect(200);
    for (let i = 0; i < 4; i++) await login(user.email, 'wrong', '203.0.113.10').expect(401);
    await login(user.email, password, '203.0.113.10').expect(200);
  });

  it('slows down one address trying many accounts', async () => {
    for (let i = 0; i < 20; i++) await login(`nobody-${i}@example.test`, 'wrong', '203.0.113.11').expect(401);
    await login(user.email, password, '203.0.113.11').expect(429);
    await login(user.email, password, '203.0.113.12').expect(200);
  });

  it('blocks an account guessed at from many addresses only briefly, past a much higher cap', async () => {
    for (let a = 0; a < 25; a++) {
      for (let i = 0; i < 4; i++) await login(user.email, 'wrong', `192.0.2.${a}`).expect(401);
    }
    const res = await login(user.email, password, '198.51.100.99').expect(429);
    expect(Number(res.headers['retry-after'])).toBe(32);
    t.clock.advance(32_000);
    await login(user.email, password, '198.51.100.99').expect(200);
  });

  it('slows down wrong API keys per address, keeps good keys working, and answers 429 with Retry-After', async () => {
    const wrongKey = (address: string): request.Test =>
      request(t.baseUrl).get('/api/v1/auth/me').set('x-forwarded-for', address).set('x-api-key', 'cf_0123456789ab_notarealkeynotarealkey');
    for (let i = 0; i < 20; i++) await wrongKey('203.0.113.13').expect(401);
    const res = await wrongKey('203.0.113.13').expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await t.automation.get('/auth/me').set('x-forwarded-for', '203.0.113.13').expect(200);
    await wrongKey('203.0.113.14').expect(401);
    const throttled = await eventsOf('auth.api_key_throttled');
    expect(throttled.map((e) => e.data.address)).toContain('203.0.113.13');
  });
});
