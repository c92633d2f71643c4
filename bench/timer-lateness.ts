/**
 * Timer lateness: how long after its due time a timer's resume call reaches n8n.
 *
 * Starts the built backend (scheduler on) as its own process and registers 10,000 timers through the
 * API: 9,000 due tomorrow, which stay pending throughout, and 1,000 measured ones due evenly over
 * a minute that starts once all 10,000 are pending. Every resume call is received on a loopback
 * HTTP server. Lateness = arrival of the resume call minus the timer's fire time; the scheduler's
 * own share (firedAt − fireAt) is reported too. With --postgres the timers due tomorrow are written
 * straight into the database (see seedLater); the measured ones still go through the API.
 *
 *   npm run bench -- timer-lateness                    (embedded SQLite)
 *   npm run bench -- timers-at-scale                   (the same with 100,000 pending and 10,000 due in a minute)
 *   npx tsx bench/timer-lateness.ts --scale --postgres (on a fresh database of the machine's PostgreSQL, or BENCH_PG_URL)
 *
 * Writes the figures, the machine and the date into docs/BENCHMARKS.md (section "Timer lateness", or
 * "Timers at scale" with --scale; " on PostgreSQL" appended with --postgres).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { machine, writeSection } from './report';
import { createApiKey, signIn, startBackend } from './support/backend';
import { createDatabase, serverSettings, writeCounts, WriteCounts } from './support/postgres';

/** `--scale` (npm run bench -- timers-at-scale): 100,000 pending, a burst of 10,000 due within one minute. */
const SCALE = process.argv.includes('--scale');
const PENDING = Number(process.env.BENCH_PENDING ?? (SCALE ? 100_000 : 10_000));
const TIMERS = Number(process.env.BENCH_TIMERS ?? (SCALE ? 10_000 : 1_000));
const WINDOW_MS = Number(process.env.BENCH_WINDOW_S ?? 60) * 1000;
/** `--postgres`: the backend on a fresh PostgreSQL database (bench_<random>, dropped after the run) instead of SQLite. */
const POSTGRES = process.argv.includes('--postgres');
/**
 * Time to register the measured timers before the first is due: 10,000 through the API take about
 * half a minute on SQLite; on PostgreSQL, with 2 busy shared cores, up to seven minutes.
 */
const LEAD_MS = Number(process.env.BENCH_LEAD_S ?? (SCALE ? (POSTGRES ? 420 : 90) : 20)) * 1000;
const SECTION = `${SCALE ? 'Timers at scale' : 'Timer lateness'}${POSTGRES ? ' on PostgreSQL' : ''}`;
const DAY_MS = 86_400_000;
const STALL_MS = 60_000;
const CONCURRENCY = 32;

interface Arrival {
  at: number;
  fireAt: number;
  firedAt: number;
}

async function startReceiver(arrivals: Map<string, Arrival>): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const at = Date.now();
      const payload = JSON.parse(body) as { timerId: string; fireAt: string; firedAt: string };
      if (!arrivals.has(payload.timerId)) arrivals.set(payload.timerId, { at, fireAt: Date.parse(payload.fireAt), firedAt: Date.parse(payload.firedAt) });
      response.end('{}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/**
 * PostgreSQL only: the timers that stay pending, in one statement, as the rows POST /timers writes
 * (without its events). Through the API, about 60 a second on 2 shared cores, 90,000 would take
 * longer than the whole run; the scheduler reads the same rows either way.
 */
async function seedLater(url: string, count: number, fireAt: number, receiverUrl: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO timers (id, instance_id, anchor_field, anchor_at, "offset", time_of_day, time_zone, calendar_key, fire_at, status, resume_url, label, created_at, fired_at, moved_at, resumed_at)
       SELECT gen_random_uuid()::text, NULL, NULL, $1::bigint + i, '{"amount":0,"unit":"minutes"}', NULL, NULL, NULL, $1::bigint + i,
              'pending', $2::text || '/later/' || i, '', $3::bigint, NULL, NULL, NULL
         FROM generate_series(0, $4::int - 1) AS i`,
      [fireAt, receiverUrl, Date.now(), count],
    );
    await client.query('ANALYZE timers');
  } finally {
    await client.end();
  }
}

/**
 * Waits for every measured resume call. However late they come, the run measures them, as long as
 * they keep coming: it gives up only after STALL_MS past the window without a new one.
 */
async function allArrived(arrivals: Map<string, Arrival>, windowEnd: number): Promise<void> {
  let seen = arrivals.size;
  let progressAt = windowEnd;
  while (arrivals.size < TIMERS) {
    await new Promise((r) => setTimeout(r, 250));
    if (arrivals.size > seen) {
      seen = arrivals.size;
      progressAt = Math.max(Date.now(), windowEnd);
    }
    if (Date.now() - progressAt > STALL_MS) throw new Error(`only ${arrivals.size} of ${TIMERS} resume calls arrived, none in the last ${STALL_MS / 1000} s`);
  }
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/**
 * PostgreSQL only: what firing and delivering one timer cost the database (commits and row writes
 * per resume call, from the statistics views), and the scheduler's claim on its own, timed by
 * EXPLAIN ANALYZE over the pending timers, rolled back: the raw baseline of this run.
 */
async function workPerResume(url: string, before: WriteCounts): Promise<string> {
  await new Promise((r) => setTimeout(r, 1500)); // connections flush their statistics within a second
  const after = await writeCounts(url);
  const per = (n: number) => (n / TIMERS).toFixed(1);
  const rows = (table: string, kind: 'inserted' | 'updated') => (after.rows[table]?.[kind] ?? 0) - (before.rows[table]?.[kind] ?? 0);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const plan = await client.query<{ 'QUERY PLAN': Array<{ 'Execution Time': number; Plan: PlanNode }> }>(
      `EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM timers WHERE status = 'pending' AND fire_at <= $1 ORDER BY fire_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
      [Date.now() + 2 * DAY_MS],
    );
    await client.query('ROLLBACK');
    const explained = plan.rows[0]!['QUERY PLAN'][0]!;
    let scan = explained.Plan;
    while (scan.Plans?.[0]) scan = scan.Plans[0];
    return [
      '',
      `Database work per resume call while the ${TIMERS.toLocaleString('en')} fired: ${per(after.commits - before.commits)} commits, ${per(rows('outbox', 'updated'))} outbox rows updated, ${per(rows('outbox', 'inserted'))} inserted, ${per(rows('timers', 'updated'))} timer rows updated, ${per(rows('events', 'inserted'))} events inserted.`,
      `Baseline, same database after the run: the scheduler's claim of 100 due timers among the ${(PENDING - TIMERS).toLocaleString('en')} pending (EXPLAIN ANALYZE, rolled back) took ${explained['Execution Time'].toFixed(2)} ms (${scan['Node Type']}${scan['Index Name'] ? ` on ${scan['Index Name']}` : ''}).`,
    ].join('\n');
  } finally {
    await client.end();
  }
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const loadBefore = loadavg()[0]!;
  const dataDir = mkdtempSync(join(tmpdir(), 'caseflow-timer-bench-'));
  const database = POSTGRES ? await createDatabase() : null;
  const arrivals = new Map<string, Arrival>();
  const receiver = await startReceiver(arrivals);
  const backend = await startBackend({
    dataDir,
    scheduler: true,
    env: { CASEFLOW_ALLOWED_RESUME_ORIGINS: receiver.url, ...(database ? { DATABASE_URL: database.url } : {}) },
  }).catch(async (error: unknown) => {
    await database?.drop();
    throw error;
  });
  try {
    const key = await createApiKey(backend, await signIn(backend), ['automation']);

    const register = async (count: number, fireAt: (i: number) => number, resumeUrl: (i: number) => string) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let i = next++; i < count; i = next++) {
            const body = { anchorAt: new Date(fireAt(i)).toISOString(), offset: { amount: 0, unit: 'minutes' }, resumeUrl: resumeUrl(i) };
            await backend.api('/timers', { method: 'POST', key, body: JSON.stringify(body) });
          }
        }),
      );
    };
    const registerStart = Date.now();
    if (database) await seedLater(database.url, PENDING - TIMERS, registerStart + DAY_MS, receiver.url);
    else await register(PENDING - TIMERS, (i) => registerStart + DAY_MS + i, (i) => `${receiver.url}/later/${i}`);
    const seeded = Date.now();
    const firstFire = seeded + LEAD_MS;
    await register(TIMERS, (i) => firstFire + Math.floor((i * WINDOW_MS) / TIMERS), (i) => `${receiver.url}/resume/${i}`);
    const registered = Date.now();
    const took = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
    const howSeeded = database
      ? `The ${(PENDING - TIMERS).toLocaleString('en')} due tomorrow were written in one INSERT … SELECT (${took(registerStart, seeded)}; the rows POST /timers writes, without their "timer.registered" events, then ANALYZE), the ${TIMERS.toLocaleString('en')} measured ones registered through \`POST /timers\` (${took(seeded, registered)}).`
      : `Registering the ${PENDING.toLocaleString('en')} timers through \`POST /timers\` took ${took(registerStart, registered)}.`;
    console.log(howSeeded);
    if (registered > firstFire) throw new Error(`registering the measured timers outlasted the ${LEAD_MS / 1000} s lead (set BENCH_LEAD_S)`);

    const before = database ? await writeCounts(database.url) : null;
    await allArrived(arrivals, firstFire + WINDOW_MS);
    const databaseWork = database && before ? await workPerResume(database.url, before) : '';

    const toCaller = [...arrivals.values()].map((a) => a.at - a.fireAt).sort((a, b) => a - b);
    const inScheduler = [...arrivals.values()].map((a) => a.firedAt - a.fireAt).sort((a, b) => a - b);
    const row = (name: string, values: number[]) =>
      `| ${name} | ${percentile(values, 50)} | ${percentile(values, 90)} | ${percentile(values, 99)} | ${values[values.length - 1]} |`;
    const engine = database ? `PostgreSQL ${(await serverSettings()).version} on the same machine (a fresh database)` : 'embedded SQLite';
    const body = [
      `${new Date().toISOString().slice(0, 10)}, ${machine()}, ${engine}, one built backend process (\`node backend/dist/main.js\`), scheduler on, real clock.`,
      '',
      `${PENDING.toLocaleString('en')} timers pending; ${TIMERS.toLocaleString('en')} of them due evenly over ${WINDOW_MS / 1000} s, the rest tomorrow. Each resume call is received by a loopback HTTP server. Target: p99 under 1 s.`,
      '',
      '| lateness (ms) | p50 | p90 | p99 | max |',
      '| --- | ---: | ---: | ---: | ---: |',
      row('due → resume call received', toCaller),
      row('due → fired (scheduler only)', inScheduler),
      '',
      `${howSeeded} The machine's load average (1 min) was ${loadBefore.toFixed(1)} at the start and ${loadavg()[0]!.toFixed(1)} at the end (other work shares it).`,
      databaseWork,
    ].join('\n');
    writeSection(SECTION, body);
    console.log(body);
  } finally {
    await backend.stop();
    await database?.drop();
    receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
