/**
 * The live process map at 100,000 cases: GET /processes/:key/live-map over real HTTP on the
 * in-process app, on SQLite and on PostgreSQL, next to a plain COUNT(*) of the process's cases
 * measured in the same run.
 *
 *   npm run bench -- live-map
 *
 * PostgreSQL: a database of its own on BENCH_PG_URL's server (default postgres://postgres@127.0.0.1:5432/test),
 * created and dropped here. Writes docs/BENCHMARKS.md section "Live process map".
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createApp } from '../backend/dist/app';
import { newApiKey, sha256 } from '../backend/dist/auth/secrets';
import { loadConfig } from '../backend/dist/config/config';
import { Database } from '../backend/dist/database/database';
import { ApiKeyTable } from '../backend/dist/database/tables';
import { seedHistory } from './live-map-seed';
import { machine, writeSection } from './report';

const CASES = 100_000;
const NEIGHBOURS = 10_000;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DAY = 86_400_000;

interface Timing { p50: number; p99: number }
interface EngineResult { engine: string; seedSeconds: number; visits: number; tasks: number; count: Timing; defaultPeriod: Timing; wholeHistory: Timing; oneVersion: Timing }

async function timed(samples: number, run: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 5; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(samples * 0.5)]!, p99: times[Math.min(samples - 1, Math.floor(samples * 0.99))]! };
}

/** An API key that may read reports, written straight into the database as the CLI would. */
async function apiKey(source: DataSource): Promise<string> {
  const key = newApiKey();
  await source.manager.insert(ApiKeyTable, {
    id: randomUUID(), name: 'bench', prefix: key.prefix, keyHash: sha256(key.full),
    scopes: ['reports:read'], createdBy: null, createdAt: Date.now(), lastUsedAt: null, revokedAt: null,
  });
  return key.full;
}

async function measure(engine: string, database: ReturnType<typeof loadConfig>['database']): Promise<EngineResult> {
  const config = { ...loadConfig({ LOG_LEVEL: 'error', CASEFLOW_SCHEDULER: 'off', CASEFLOW_SIGNING_SECRET: 'bench-secret' }), database };
  const app = await createApp(config);
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address() as { port: number };
    const source = app.get(Database).dataSource as DataSource;
    const now = Date.now();
    const started = performance.now();
    const seeded = await seedHistory(source, now, CASES, NEIGHBOURS);
    // What a database that has been running a while has: statistics, and (PostgreSQL) a visibility map.
    await source.query(engine === 'PostgreSQL' ? 'VACUUM ANALYZE' : 'ANALYZE');
    const seedSeconds = (performance.now() - started) / 1000;
    const key = await apiKey(source);
    const get = (query: string) => async () => {
      const res = await fetch(`http://127.0.0.1:${address.port}/api/v1/processes/bench-map/live-map${query}`, { headers: { 'x-api-key': key } });
      if (res.status !== 200) throw new Error(`live map: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const count = engine === 'PostgreSQL' ? 'SELECT COUNT(*) FROM instances WHERE process_key = $1' : 'SELECT COUNT(*) FROM instances WHERE process_key = ?';
    const whole = `?from=${new Date(now - 200 * DAY).toISOString()}`;
    console.log(engine, JSON.stringify(await get('')()).slice(0, 400));
    return {
      engine, seedSeconds, ...seeded,
      count: await timed(SAMPLES, () => source.query(count, ['bench-map'])),
      defaultPeriod: await timed(SAMPLES, get('')),
      wholeHistory: await timed(SAMPLES, get(whole)),
      oneVersion: await timed(SAMPLES, get(`${whole}&version=2`)),
    };
  } finally {
    await app.close();
  }
}

async function onSqlite(): Promise<EngineResult> {
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-live-map-'));
  try {
    return await measure('SQLite', { type: 'sqlite', path: join(dir, 'caseflow.sqlite') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<EngineResult> {
  const name = `caseflow_bench_live_map_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return await measure('PostgreSQL', { type: 'postgres', url: url.toString() });
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

const ms = (t: Timing) => `${t.p50.toFixed(1)} | ${t.p99.toFixed(1)}`;

async function main(): Promise<void> {
  const results = [await onSqlite(), await onPostgres()];
  const first = results[0]!;
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, load average ${loadavg()[0]!.toFixed(1)} at the end.`,
    `One process with ${CASES.toLocaleString('en')} cases (two versions, four stages, 70 % closed, created over 180 days; ` +
      `${first.visits.toLocaleString('en')} stage visits and ${first.tasks.toLocaleString('en')} tasks with its ${NEIGHBOURS.toLocaleString('en')}-case neighbour process), ` +
      `seeded in bulk through the in-process app, then ANALYZE (VACUUM ANALYZE on PostgreSQL). ` +
      `${SAMPLES} GET requests one after another over loopback to the in-process app after 5 warm-up requests; ` +
      'the baseline is `SELECT COUNT(*) FROM instances WHERE process_key = ?` through the same connection, without HTTP.',
    '',
    '| engine | query | p50 ms | p99 ms |',
    '| --- | --- | ---: | ---: |',
    ...results.flatMap((r) => [
      `| ${r.engine} | baseline: COUNT(*) of the process's cases | ${ms(r.count)} |`,
      `| ${r.engine} | live map, default period (30 days) | ${ms(r.defaultPeriod)} |`,
      `| ${r.engine} | live map, whole history (200 days) | ${ms(r.wholeHistory)} |`,
      `| ${r.engine} | live map, whole history, one version | ${ms(r.oneVersion)} |`,
    ]),
    '',
    `Seeding took ${results.map((r) => `${r.seedSeconds.toFixed(0)} s on ${r.engine}`).join(' and ')}.`,
  ].join('\n');
  writeSection('Live process map', body);
  console.log(body);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
