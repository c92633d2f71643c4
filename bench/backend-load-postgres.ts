/**
 * The backend-load runs (launch and decide, autocannon, 50 connections) on PostgreSQL: against one
 * backend process, then against two backend processes sharing one database with the connections
 * split evenly over them, next to raw single-row INSERTs through `pg` on the same server in the same
 * run. Each of the three runs gets a fresh database (bench_<random>, dropped after it).
 *
 *   npm run bench -- backend-load-postgres     (the machine's PostgreSQL, or BENCH_PG_URL)
 *
 * Besides the backends' CPU it counts the PostgreSQL server's (its processes serving the run's
 * database, and its background writers) and this process's (autocannon), and samples what the
 * database connections are doing, so the section can say what bounds the throughput.
 * Writes docs/BENCHMARKS.md, section "Backend load on PostgreSQL".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { machine, writeSection } from './report';
import { Backend, startBackend } from './support/backend';
import { CONNECTIONS, DURATION_S, launchBody, load, measured, MeasuredRun, openTasks, Run, setUp, tasksFor } from './support/load';
import { BenchDatabase, countServerCpu, createDatabase, sampleConnections, serverSettings } from './support/postgres';

/** The backend's pg pool size (extra.max in backend/src/database/data-source-options.ts); the raw baseline uses as many. */
const POOL = 20;
const RAW_S = 5;
/**
 * Launches before the measured runs, unmeasured: on PostgreSQL a cold backend spends more than twice
 * the CPU per request for its first thousand or so (the JIT has not yet compiled the TypeORM and pg
 * paths), which a short run at a few hundred requests/s would charge to the figures.
 */
const WARM_UP_S = 5;

/** A load run with everything that spent CPU on it, per request. */
interface Costed extends MeasuredRun {
  postgresMs: number;
  postgresBackgroundMs: number;
  clientMs: number;
  /** Share of pg_stat_activity samples per connection state, largest first. */
  connections: Array<{ state: string; share: number }>;
}

interface Topology {
  backends: number;
  launch: Costed;
  decide: Costed;
}

async function costed(database: BenchDatabase, pids: number[], run: () => Promise<Run>): Promise<Costed> {
  const server = await countServerCpu(database.name);
  const connections = await sampleConnections(database.name);
  const client = process.cpuUsage();
  const result = await measured(pids, run);
  const { user, system } = process.cpuUsage(client);
  const states = await connections();
  const used = await server();
  const perRequest = (seconds: number) => (seconds * 1000) / Math.max(1, result.total);
  return {
    ...result,
    postgresMs: perRequest(used.database),
    postgresBackgroundMs: perRequest(used.background),
    clientMs: perRequest((user + system) / 1e6),
    connections: states,
  };
}

/** Starts the backends one after another: the first runs the migrations, the next finds them done. */
async function startBackends(count: number, database: BenchDatabase, dir: string): Promise<Backend[]> {
  const backends: Backend[] = [];
  for (let i = 0; i < count; i++) backends.push(await startBackend({ dataDir: join(dir, `data-${i}`), env: { DATABASE_URL: database.url } }));
  return backends;
}

async function topology(count: number): Promise<Topology> {
  const database = await createDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-bench-pg-'));
  const backends: Backend[] = [];
  try {
    backends.push(...(await startBackends(count, database, dir)));
    const key = await setUp(backends[0]!);
    const urls = backends.map((b) => b.url);
    const pids = backends.map((b) => b.pid);
    await load(urls, key, () => '/api/v1/instances', launchBody('W'), WARM_UP_S);
    const launch = await costed(database, pids, () => load(urls, key, () => '/api/v1/instances', launchBody('B')));
    const taskIds = await openTasks(backends[0]!, key, tasksFor(launch.rps));
    const decide = await costed(database, pids, () => load(urls, key, (n) => `/api/v1/tasks/${taskIds[n % taskIds.length]}/decide`, () => ({ decision: 'approve' })));
    return { backends: count, launch, decide };
  } finally {
    await Promise.all(backends.map((b) => b.stop()));
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Single-row INSERTs, each its own transaction (autocommit), from POOL connections at once for RAW_S. */
async function rawInserts(): Promise<{ tps: number; postgresMs: number }> {
  const database = await createDatabase();
  const pool = new Pool({ connectionString: database.url, max: POOL });
  try {
    await pool.query('CREATE TABLE t (id TEXT PRIMARY KEY, payload JSONB NOT NULL, created_at BIGINT NOT NULL)');
    await Promise.all(Array.from({ length: POOL }, () => pool.query('SELECT 1')));
    const server = await countServerCpu(database.name);
    const started = Date.now();
    let i = 0;
    await Promise.all(
      Array.from({ length: POOL }, async () => {
        while (Date.now() - started < RAW_S * 1000) {
          const n = i++;
          await pool.query('INSERT INTO t (id, payload, created_at) VALUES ($1, $2, $3)', [`row-${n}`, JSON.stringify({ n }), Date.now()]);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const used = await server();
    return { tps: i / seconds, postgresMs: (used.database * 1000) / i };
  } finally {
    await pool.end();
    await database.drop();
  }
}

const round = (value: number, digits = 2) => value.toFixed(digits);

function row(name: string, backends: number, r: Costed): string {
  const cpu = r.cpuMs.map((ms) => round(ms)).join(' + ');
  return `| ${name} | ${backends} | ${round(r.rps, 0)} | ${r.p50} | ${r.p99} | ${cpu} | ${round(r.postgresMs)} | ${round(r.postgresBackgroundMs)} | ${round(r.clientMs)} | ${r.total} | ${r.non2xx} | ${r.errors} |`;
}

/** How many of the machine's cores the measured processes kept busy: CPU per request × requests per second. */
function coresBusy(r: Costed): number {
  const perRequest = r.cpuMs.reduce((a, b) => a + b, 0) + r.postgresMs + r.postgresBackgroundMs + r.clientMs;
  return (perRequest * r.rps) / 1000;
}

function where(name: string, r: Costed): string {
  const backend = r.cpuMs.reduce((a, b) => a + b, 0);
  const states = r.connections.slice(0, 4).map((s) => `${s.state} ${round(s.share * 100, 0)} %`).join(', ');
  return `- ${name}: backend ${round(backend)} + PostgreSQL ${round(r.postgresMs + r.postgresBackgroundMs)} + autocannon ${round(r.clientMs)} ms of CPU per request; at ${round(r.rps, 0)} requests/s that keeps **${round(coresBusy(r), 1)} of ${cpus().length} cores** busy. Database connections sampled every 100 ms: ${states}.`;
}

/** What the figures say bounds the throughput, from the cores the measured processes used and what the connections waited for. */
function bound(runs: Costed[], loadBefore: number, loadAfter: number): string {
  const cores = cpus().length;
  const busiest = Math.max(...runs.map(coresBusy));
  const share = (r: Costed, state: string) => r.connections.find((s) => s.state === state)?.share ?? 0;
  const waitingForBackend = Math.min(...runs.map((r) => share(r, 'idle in transaction')));
  const cpu = busiest < cores * 0.75
    ? `the measured processes together kept at most ${round(busiest, 1)} of the ${cores} cores busy while the load average was ${round(loadBefore, 1)} to ${round(loadAfter, 1)}: the rest of the CPU went to other work on the machine, so requests/s here are the share they got, and the CPU per request is the figure to compare`
    : `the CPU: backends, PostgreSQL and autocannon together kept ${round(busiest, 1)} of the ${cores} cores busy, so a second backend process adds no core, it only moves the work`;
  const connections = waitingForBackend > 0.5
    ? ` In every run the database connections were mostly (at least ${round(waitingForBackend * 100, 0)} % of the samples) idle in transaction, that is waiting for the backend process between statements, not for a lock or the disk.`
    : '';
  return `What bounds it: ${cpu}.${connections}`;
}

async function main(): Promise<void> {
  const settings = await serverSettings();
  const loadBefore = loadavg()[0]!;
  const raw = await rawInserts();
  const one = await topology(1);
  const two = await topology(2);
  const loadAfter = loadavg()[0]!;
  const ratio = (a: number, b: number) => round(a / b);
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, PostgreSQL ${settings.version} on the same machine (fsync ${settings.fsync}, synchronous_commit ${settings.synchronousCommit}).`,
    `The "Backend load" runs on PostgreSQL: HTTP over loopback to the built backend (\`node backend/dist/main.js\`, \`DATABASE_URL=postgres://…\`, pg pool of ${POOL} connections per process), autocannon with ${CONNECTIONS} connections for ${DURATION_S} s each; with two backend processes on one database, autocannon spreads its connections over both (${CONNECTIONS / 2} each) and measures all requests in one histogram. The second process starts once the first has run the migrations. Each topology gets ${WARM_UP_S} s of unmeasured launches first. The scheduler and the outbox worker are off in every process. Each of the three runs below has a fresh database.`,
    '',
    '| run | backends | requests/s | p50 ms | p99 ms | backend CPU ms/request (per process) | PostgreSQL CPU ms/request | PostgreSQL background ms/request | autocannon CPU ms/request | requests | non-2xx | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('launch (POST /instances)', 1, one.launch),
    row('launch (POST /instances)', 2, two.launch),
    row('decide (POST /tasks/:id/decide)', 1, one.decide),
    row('decide (POST /tasks/:id/decide)', 2, two.decide),
    '',
    `Raw baseline, same server, same run: one single-row INSERT per transaction (autocommit) through \`pg\` from ${POOL} connections at once (the size of one backend's pool) for ${RAW_S} s: **${round(raw.tps, 0)} transactions/s**, ${round(raw.postgresMs, 3)} ms of PostgreSQL CPU each.`,
    '',
    '| ratio | launch | decide |',
    '| --- | ---: | ---: |',
    `| one backend / raw INSERT | ${ratio(one.launch.rps, raw.tps)} | ${ratio(one.decide.rps, raw.tps)} |`,
    `| two backends / raw INSERT | ${ratio(two.launch.rps, raw.tps)} | ${ratio(two.decide.rps, raw.tps)} |`,
    `| two backends / one backend | **${ratio(two.launch.rps, one.launch.rps)}** | **${ratio(two.decide.rps, one.decide.rps)}** |`,
    '',
    'Where the time goes (PostgreSQL CPU: its processes serving the run\'s database; background: its WAL writer, checkpointer and background writer, shared with any other database on the server):',
    where('launch, one backend', one.launch),
    where('launch, two backends', two.launch),
    where('decide, one backend', one.decide),
    where('decide, two backends', two.decide),
    '',
    bound([one.launch, two.launch, one.decide, two.decide], loadBefore, loadAfter),
    '',
    `Load average (1 min) ${round(loadBefore, 1)} before the runs, ${round(loadAfter, 1)} after; the machine is shared with other work, so requests/s and latency move with it, the CPU per request much less.`,
  ].join('\n');
  writeSection('Backend load on PostgreSQL', body);
  console.log(body);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
