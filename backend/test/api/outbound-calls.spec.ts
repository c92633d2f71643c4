import { newId } from '../../src/common/ids';
import { OutboxTable, TaskTable, TimerTable, WebhookSubscriptionTable } from '../../src/database/tables';
import { OutboundPolicy } from '../../src/outbox/outbound-policy';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { Receiver } from '../support/receiver';
import { setUpReferralProcess, student } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A backend configured like production: one n8n (the receiver `n8n` plays it), no webhook
 * allow-list. Host names resolve through a table (`dns`) instead of a DNS server.
 */
describe('outbound calls (SSRF)', () => {
  let t: TestApp;
  let n8n: Receiver;
  let other: Receiver;
  let worker: OutboxWorker;
  const dns = new Map<string, string[]>([['hooks.example.com', ['93.184.215.14']]]);

  beforeAll(async () => {
    n8n = await Receiver.start();
    other = await Receiver.start();
    t = await startTestApp({ config: { allowedResumeOrigins: [], webhookAllowedHosts: ['*.allowed.test'] } });
    t.config.n8n = { url: 'http://127.0.0.1:1', apiKey: 'unused', webhookBaseUrl: n8n.url };
    t.app.get(OutboundPolicy).useLookup(async (host) => dns.get(host) ?? (/^[\d.]+$|:/.test(host) ? [host] : Promise.reject(new Error('ENOTFOUND'))));
    worker = t.app.get(OutboxWorker);
    await setUpReferralProcess(t.admin);
  });
  afterAll(async () => {
    await t.close();
    await n8n.close();
    await other.close();
  });

  const launch = async (n: string) =>
    (await t.automation.post('/instances').send({ processKey: 'referral', entity: student(n), stageKey: 'review' }).expect(201)).body as { id: string };
  const createTask = (instanceId: string, resumeUrl: string) =>
    t.automation.post('/tasks').send({ instanceId, queue: 'advisors', title: 'Review', resumeUrl });
  const createTimer = (resumeUrl: string) =>
    t.automation.post('/timers').send({ anchorAt: '2026-12-01T09:00:00Z', offset: { amount: 1, unit: 'days' }, resumeUrl });
  const createHook = (targetUrl: string) => t.automation.post('/webhooks').send({ events: ['*'], targetUrl });
  const rows = () =>
    t.db.read(async () => [await t.db.manager.count(TaskTable), await t.db.manager.count(TimerTable), await t.db.manager.count(WebhookSubscriptionTable)]);

  const FORBIDDEN_RESUMES = [
    'http://169.254.169.254/latest/meta-data/',
    'http://127.0.0.1:6379/webhook-waiting/1',
    'http://localhost:5432/webhook-waiting/1',
    'http://10.0.0.5:6379/webhook-waiting/1',
    'http://192.168.1.10/webhook-waiting/1',
    'http://[::1]:6379/webhook-waiting/1',
  ];

  describe('resume URLs', () => {
    it('accepts the configured n8n for tasks and timers', async () => {
      const instance = await launch('ok');
      await createTask(instance.id, `${n8n.url}/webhook-waiting/ok?signature=abc`).expect(201);
      await createTimer(`${n8n.url}/webhook-waiting/ok-timer`).expect(201);
    });

    it('refuses every other origin with 400 naming the setting, and writes nothing', async () => {
      const instance = await launch('forbidden');
      const before = await rows();
      for (const url of FORBIDDEN_RESUMES) {
        const origin = new URL(url).origin;
        for (const res of [await createTask(instance.id, url), await createTimer(url)]) {
          expect(res.status).toBe(400);
          expect(res.body.message).toBe(
            `resumeUrl: ${origin} is not an n8n this backend is configured for; set N8N_WEBHOOK_URL or CASEFLOW_ALLOWED_RESUME_ORIGINS`,
          );
        }
      }
      expect(await rows()).toEqual(before);
    });

    it('refuses credentials in the URL, even on the configured n8n, without echoing them', async () => {
      const instance = await launch('creds');
      const url = n8n.url.replace('http://', 'http://user:secret@');
      const res = await createTask(instance.id, `${url}/webhook-waiting/1`).expect(400);
      expect(res.body.message).toMatch(/^resumeUrl: .* carries credentials/);
      expect(JSON.stringify(res.body)).not.toContain('secret');
    });

    it('dead-letters a resume to a forbidden origin written before the rule, without calling it', async () => {
      const row = await insertDelivery('n8n_resume', `${other.url}/webhook-waiting/7?signature=s`);
      const before = other.calls.length;
      await worker.drain();
      const after = await reload(row.id);
      expect(after).toMatchObject({ status: 'dead', attempts: 1 });
      expect(after.lastError).toBe(`refused: ${other.url} is not an n8n this backend is configured for; set N8N_WEBHOOK_URL or CASEFLOW_ALLOWED_RESUME_ORIGINS`);
      expect(other.calls.length).toBe(before);
    });

    it('does not follow a redirect to another port: the delivery fails naming where it pointed', async () => {
      n8n.answer([[307, '', { location: `${other.url}/internal` }]]);
      const row = await insertDelivery('n8n_resume', `${n8n.url}/webhook-waiting/8`);
      const before = other.calls.length;
      await worker.drain();
      const after = await reload(row.id);
      expect(after.status).toBe('dead');
      expect(after.lastError).toBe(`n8n execution 8 answered 307 redirecting to ${other.url}; redirects are not followed, register the final URL`);
      expect(other.calls.length).toBe(before);
    });
  });

  describe('webhook targets', () => {
    it.each([
      ['loopback', 'http://127.0.0.1:6379/'],
      ['loopback by name', 'http://localhost:5432/'],
      ['IPv6 loopback', 'http://[::1]/'],
      ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/'],
      ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
      ['metadata by name', 'http://metadata.google.internal/computeMetadata/v1/'],
      ['a private range', 'http://10.1.2.3/hook'],
      ['another private range', 'http://172.20.0.1/hook'],
      ['link-local IPv6', 'http://[fe80::1]/hook'],
      ['unique local IPv6', 'http://[fd00:ec2::254]/hook'],
    ])('refuses %s with 400 naming CASEFLOW_WEBHOOK_ALLOWED_HOSTS', async (_, url) => {
      const res = await createHook(url).expect(400);
      expect(res.body.message).toBe(
        `targetUrl: ${new URL(url).origin} is a local, private or metadata address; list the host in CASEFLOW_WEBHOOK_ALLOWED_HOSTS to allow it`,
      );
    });

    it('refuses a public name that resolves to a private address, and one that does not resolve', async () => {
      dns.set('internal.example.com', ['93.184.215.14', '10.0.0.7']);
      await createHook('https://internal.example.com/hook').expect(400);
      const res = await createHook('https://nowhere.example.com/hook').expect(400);
      expect(res.body.message).toBe('targetUrl: https://nowhere.example.com: the host name does not resolve');
    });

    it('refuses credentials in the URL', async () => {
      const res = await createHook('https://user:secret@hooks.example.com/hook').expect(400);
      expect(res.body.message).toMatch(/carries credentials/);
    });

    it('accepts a public host, the configured n8n (its Caseflow Triggers) and a listed host wherever they resolve', async () => {
      await createHook('https://hooks.example.com/hook').expect(201);
      await createHook(`${n8n.url}/webhook/caseflow-trigger`).expect(201);
      dns.set('ci.allowed.test', ['10.0.0.9']);
      await createHook('http://ci.allowed.test:8080/hook').expect(201);
      const listed = await t.automation.get('/webhooks?limit=500').expect(200);
      for (const { id } of listed.body.items as Array<{ id: string }>) await t.automation.delete(`/webhooks/${id}`).expect(204);
    });

    it('refuses at delivery a host whose DNS now answers a private address (rebinding)', async () => {
      dns.set('rebind.example.com', ['93.184.215.14']);
      await createHook('http://rebind.example.com/hook').expect(201);
      dns.set('rebind.example.com', ['127.0.0.1']);
      const row = await insertDelivery('webhook', 'http://rebind.example.com/hook');
      await worker.drain();
      expect(await reload(row.id)).toMatchObject({
        status: 'dead',
        lastError: 'refused: http://rebind.example.com is a local, private or metadata address; list the host in CASEFLOW_WEBHOOK_ALLOWED_HOSTS to allow it',
      });
    });
  });

  const reload = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(OutboxTable, { id }));
  async function insertDelivery(kind: 'n8n_resume' | 'webhook', target: string): Promise<OutboxTable> {
    const row: OutboxTable = {
      id: newId(),
      kind,
      target,
      payload: { kind: 'test' },
      idempotencyKey: `test:${newId()}`,
      instanceId: null,
      status: 'pending',
      attempts: 0,
      maxAttempts: 8,
      nextAttemptAt: t.clock.now(),
      lockedUntil: null,
      lastError: null,
      createdAt: t.clock.now(),
      deliveredAt: null,
    };
    await t.db.transaction(() => t.db.insert(OutboxTable, row));
    return row;
  }
});
