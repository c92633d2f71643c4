import { createServer, IncomingMessage, Server } from 'node:http';
import { IsNull, Like, Not } from 'typeorm';
import type { AddressInfo } from 'node:net';
import { newId } from '../../src/common/ids';
import { OutboxTable } from '../../src/database/tables';
import { DeliveryLanes, PER_TARGET } from '../../src/outbox/delivery-lanes';
import { OutboxRepository } from '../../src/outbox/outbox.repository';
import { Receiver } from '../support/receiver';
import { launchWithTask, setUpReferralProcess } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

/** A webhook receiver that takes every request and never answers. */
class BlackHole {
  readonly waiting = new Set<IncomingMessage>();
  private constructor(private readonly server: Server) {}

  static async start(): Promise<BlackHole> {
    const server = createServer();
    const hole = new BlackHole(server);
    server.on('request', (request: IncomingMessage) => {
      hole.waiting.add(request);
      request.on('close', () => hole.waiting.delete(request));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return hole;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const MAX_DELAY_MS = 500;

/** The real worker, woken by commits (scheduler on), two real receivers on loopback. */
describe('delivery isolation', () => {
  let t: TestApp;
  let n8n: Receiver;
  let hole: BlackHole;
  beforeAll(async () => {
    n8n = await Receiver.start();
    hole = await BlackHole.start();
    t = await startTestApp({ config: { schedulerEnabled: true } });
    await setUpReferralProcess(t.admin);
  });
  afterAll(async () => {
    await t.close();
    await hole.close();
    await n8n.close();
  });

  /** Milliseconds from the decision to the resume call arriving at n8n. */
  async function resumeDelay(n: string): Promise<number> {
    const { task } = await launchWithTask(t.automation, n, { resumeUrl: `${n8n.url}/webhook-waiting/${n}` });
    const decidedAt = Date.now();
    await t.automation.post(`/tasks/${task.id}/decide`).send({ decision: 'accept' }).expect(200);
    const path = `/webhook-waiting/${n}`;
    for (;;) {
      const call = n8n.calls.find((c) => c.path === path);
      if (call) return call.at - decidedAt;
      if (Date.now() - decidedAt > 15_000) throw new Error(`the resume of ${n} never arrived`);
      await new Promise((done) => setTimeout(done, 2));
    }
  }

  it('keeps n8n resumes at their normal delay while a webhook target never answers', async () => {
    const idle: number[] = [];
    for (let i = 0; i < 5; i++) idle.push(await resumeDelay(`idle-${i}`));

    await t.automation.post('/webhooks').send({ events: ['*'], targetUrl: `${hole.url}/hook` }).expect(201);
    // Each case's launch, task and decision are events: the black hole gets more calls than its lane holds.
    for (let i = 0; i < 3; i++) await launchWithTask(t.automation, `load-${i}`);
    const started = Date.now();
    while (hole.waiting.size < 4 && Date.now() - started < 5_000) await new Promise((done) => setTimeout(done, 10));
    expect(hole.waiting.size).toBe(4);

    const busy: number[] = [];
    for (let i = 0; i < 5; i++) busy.push(await resumeDelay(`busy-${i}`));
    // The black hole was busy the whole time: its calls were still hanging, the lane full.
    expect(hole.waiting.size).toBe(4);
    expect(Math.max(...busy)).toBeLessThan(MAX_DELAY_MS);
    expect(median(busy)).toBeLessThan(Math.max(median(idle) * 5, 100));
  });

  it('leases only what fits the lanes: a backlog for one receiver is read, not rewritten, while its lane is full', async () => {
    const due = t.clock.now() - 1;
    const rows: OutboxTable[] = Array.from({ length: 30 }, (_, i) => ({
      id: newId(), kind: 'n8n_resume', target: `http://10.9.9.8:5678/webhook-waiting/${i}`, payload: {}, idempotencyKey: `backlog:${newId()}`,
      // Due long before anything earlier tests left pending, so the claim reads these first.
      instanceId: null, status: 'pending', attempts: 0, maxAttempts: 8, nextAttemptAt: 1_000 + i, lockedUntil: null, lastError: null, createdAt: due, deliveredAt: null,
    }));
    const repository = t.app.get(OutboxRepository);
    const lanes = new DeliveryLanes();
    // No worker runs in between: the rows are claimed here, then put back out of its reach.
    const { claimed, leased } = await t.db.transaction(async () => {
      await t.db.insert(OutboxTable, rows);
      const got = await repository.claimDue(due, due + 60_000, 25, { origins: [], kinds: [] }, (found) => lanes.fit(found));
      const locked = await t.db.manager.countBy(OutboxTable, { idempotencyKey: Like('backlog:%'), lockedUntil: Not(IsNull()) });
      await t.db.manager.delete(OutboxTable, rows.map((r) => r.id));
      return { claimed: got, leased: locked };
    });
    expect(claimed.map((c) => c.id)).toEqual(rows.slice(0, PER_TARGET).map((r) => r.id));
    expect(leased).toBe(PER_TARGET);
  });

  it('skips exactly the full lanes when claiming: not a longer port, not another kind', async () => {
    const due = t.clock.now() - 1;
    const row = (kind: OutboxTable['kind'], target: string | null): OutboxTable => ({
      id: newId(), kind, target, payload: {}, idempotencyKey: `lane:${newId()}`, instanceId: null, status: 'pending', attempts: 0,
      maxAttempts: 8, nextAttemptAt: due, lockedUntil: null, lastError: null, createdAt: due, deliveredAt: null,
    });
    const rows = [
      row('webhook', 'http://10.9.9.9:1234/a'),
      row('webhook', 'http://10.9.9.9:1234?b'),
      row('webhook', 'http://10.9.9.9:1234'),
      row('webhook', 'http://10.9.9.9:12345/c'),
      row('email', null),
      row('n8n_resume', 'http://10.9.9.9:1234x/d'),
    ];
    const repository = t.app.get(OutboxRepository);
    // No worker runs in between: the rows are claimed here, then put back out of its reach.
    const claimed = await t.db.transaction(async () => {
      await t.db.insert(OutboxTable, rows);
      const got = await repository.claimDue(due, due + 60_000, 100, { origins: ['http://10.9.9.9:1234'], kinds: ['email'] });
      await t.db.manager.delete(OutboxTable, rows.map((r) => r.id));
      return got;
    });
    expect(claimed.map((c) => c.target).sort()).toEqual(['http://10.9.9.9:12345/c', 'http://10.9.9.9:1234x/d']);
  });
});
