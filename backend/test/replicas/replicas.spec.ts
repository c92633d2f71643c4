import { Client } from 'pg';
import { createTestDatabase, TEST_DB, TestDatabase } from '../support/database';
import { Receiver } from '../support/receiver';
import { BackendProcess, startBackend } from './backend-process';

const TIMERS = 300;
const CASES = 60;
const LADDER_STEPS = 2;
const SECRET = 'replica-signing-secret';
const ADMIN = { email: 'replicas@example.test', password: 'replica-password-123' };

// SQLite is one file written by one process by design; several replicas need PostgreSQL.
const onPostgres = TEST_DB === 'postgres' ? describe : describe.skip;
if (TEST_DB !== 'postgres') {
  // eslint-disable-next-line no-console
  console.info('replicas.spec: skipped on SQLite (one process by design); run with CASEFLOW_TEST_DB=postgres');
}

onPostgres('three backend replicas on one PostgreSQL database', () => {
  jest.setTimeout(240_000);
  let database: TestDatabase;
  let replicas: BackendProcess[] = [];
  let receiver: Receiver;
  let pg: Client;
  let key = '';

  const call = async (replica: BackendProcess, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${replica.url}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} on ${replica.url}: ${res.status} ${text}`);
    return { body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const count = async (sql: string): Promise<number> => Number((await pg.query(sql)).rows[0].count);

  beforeAll(async () => {
    database = await createTestDatabase();
    if (database.config.type !== 'postgres') throw new Error('expected PostgreSQL');
    receiver = await Receiver.start();
    const env = { DATABASE_URL: database.config.url, CASEFLOW_SIGNING_SECRET: SECRET, CASEFLOW_ALLOWED_RESUME_ORIGINS: receiver.url };
    // The first one migrates the empty database and creates the admin; then two more join it.
    replicas.push(await startBackend({ ...env, CASEFLOW_ADMIN_EMAIL: ADMIN.email, CASEFLOW_ADMIN_PASSWORD: ADMIN.password }));
    replicas.push(...(await Promise.all([startBackend(env), startBackend(env)])));
    pg = new Client({ connectionString: database.config.url });
    await pg.connect();

    const login = await call(replicas[0]!, 'POST', '/auth/login', ADMIN);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const admin = (method: string, path: string, body?: unknown) => call(replicas[0]!, method, path, body, { cookie, origin: replicas[0]!.url });
    await admin('POST', '/queues', { key: 'desk', name: 'Desk' });
    await admin('POST', '/queues', { key: 'supervisors', name: 'Supervisors' });
    await admin('POST', '/processes', {
      key: 'claims',
      name: 'Claims',
      entityTypes: ['invoice'],
      stages: [{
        key: 'review',
        name: 'Review',
        ownerQueue: 'desk',
        slaMinutes: 60,
        escalation: [
          { atPercent: 50, action: 'escalate', toQueue: 'desk', priority: 3 },
          { atPercent: 100, action: 'escalate', toQueue: 'supervisors', priority: 4 },
        ],
      }],
      decisions: [{ key: 'pay', label: 'Pay' }],
    });
    await admin('POST', '/processes/claims/publish');
    key = (await admin('POST', '/api-keys', { name: 'replicas', scopes: ['automation'] })).body.key;
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await pg?.end();
    await receiver?.close();
    await database?.drop();
  });

  it('fires every timer, breach and ladder step exactly once', async () => {
    // Overdue work: cases whose stage and task fell due two hours ago, all at the same moment.
    for (let i = 0; i < CASES; i++) {
      const replica = replicas[i % replicas.length]!;
      const instance = (await call(replica, 'POST', '/instances', {
        processKey: 'claims',
        stageKey: 'review',
        entity: { type: 'invoice', externalId: `INV-${i}`, name: `Invoice ${i}` },
      })).body;
      await call(replica, 'POST', '/tasks', { instanceId: instance.id, queue: 'desk', stageKey: 'review', title: `Check ${i}`, dueInMinutes: 60 });
    }
    const fireAt = new Date(Date.now() + 8_000).toISOString();
    const timers: string[] = [];
    await Promise.all(
      Array.from({ length: TIMERS }, async (_, i) => {
        const replica = replicas[i % replicas.length]!;
        const res = await call(replica, 'POST', '/timers', { anchorAt: fireAt, offset: { amount: 0, unit: 'minutes' }, resumeUrl: `${receiver.url}/timer/${i}` });
        timers.push(res.body.id);
      }),
    );
    await pg.query('UPDATE stage_visits SET entered_at = entered_at - 7200000, sla_due_at = sla_due_at - 7200000');
    await pg.query('UPDATE tasks SET due_at = due_at - 7200000');

    const deadline = Date.now() + 90_000;
    const done = async () =>
      receiver.calls.length >= TIMERS &&
      (await count('SELECT COUNT(*) FROM escalations')) >= CASES * LADDER_STEPS &&
      (await count("SELECT COUNT(*) FROM events WHERE type = 'task.overdue'")) >= CASES;
    while (!(await done()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    await new Promise((r) => setTimeout(r, 4_000)); // time for any duplicate to show up

    const perTimer = new Map<string, number>();
    for (const c of receiver.calls) perTimer.set(c.path, (perTimer.get(c.path) ?? 0) + 1);
    expect(perTimer.size).toBe(TIMERS);
    expect([...perTimer.values()].every((n) => n === 1)).toBe(true);
    // On a loaded machine the last registrations can come after the fire time: those timers are "past"
    // at registration and resumed at once — still exactly once each.
    expect(await count("SELECT COUNT(*) FROM timers WHERE status IN ('fired', 'past')")).toBe(TIMERS);
    expect(await count("SELECT COUNT(*) FROM events WHERE type IN ('timer.fired', 'timer.past')")).toBe(TIMERS);
    expect(await count("SELECT COUNT(*) FROM outbox WHERE kind = 'n8n_resume' AND status = 'delivered'")).toBe(TIMERS);

    expect(await count("SELECT COUNT(*) FROM events WHERE type = 'stage.sla_breached'")).toBe(CASES);
    expect(await count("SELECT COUNT(*) FROM events WHERE type = 'task.overdue'")).toBe(CASES);
    const steps = await pg.query('SELECT instance_id, ladder_step, COUNT(*)::int AS n FROM escalations GROUP BY instance_id, ladder_step');
    expect(steps.rows).toHaveLength(CASES * LADDER_STEPS);
    expect(steps.rows.every((row: { n: number }) => row.n === 1)).toBe(true);
    expect(await count("SELECT COUNT(*) FROM events WHERE type = 'task.escalated'")).toBe(CASES * LADDER_STEPS);
    expect(await count("SELECT COUNT(*) FROM tasks t JOIN queues q ON q.id = t.queue_id WHERE q.key = 'supervisors' AND t.priority = 4")).toBe(CASES);
    for (const replica of replicas) expect(replica.child.exitCode).toBeNull();
  });
});
