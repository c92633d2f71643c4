/**
 * Load benchmark of the backend over HTTP on the embedded SQLite default:
 * launches/s and decisions/s at 50 connections, with latency percentiles, next to what raw
 * better-sqlite3 does with single-row transactions on the same disk in the same run.
 *
 *   npm run bench -- backend-load      (from the repository root; `npm run bench` runs every bench)
 *
 * Writes the figures, the machine and the date into docs/BENCHMARKS.md (section "Backend load").
 * The same load on PostgreSQL, with one and two backends: backend-load-postgres.ts.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, writeSection } from './report';
import { startBackend } from './support/backend';
import { CONNECTIONS, DURATION_S, launchBody, load, measured, MeasuredRun, openTasks, setUp, tasksFor } from './support/load';

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
    const pids = [backend.pid];
    const loadBefore = loadavg()[0]!;
    const launches = await measured(pids, () => load(backend.url, key, () => '/api/v1/instances', launchBody('B')));
    const taskIds = await openTasks(backend, key, tasksFor(launches.rps));
    const decisions = await measured(pids, () => load(backend.url, key, (n) => `/api/v1/tasks/${taskIds[n % taskIds.length]}/decide`, () => ({ decision: 'approve' })));
    const raw = rawSqlite(dir);
    const row = (name: string, r: MeasuredRun) =>
      `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.cpuMs[0]!.toFixed(2)} | ${r.total} | ${r.non2xx} | ${r.errors} |`;
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
