/**
 * A bench's own PostgreSQL database on the machine's server (BENCH_PG_URL names the server's
 * maintenance database; postgres://postgres@127.0.0.1:5432/postgres by default, as `npm test` uses),
 * created empty for one run and dropped after it, and the CPU the server spends on it.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { cpuSeconds } from './backend';

const SERVER_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  readonly name: string;
  /** postgres://… of the new database, for DATABASE_URL and for `pg`. */
  readonly url: string;
  /** Drops the database, ending whatever is still connected to it. */
  drop(): Promise<void>;
}

/** What bounds a commit on this server: the settings a reader needs next to the figures. */
export interface ServerSettings {
  version: string;
  fsync: string;
  synchronousCommit: string;
  maxConnections: number;
}

async function withServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: SERVER_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`PostgreSQL does not answer at ${SERVER_URL} (set BENCH_PG_URL): ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** CREATE DATABASE bench_<random>: a run never meets another run's rows, and nothing is left behind. */
export async function createDatabase(): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await withServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export function serverSettings(): Promise<ServerSettings> {
  return withServer(async (client) => {
    const setting = async (name: string) => ((await client.query<{ setting: string }>('SELECT current_setting($1) AS setting', [name])).rows[0]!.setting);
    return {
      version: (await setting('server_version')).split(' ')[0]!,
      fsync: await setting('fsync'),
      synchronousCommit: await setting('synchronous_commit'),
      maxConnections: Number(await setting('max_connections')),
    };
  });
}

/**
 * CPU seconds the server processes have used: those serving `database` (one per connection) and the
 * server's background writers (WAL writer, checkpointer, background writer), which every database
 * shares. Read from /proc, so the server must run on this machine.
 */
export interface ServerCpu {
  database: number;
  background: number;
}

/** Starts counting the server's CPU; the returned function gives what was used since. */
export async function countServerCpu(database: string): Promise<() => Promise<ServerCpu>> {
  const start = await readServerCpu(database);
  return async () => {
    const end = await readServerCpu(database);
    // A connection opened during the run started from nothing; one closed during it is lost (pools keep theirs open under load).
    const since = (now: Map<number, number>, then: Map<number, number>) => [...now].reduce((sum, [pid, cpu]) => sum + cpu - (then.get(pid) ?? 0), 0);
    return { database: since(end.database, start.database), background: since(end.background, start.background) };
  };
}

async function readServerCpu(database: string): Promise<{ database: Map<number, number>; background: Map<number, number> }> {
  const rows = await withServer(async (client) =>
    (await client.query<{ pid: number; mine: boolean }>(
      `SELECT pid, datname = $1 AS mine FROM pg_stat_activity
        WHERE datname = $1 OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`,
      [database],
    )).rows,
  );
  const cpu = { database: new Map<number, number>(), background: new Map<number, number>() };
  for (const { pid, mine } of rows) {
    const seconds = cpuOf(pid);
    if (seconds !== null) (mine ? cpu.database : cpu.background).set(pid, seconds);
  }
  return cpu;
}

/**
 * Samples every `everyMs` what the connections to `database` are doing (pg_stat_activity), until
 * the returned function is called; it gives each state's share of the samples, largest first. "idle
 * in transaction" is a connection waiting for its client (the backend) inside a transaction, "active"
 * one running on the CPU or, with a wait event, waiting for a lock, the WAL flush or I/O.
 */
export async function sampleConnections(database: string, everyMs = 100): Promise<() => Promise<Array<{ state: string; share: number }>>> {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  const counts = new Map<string, number>();
  let stopped = false;
  const sampling = (async () => {
    while (!stopped) {
      const { rows } = await client.query<{ state: string }>(
        `SELECT CASE WHEN state = 'active' AND wait_event IS NOT NULL THEN 'active, waiting on ' || wait_event_type || ':' || wait_event
                     WHEN state = 'active' THEN 'active, running' ELSE coalesce(state, 'unknown') END AS state
           FROM pg_stat_activity WHERE datname = $1`,
        [database],
      );
      for (const { state } of rows) counts.set(state, (counts.get(state) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return async () => {
    stopped = true;
    await sampling;
    await client.end();
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    return [...counts].map(([state, n]) => ({ state, share: n / Math.max(1, total) })).sort((a, b) => b.share - a.share);
  };
}

/** A connection may end between the query and the read. */
function cpuOf(pid: number): number | null {
  try {
    return cpuSeconds(pid);
  } catch {
    return null;
  }
}

/** Counters of the database's work so far (pg_stat_database, pg_stat_user_tables); they lag the work by up to a second. */
export interface WriteCounts {
  commits: number;
  /** Rows inserted, updated and deleted per table. */
  rows: Record<string, { inserted: number; updated: number; deleted: number }>;
}

export async function writeCounts(url: string): Promise<WriteCounts> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Statistics are flushed by each connection when it goes idle; reading them in a fresh snapshot sees the latest.
    await client.query('SELECT pg_stat_clear_snapshot()');
    const commits = (await client.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()')).rows[0]!.n;
    const tables = await client.query<{ relname: string; ins: string; upd: string; del: string }>('SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_del AS del FROM pg_stat_user_tables');
    const rows = Object.fromEntries(tables.rows.map((t) => [t.relname, { inserted: Number(t.ins), updated: Number(t.upd), deleted: Number(t.del) }]));
    return { commits: Number(commits), rows };
  } finally {
    await client.end();
  }
}
