/**
 * A year of history (issue 15): every report, the inbox's queries, a case page and the live map with
 * 1,000,000 closed cases and 100,000 open tasks, on SQLite and on PostgreSQL, over real HTTP to the
 * in-process app (as live-map.ts), next to a plain COUNT(*) of the cases measured in the same run.
 *
 *   npm run bench -- year-of-history
 *   npx tsx bench/year-of-history.ts --cases 50000 --engine sqlite --keep     develop small, keep the database
 *   npx tsx bench/year-of-history.ts --engine sqlite --reuse-sqlite /tmp/…/caseflow.sqlite   time a kept one again
 *
 * --engine sqlite|postgres (default both); --cases and --open-tasks (default 1,000,000 and 100,000);
 * --keep leaves the seeded databases (SQLite file; PostgreSQL database on BENCH_PG_URL's server) and
 * prints where, --seed-only seeds and keeps them without timing anything; --reuse-sqlite <file> and
 * --reuse-postgres <url> time kept ones without seeding; --only <text>[,<text>…] times only the
 * queries whose names contain one of them. Writes docs/BENCHMARKS.md section "A year of history"
 * when both engines ran every query at the default scale.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { createApp } from '../backend/dist/app';
import { loadConfig } from '../backend/dist/config/config';
import { Database } from '../backend/dist/database/database';
import { EscalationTable, EventTable, InstanceTable, MessageTable, OutboxTable, StageVisitTable, TaskTable, UserTable } from '../backend/dist/database/tables';
import { RollupSweep } from '../backend/dist/reports/rollups/rollup-sweep';
import { ADMIN } from './support/backend';
import { machine, writeSection } from './report';
import { seedYear } from './year-of-history-seed';
import { type Query, yearQueries } from './year-of-history-queries';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const FULL = { cases: 1_000_000, openTasks: 100_000 };
const WARM_UP = 1;
/** A query slower than this in all stops sampling early (n says how many): its p99 is then the slowest of fewer samples. */
const BUDGET_MS = 8_000;

type Engine = 'SQLite' | 'PostgreSQL';
interface Timing { samples: number; p50: number; p99: number }
interface Timed { query: Query; timing: Timing }
interface EngineResult { engine: Engine; seedSeconds: number | null; rollupSeconds: number; counts: Counts; loadBefore: number; rows: Timed[] }
interface Options { cases: number; openTasks: number; keep: boolean; seedOnly: boolean; only: string[] | null; reuseSqlite: string | null; reusePostgres: string | null }
type Counts = Record<'cases' | 'visits' | 'tasks' | 'events' | 'messages' | 'outbox' | 'escalations', number>;

async function timed(samples: number, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARM_UP; i++) await run();
  const times: number[] = [];
  let spent = 0;
  while (times.length < samples && spent < BUDGET_MS) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
    spent += times.at(-1)!;
  }
  times.sort((a, b) => a - b);
  return { samples: times.length, p50: times[Math.floor(times.length * 0.5)]!, p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]! };
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify(ADMIN) });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie) throw new Error(`signing in as the bench admin: ${res.status} ${await res.text()}`);
  return cookie;
}

/** What the database holds, counted rather than remembered, so a reused database is described as well. */
async function countRows(source: DataSource): Promise<Counts> {
  const count = (table: EntityTarget<ObjectLiteral>) => source.manager.count(table);
  return {
    cases: await count(InstanceTable), visits: await count(StageVisitTable), tasks: await count(TaskTable),
    events: await count(EventTable), messages: await count(MessageTable), outbox: await count(OutboxTable), escalations: await count(EscalationTable),
  };
}

async function measure(engine: Engine, database: ReturnType<typeof loadConfig>['database'], options: Options, seed: boolean): Promise<EngineResult> {
  const config = { ...loadConfig({ LOG_LEVEL: 'error', CASEFLOW_SCHEDULER: 'off', CASEFLOW_SIGNING_SECRET: 'bench-secret' }), database };
  // The first admin comes from the process's environment (bootstrap/first-admin.ts), not the config.
  Object.assign(process.env, { CASEFLOW_ADMIN_EMAIL: ADMIN.email, CASEFLOW_ADMIN_PASSWORD: ADMIN.password });
  const app = await createApp(config);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const source = app.get(Database).dataSource as DataSource;
    const loadBefore = loadavg()[0]!;
    let seedSeconds: number | null = null;
    if (seed) {
      const started = performance.now();
      const admin = await source.manager.findOneByOrFail(UserTable, { email: ADMIN.email });
      await seedYear(source, Date.now(), options.cases, options.openTasks, admin.id);
      seedSeconds = (performance.now() - started) / 1000;
    }
    // The seed writes straight into the tables, as a year of history before the rollups existed:
    // the rollup sweep's own code catches up (a reused database has nothing left, or what is new).
    const rollupStarted = performance.now();
    const rolled = await app.get(RollupSweep).run();
    const rollupSeconds = (performance.now() - rollupStarted) / 1000;
    console.log(`${engine}: rolled up ${rolled.cases} closed cases, ${rolled.visits} ended stage visits, ${rolled.decisions} decided tasks and ${rolled.messages} sent messages in ${rollupSeconds.toFixed(1)} s`);
    // What a database that has been running a while has: statistics, and (PostgreSQL) a visibility
    // map; a reused one too, once new migrations' indexes and the rollup's marks are in.
    const analyzeStarted = performance.now();
    await source.query(engine === 'PostgreSQL' ? 'VACUUM ANALYZE' : 'ANALYZE');
    if (seedSeconds !== null) seedSeconds += (performance.now() - analyzeStarted) / 1000;
    const counts = await countRows(source);
    console.log(`${engine}: ${seedSeconds === null ? 'reused' : `seeded in ${seedSeconds.toFixed(0)} s`}`, counts);
    if (options.seedOnly) return { engine, seedSeconds, rollupSeconds, counts, loadBefore, rows: [] };
    const cookie = await signIn(base);
    const get = async (path: string) => {
      const res = await fetch(`${base}/api/v1${path}`, { headers: { cookie, origin: base } });
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
      return res.text();
    };
    const queries = (await yearQueries(source, Date.now())).filter((q) => options.only?.some((part) => q.name.includes(part)) ?? true);
    const rows: Timed[] = [{ query: { name: 'baseline: SELECT COUNT(*) FROM instances', group: 'baseline', samples: 30, target: null, paths: [] }, timing: await timed(30, () => source.manager.count(InstanceTable)) }];
    for (const query of queries) {
      rows.push({ query, timing: await timed(query.samples, () => Promise.all(query.paths.map(get))) });
      console.log(`${engine} | ${line(rows.at(-1)!)}`);
    }
    return { engine, seedSeconds, rollupSeconds, counts, loadBefore, rows };
  } finally {
    await app.close();
  }
}

async function onSqlite(options: Options): Promise<EngineResult> {
  if (options.reuseSqlite) return measure('SQLite', { type: 'sqlite', path: options.reuseSqlite }, options, false);
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-year-'));
  try {
    return await measure('SQLite', { type: 'sqlite', path: join(dir, 'caseflow.sqlite') }, options, true);
  } finally {
    if (options.keep) console.log(`SQLite database kept: ${join(dir, 'caseflow.sqlite')}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(options: Options): Promise<EngineResult> {
  if (options.reusePostgres) return measure('PostgreSQL', { type: 'postgres', url: options.reusePostgres }, options, false);
  const name = `bench_year_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    return await measure('PostgreSQL', { type: 'postgres', url: url.toString() }, options, true);
  } finally {
    if (options.keep) console.log(`PostgreSQL database kept: ${url.toString()}`);
    else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const met = (query: Query, timing: Timing) => (query.target === null ? '' : timing.p99 <= query.target ? `yes (< ${query.target})` : `**no** (< ${query.target})`);
const line = ({ query, timing }: Timed) => `${query.name} | ${timing.samples} | ${timing.p50.toFixed(1)} | ${timing.p99.toFixed(1)} | ${met(query, timing)} |`;

const NOUNS: Partial<Record<keyof Counts, string>> = { visits: 'stage visits', outbox: 'delivered calls in the outbox' };

function section(results: EngineResult[], options: Options): string {
  const seeded = results[0]!.counts;
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; load average ${results.map((r) => `${r.loadBefore.toFixed(1)} before ${r.engine}`).join(', ')}, ${loadavg()[0]!.toFixed(1)} at the end.`,
    `${options.cases.toLocaleString('en')} closed cases created over 365 days across ten processes` +
      ` and ${options.openTasks.toLocaleString('en')} open tasks on as many open cases in four queues ` +
      `(${(['visits', 'tasks', 'events', 'messages', 'outbox', 'escalations'] as const).map((k) => `${seeded[k].toLocaleString('en')} ${NOUNS[k] ?? k}`).join(', ')} in all), ` +
      'seeded in bulk (10,000 cases a transaction into the schema the migrations made, its secondary indexes built again after the load), ' +
      'then rolled up for the reports by the rollup sweep\'s own code (2,000 closed cases, ended visits, decided tasks or sent messages a transaction), then ANALYZE (VACUUM ANALYZE on PostgreSQL). ' +
      'GET requests one after another over loopback to the in-process app, signed in as an admin, after a warm-up request; at most 8 s of samples per query (n says how many). ' +
      'The case page is its two requests (the case with its timeline, tasks, messages and activities; its documents) sent in parallel as the UI sends them, timed until both answered. ' +
      'The baseline is `SELECT COUNT(*) FROM instances` through the same connection, without HTTP. Targets are on p99.',
    ...[...results].sort((a, b) => b.engine.localeCompare(a.engine)).flatMap((r) => [
      '',
      `**${r.engine}**${r.seedSeconds === null ? '' : ` (seeded in ${r.seedSeconds.toFixed(0)} s)`}, rolled up in ${r.rollupSeconds.toFixed(0)} s`,
      '',
      '| query | n | p50 ms | p99 ms | target met (ms) |',
      '| --- | ---: | ---: | ---: | --- |',
      ...r.rows.map((row) => `| ${line(row)}`),
    ]),
  ].join('\n');
}

function parseOptions(): { engines: Engine[]; options: Options } {
  const { values } = parseArgs({ options: {
    engine: { type: 'string' }, cases: { type: 'string' }, 'open-tasks': { type: 'string' }, keep: { type: 'boolean' }, 'seed-only': { type: 'boolean' }, only: { type: 'string' },
    'reuse-sqlite': { type: 'string' }, 'reuse-postgres': { type: 'string' },
  } });
  const count = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--${name} must be a whole number above 0, not "${value}"`);
    return Number(value);
  };
  const engines: Engine[] = values.engine === undefined ? ['PostgreSQL', 'SQLite'] : values.engine === 'sqlite' ? ['SQLite'] : values.engine === 'postgres' ? ['PostgreSQL'] : [];
  if (engines.length === 0) throw new Error(`--engine must be sqlite or postgres, not "${values.engine}"`);
  return {
    engines,
    options: { cases: count('cases', values.cases, FULL.cases), openTasks: count('open-tasks', values['open-tasks'], FULL.openTasks), keep: (values.keep ?? false) || (values['seed-only'] ?? false), seedOnly: values['seed-only'] ?? false,
      only: values.only?.split(',').map((part) => part.trim()) ?? null,
      reuseSqlite: values['reuse-sqlite'] ?? null, reusePostgres: values['reuse-postgres'] ?? null },
  };
}

async function main(): Promise<void> {
  const { engines, options } = parseOptions();
  const results: EngineResult[] = [];
  for (const engine of engines) results.push(engine === 'SQLite' ? await onSqlite(options) : await onPostgres(options));
  const body = section(results, options);
  if (options.seedOnly) return;
  if (engines.length === 2 && options.only === null && options.cases === FULL.cases && options.openTasks === FULL.openTasks) writeSection('A year of history', body);
  console.log(body);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
