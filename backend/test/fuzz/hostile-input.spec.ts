import { startTestApp, TestApp } from '../support/test-app';
import { flood } from './flood';
import { closeConnections, RawResponse, send } from './raw-http';

/** The findings of issue 16, one by one: each is refused fast with a 4xx that says why. */
describe('hostile input', () => {
  let t: TestApp;
  let apiKey: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp({ config: { trustProxy: true } });
    apiKey = { 'x-api-key': (await t.createApiKey(['admin', 'automation'])).key };
  });
  afterAll(async () => {
    closeConnections();
    await t.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
    send(t.baseUrl, { method: 'POST', path: `/api/v1${path}`, headers: { 'content-type': 'application/json', ...headers }, body });
  const get = (path: string, headers: Record<string, string> = {}): Promise<RawResponse> =>
    send(t.baseUrl, { method: 'GET', path: `/api/v1${path}`, headers });

  describe('bodies', () => {
    it('refuses a body nested 100,000 deep to /auth/login with 400 within a second', async () => {
      const started = Date.now();
      const res = await post('/auth/login', '['.repeat(100_000) + ']'.repeat(100_000));
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).message).toMatch(/nested deeper than 32 levels/);
    });

    it('refuses nesting deeper than 32 levels on a route that takes large bodies', async () => {
      const res = await post('/messages', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), apiKey);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).message).toMatch(/nested deeper than 32 levels/);
    });

    /** /health, asked every 20 ms while `traffic` is under way: each answer's status and time. */
    async function healthDuring(
      traffic: Promise<Array<number | string>>,
    ): Promise<{ statuses: number[]; slowestMs: number; floodStatuses: Array<number | string> }> {
      const timings: Array<{ status: number; ms: number }> = [];
      let done = false;
      const finished = traffic.finally(() => (done = true));
      while (!done || timings.length < 5) {
        const started = Date.now();
        const res = await get('/health');
        timings.push({ status: res.status, ms: Date.now() - started });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { statuses: [...new Set(timings.map((t) => t.status))], slowestMs: Math.max(...timings.map((t) => t.ms)), floodStatuses: await finished };
    }

    /**
     * The slowest /health answer of a quiet second: on a busy test machine the process itself may
     * wait for a core, which no server can help; what the server adds under attack is measured on top.
     */
    const quietSlowestMs = async (): Promise<number> =>
      (await healthDuring(new Promise((resolve) => setTimeout(() => resolve([]), 1_000)))).slowestMs;

    it('keeps /health answering within 200 ms while 10 bodies of 4 MB with many keys arrive at /auth/login', async () => {
      const quiet = await quietSlowestMs();
      const result = await healthDuring(flood(`${t.baseUrl}/api/v1/auth/login`, {}, 4 * 1024 * 1024, 10));
      for (const status of result.floodStatuses) expect([413, 'closed early']).toContain(status);
      expect(result.statuses).toEqual([200]);
      expect(result.slowestMs).toBeLessThan(quiet + 200);
    });

    it('refuses many keys on the route that takes 10 MiB before validation walks them, and /health stays quick', async () => {
      const quiet = await quietSlowestMs();
      const result = await healthDuring(flood(`${t.baseUrl}/api/v1/messages`, apiKey, 4 * 1024 * 1024, 10));
      for (const status of result.floodStatuses) expect([400, 'closed early']).toContain(status);
      expect(JSON.parse((await post('/messages', '{' + Array.from({ length: 2_001 }, (_, i) => `"k${i}":1`).join(',') + '}', apiKey)).body).message)
        .toMatch(/more than 2000 keys/);
      expect(result.statuses).toEqual([200]);
      expect(result.slowestMs).toBeLessThan(quiet + 200);
    });

    it('refuses an ordinary JSON body over 256 KiB with 413', async () => {
      const res = await post('/queues', JSON.stringify({ key: 'q', name: 'x'.repeat(300 * 1024) }), apiKey);
      expect(res.status).toBe(413);
    });

    it('refuses NUL characters and lone surrogates in strings and keys with 400', async () => {
      for (const body of ['{"email":"a\\u0000@x.test","password":"p"}', '{"email":"a\\ud800@x.test","password":"p"}', '{"a\\u0000":1}']) {
        const res = await post('/auth/login', body);
        expect(res.status).toBe(400);
      }
      const queue = await post('/queues', '{"key":"nul","name":"a\\u0000b"}', apiKey);
      expect(queue.status).toBe(400);
      expect(JSON.parse(queue.body).message).toMatch(/name contains a NUL character/);
    });
  });

  describe('urls', () => {
    it('refuses NUL, malformed percent-encoding and invalid UTF-8 in paths and queries with 400', async () => {
      for (const path of ['/queues/a%00b', '/queues/%ZZ', '/queues/%ED%A0%80', '/instances?processKey=a%00', '/instances?processKey=%E0%A4%A']) {
        const res = await get(path, apiKey);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
      }
    });

    it('refuses paging beyond 32 bits with 400 and a version beyond 32 bits with 404', async () => {
      expect((await get('/instances?offset=1e20', apiKey)).status).toBe(400);
      expect((await get('/instances?offset=2147483648', apiKey)).status).toBe(400);
      expect((await get('/processes/p/versions/99999999999', apiKey)).status).toBe(404);
    });
  });

  describe('null', () => {
    it('treats null for an optional field as not given, and keeps null where it clears a link', async () => {
      expect((await post('/queues', JSON.stringify({ key: 'nullable', name: 'Nullable', description: 'kept' }), apiKey)).status).toBe(201);
      const patch = await send(t.baseUrl, {
        method: 'PATCH',
        path: '/api/v1/queues/nullable',
        headers: { 'content-type': 'application/json', ...apiKey },
        body: JSON.stringify({ name: null, description: null, calendarKey: null }),
      });
      expect(patch.status).toBe(200);
      expect(JSON.parse(patch.body)).toMatchObject({ name: 'Nullable', description: 'kept', calendarKey: null });
    });

    it('refuses null for a required field with a field error, and a null password before it is hashed', async () => {
      const queue = await post('/queues', JSON.stringify({ key: null, name: 'Q' }), apiKey);
      expect(queue.status).toBe(400);
      expect(JSON.parse(queue.body).details.map((d: { field: string }) => d.field)).toContain('key');
      expect((await post('/auth/login', JSON.stringify({ email: 'a@example.test', password: null }))).status).toBe(400);
    });

    it('refuses a timer without an offset with 400', async () => {
      const res = await post('/timers', JSON.stringify({ anchorAt: '2026-12-01T09:00:00Z', resumeUrl: 'http://127.0.0.1:5678/webhook-waiting/1' }), apiKey);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body).details.map((d: { field: string }) => d.field)).toContain('offset');
    });
  });

  describe('security headers', () => {
    it('sends the usual security headers on API answers, errors included, and HSTS only over TLS', async () => {
      for (const res of [await get('/health'), await get('/no-such-route'), await get('/instances')]) {
        expect(res.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'referrer-policy': 'same-origin',
          'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
        });
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
      const overTls = await get('/health', { 'x-forwarded-proto': 'https' });
      expect(overTls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    });
  });
});
