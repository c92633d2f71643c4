/**
 * Inbox paging with 100,000 open tasks: how long the reviewer's inbox queries take over HTTP
 * once the queue is that deep, next to the same queries with 1,000 open tasks in the same run.
 *
 *   npx tsx bench/inbox-paging.ts      (after npm run build -w backend)
 *
 * Seeds tasks straight into the SQLite file (a second connection, as the WAL allows) because
 * creating 100,000 through the API would measure the API's write path, not the inbox.
 * Writes docs/BENCHMARKS.md section "Inbox paging".
 */
import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { machine, writeSection } from './report';

const ROOT = resolve(__dirname, '..');
const PORT = 3197;
const BASE = `http://127.0.0.1:${PORT}/api/v1`;
const ADMIN = { email: 'bench@example.test', password: 'bench-password-123' };
const SAMPLES = 60;

async function call(path: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) };
  const res = await fetch(`${BASE}${path}`, { ...init, headers });
  if (res.status >= 300) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function startBackend(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'backend/dist/main.js')], {
    env: { ...process.env, PORT: String(PORT), CASEFLOW_DATA_DIR: dataDir, CASEFLOW_ADMIN_EMAIL: ADMIN.email, CASEFLOW_ADMIN_PASSWORD: ADMIN.password, CASEFLOW_SCHEDULER: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let waited = 0; waited < 30_000; waited += 200) {
    if (await fetch(`${BASE}/health`).then((r) => r.ok).catch(() => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('backend did not start');
}

/** One instance of a published process in an "inbox" queue; returns what the tasks point at. */
async function setUp(): Promise<{ cookie: string; instanceId: string; queueId: string }> {
  const login = await call('/auth/login', { method: 'POST', body: JSON.stringify(ADMIN) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const queue = (await (await call('/queues', { method: 'POST', cookie, body: JSON.stringify({ key: 'inbox', name: 'Inbox' }) })).json()) as { id: string };
  await call('/processes', { method: 'POST', cookie, body: JSON.stringify({ key: 'bench', name: 'Bench', entityTypes: ['booking'], stages: [{ key: 'review', name: 'Review', ownerQueue: 'inbox' }], decisions: [{ key: 'ok', label: 'OK' }] }) });
  await call('/processes/bench/publish', { method: 'POST', cookie });
  const instance = (await (await call('/instances', { method: 'POST', cookie, body: JSON.stringify({ processKey: 'bench', entity: { type: 'booking', externalId: 'B-1' }, stageKey: 'review' }) })).json()) as { id: string };
  return { cookie, instanceId: instance.id, queueId: queue.id };
}

function seedTasks(file: string, instanceId: string, queueId: string, count: number): void {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(
    `INSERT INTO tasks (id, instance_id, stage_key, queue_id, title, instructions, decisions, fields, due_at, priority, status, created_at, updated_at)
     VALUES (?, ?, 'review', ?, ?, '', '[{"key":"ok","label":"OK"}]', '[]', ?, ?, 'open', ?, ?)`,
  );
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const created = now - i * 1000;
      insert.run(randomUUID(), instanceId, queueId, `Task ${i}`, created + ((i * 7919) % 172_800) * 1000 - 86_400_000, 1 + (i % 4), created, created);
    }
  })();
  db.close();
}

async function time(path: string, cookie: string): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await (await call(path, { cookie })).text();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(SAMPLES / 2)]!, p99: samples[Math.floor(SAMPLES * 0.99)]! };
}

const QUERIES: Array<[string, string]> = [
  ['first page, due soonest', '/tasks?limit=50'],
  ['first page, by priority', '/tasks?sort=priority&limit=50'],
  ['overdue only', '/tasks?overdue=true&limit=50'],
  ['unassigned, one queue', '/tasks?queue=inbox&assignee=unassigned&limit=50'],
  ['page 1,000 (offset 49,950)', '/tasks?limit=50&offset=49950'],
  ['counts per queue', '/tasks/counts'],
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-inbox-'));
  const backend = await startBackend(dir);
  try {
    const { cookie, instanceId, queueId } = await setUp();
    const file = join(dir, 'caseflow.sqlite');
    seedTasks(file, instanceId, queueId, 1_000);
    const small: Array<{ p50: number; p99: number }> = [];
    for (const [, path] of QUERIES) small.push(await time(path, cookie));
    seedTasks(file, instanceId, queueId, 99_000);
    const large: Array<{ p50: number; p99: number }> = [];
    for (const [, path] of QUERIES) large.push(await time(path, cookie));
    const rows = QUERIES.map(([name], i) => `| ${name} | ${small[i]!.p50.toFixed(1)} | ${small[i]!.p99.toFixed(1)} | ${large[i]!.p50.toFixed(1)} | ${large[i]!.p99.toFixed(1)} |`);
    const body = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, load average ${loadavg()[0]!.toFixed(1)} at the end.`,
      `GET requests one after another over loopback to the built backend (SQLite, WAL), signed in as an admin, ${SAMPLES} samples each; the same queries at 1,000 and at 100,000 open tasks in one queue, in the same run.`,
      '',
      '| query | 1k p50 ms | 1k p99 ms | 100k p50 ms | 100k p99 ms |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n');
    writeSection('Inbox paging', body);
    console.log(body);
  } finally {
    backend.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
