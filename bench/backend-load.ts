/**
 * Load benchmark of the backend over HTTP on the embedded SQLite default:
 * launches/s and decisions/s at 50 connections, with latency percentiles, next to what raw
 * better-sqlite3 does with single-row transactions on the same disk in the same run.
 *
 *   npm run bench -- backend-load      (from the repository root; `npm run bench` runs every bench)
 *
 * Writes the figures, the machine and the date into docs/BENCHMARKS.md (section "Backend load").
 */
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, writeSection } from './report';
import { Backend, cpuSeconds, createApiKey, RESUME_ORIGIN, signIn, startBackend } from './support/backend';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15);

interface Run {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

async function setUp(backend: Backend): Promise<string> {
  const cookie = await signIn(backend);
  const key = await createApiKey(backend, cookie, ['automation']);
  const post = (path: string, body?: object) => backend.api(path, { method: 'POST', cookie, body: body && JSON.stringify(body) });
  await post('/queues', { key: 'reviewers', name: 'Reviewers' });
  await post('/processes', {
    key: 'bench',
    name: 'Bench',
    entityTypes: ['booking'],
    stages: [{ key: 'review', name: 'Review', ownerQueue: 'reviewers', slaMinutes: 60 }],
    decisions: [{ key: 'approve', label: 'Approve' }, { key: 'reject', label: 'Reject' }],
  });
  await post('/processes/bench/publish');
  return key;
}

function load(url: string, key: string, path: (n: number) => string, body: (n: number) => object): Promise<Run> {
  let n = 0;
  return new Promise((done, fail) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': key },
            setupRequest: (request) => {
              const i = n++;
              return { ...request, path: path(i), body: JSON.stringify(body(i)) };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return fail(error);
        done({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          total: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
  });
}

/** Pre-creates open tasks so the decision run decides a different task with every request. */
async function openTasks(backend: Backend, key: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const batch = 50;
  for (let start = 0; start < count; start += batch) {
    const made = await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, async (_, j) => {
        const n = start + j;
        const instance = (await (await backend.api('/instances', { method: 'POST', key, body: JSON.stringify({ processKey: 'bench', entity: { type: 'booking', externalId: `T-${n}` }, stageKey: 'review' }) })).json()) as { id: string };
        // As n8n's Await Decision creates them: deciding one also writes the outbox row that resumes the execution.
        const resumeUrl = `${RESUME_ORIGIN}/webhook-waiting/${n}`;
        const task = (await (await backend.api('/tasks', { method: 'POST', key, body: JSON.stringify({ instanceId: instance.id, queue: 'reviewers', title: `Task ${n}`, resumeUrl }) })).json()) as { id: string };
        return task.id;
      }),
    );
    ids.push(...made);
  }
  return ids;
}

async function measured(pid: number, run: () => Promise<Run>): Promise<Run & { cpuMs: number }> {
  const before = cpuSeconds(pid);
  const result = await run();
  return { ...result, cpuMs: ((cpuSeconds(pid) - before) * 1000) / Math.max(1, result.total) };
}

function rawSqlite(dir: string): number {
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, payload TEXT NOT NULL, created_at INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO t (id, payload, created_at) VALUES (?, ?, ?)');
  const write = db.transaction((i: number) => insert.run(`row-${i}`, JSON.stringify({ i }), Date.now()));
  const started = process.hrtime.bigint();
  let i = 0;
  while (process.hrtime.bigint() - started < 3_000_000_000n) write(i++);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return i / seconds;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-bench-'));
  const backend = await startBackend({ dataDir: join(dir, 'data') });
  try {
    const key = await setUp(backend);
    const pid = backend.pid;
    const loadBefore = loadavg()[0]!;
    const launches = await measured(pid, () => load(backend.url, key, () => '/api/v1/instances', (n) => ({
      processKey: 'bench',
      entity: { type: 'booking', externalId: `B-${n}`, name: `Booking ${n}` },
      data: { seats: n % 20 },
      stageKey: 'review',
    })));
    const taskIds = await openTasks(backend, key, Math.ceil(launches.rps * DURATION_S * 2.5) + 1000);
    const decisions = await measured(pid, () => load(backend.url, key, (n) => `/api/v1/tasks/${taskIds[n % taskIds.length]}/decide`, () => ({ decision: 'approve' })));
    const raw = rawSqlite(dir);
    const row = (name: string, r: Run & { cpuMs: number }) =>
      `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.cpuMs.toFixed(2)} | ${r.total} | ${r.non2xx} | ${r.errors} |`;
    const body = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}.`,
      `HTTP over loopback to the built backend (\`node backend/dist/main.js\`, SQLite file, WAL), autocannon with ${CONNECTIONS} connections for ${DURATION_S} s each, in the same process run as the raw baseline.`,
      'The scheduler and the outbox worker are off, so the runs measure the API alone: decisions write their resume row to the outbox, and its delivery is measured under "Timer lateness".',
      '',
      '| run | requests/s | p50 ms | p99 ms | backend CPU ms/request | requests | non-2xx | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      row('launch (POST /instances, new entity + instance + stage visit + 3 events)', launches),
      row('decide (POST /tasks/:id/decide, + outbox row for the n8n resume + event)', decisions),
      '',
      `Raw better-sqlite3, one single-row INSERT per transaction, same disk, WAL + synchronous=NORMAL: **${raw.toFixed(0)} transactions/s**.`,
      '',
      `Load average (1 min) ${loadBefore.toFixed(1)} before the runs, ${loadavg()[0]!.toFixed(1)} after, on 2 cores shared with autocannon and any other work: requests/s and latency move with it, the backend's CPU per request much less.`,
      '',
      `Targets (issue 2): ≥ 2,000 launches/s and ≥ 2,000 decisions/s with p99 < 50 ms → launches ${launches.rps >= 2000 && launches.p99 < 50 ? 'met' : 'NOT met'}, decisions ${decisions.rps >= 2000 && decisions.p99 < 50 ? 'met' : 'NOT met'}.`,
      decisions.non2xx > 0 ? `Note: ${decisions.non2xx} decisions answered non-2xx (a task decided twice once the run outpaced the pre-created tasks).` : '',
    ].join('\n');
    writeSection('Backend load', body);
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
