/**
 * Inbox paging with 100,000 open tasks: how long the reviewer's inbox queries take over HTTP
 * once the queue is that deep, next to the same queries with 1,000 open tasks in the same run.
 *
 *   npm run bench -- inbox-paging
 *
 * Seeds tasks straight into the SQLite file (a second connection, as the WAL allows) because
 * creating 100,000 through the API would measure the API's write path, not the inbox.
 * Writes docs/BENCHMARKS.md section "Inbox paging".
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, writeSection } from './report';
import { Backend, signIn, startBackend } from './support/backend';

const SAMPLES = 60;

/** One instance of a published process in an "inbox" queue; returns what the tasks point at. */
async function setUp(backend: Backend): Promise<{ cookie: string; instanceId: string; queueId: string }> {
  const cookie = await signIn(backend);
  const post = async <T>(path: string, body?: object): Promise<T> =>
    (await (await backend.api(path, { method: 'POST', cookie, body: body && JSON.stringify(body) })).json()) as T;
  const queue = await post<{ id: string }>('/queues', { key: 'inbox', name: 'Inbox' });
  await post('/processes', { key: 'bench', name: 'Bench', entityTypes: ['booking'], stages: [{ key: 'review', name: 'Review', ownerQueue: 'inbox' }], decisions: [{ key: 'ok', label: 'OK' }] });
  await post('/processes/bench/publish');
  const instance = await post<{ id: string }>('/instances', { processKey: 'bench', entity: { type: 'booking', externalId: 'B-1' }, stageKey: 'review' });
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

async function time(backend: Backend, path: string, cookie: string): Promise<{ p50: number; p99: number }> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await (await backend.api(path, { cookie })).text();
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
  const backend = await startBackend({ dataDir: dir });
  try {
    const { cookie, instanceId, queueId } = await setUp(backend);
    const file = join(dir, 'caseflow.sqlite');
    seedTasks(file, instanceId, queueId, 1_000);
    const small: Array<{ p50: number; p99: number }> = [];
    for (const [, path] of QUERIES) small.push(await time(backend, path, cookie));
    seedTasks(file, instanceId, queueId, 99_000);
    const large: Array<{ p50: number; p99: number }> = [];
    for (const [, path] of QUERIES) large.push(await time(backend, path, cookie));
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
    await backend.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
