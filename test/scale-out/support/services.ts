import { connect } from 'node:net';
import { Client } from 'pg';

/**
 * The machine's PostgreSQL and Redis, as the scale-out run uses them: a database of its own per
 * process (created here, dropped at the end) and a Redis key prefix of its own, so runs side by side
 * never see each other's data or queue.
 */
const PG_ADMIN_URL = process.env.CASEFLOW_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = new URL(process.env.CASEFLOW_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');

export interface Database {
  readonly name: string;
  readonly url: string;
  /** The DB_POSTGRESDB_* settings n8n reads. */
  readonly n8nEnv: Readonly<Record<string, string>>;
  drop(): Promise<void>;
}

export const redis = { host: REDIS_URL.hostname, port: Number(REDIS_URL.port || 6379) };

export async function createDatabase(purpose: string): Promise<Database> {
  const name = `caseflow_scale_${purpose}_${process.pid}_${Date.now()}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    n8nEnv: {
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: url.hostname,
      DB_POSTGRESDB_PORT: url.port || '5432',
      DB_POSTGRESDB_DATABASE: name,
      DB_POSTGRESDB_USER: decodeURIComponent(url.username) || 'postgres',
      DB_POSTGRESDB_PASSWORD: decodeURIComponent(url.password),
    },
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect().catch((error: Error) => {
    throw new Error(`PostgreSQL at ${PG_ADMIN_URL} does not answer (${error.message}); set CASEFLOW_TEST_PG_URL`);
  });
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Fails with what to do when Redis does not answer PING. */
export async function assertRedisAnswers(): Promise<void> {
  const reply = await redisCommand(['PING']).catch((error: Error) => error.message);
  if (reply !== '+PONG') throw new Error(`Redis at ${REDIS_URL.host} does not answer PING (${reply}); start one or set CASEFLOW_TEST_REDIS_URL`);
}

/** Deletes every key under a prefix (n8n's queue of one run): one server-side script, no client library. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const script = "for _, key in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', key) end return 0";
  await redisCommand(['EVAL', script, '0', `${prefix}*`]);
}

/**
 * Jobs in n8n's queue, waiting for a worker or taken by one (Bull's `<prefix>:jobs:wait` and `:active`
 * lists): n8n's API does not list an execution whose job a worker has taken but not started yet. A
 * killed worker's jobs stay active until their lock runs out and Bull fails them.
 */
export async function jobsInQueue(prefix: string): Promise<number> {
  let count = 0;
  for (const list of ['wait', 'active']) {
    const reply = await redisCommand(['LLEN', `${prefix}:jobs:${list}`]);
    if (!reply.startsWith(':')) throw new Error(`Redis LLEN answered ${reply}`);
    count += Number(reply.slice(1));
  }
  return count;
}

/** One command in Redis's wire protocol; resolves with the first reply line. */
function redisCommand(args: readonly string[]): Promise<string> {
  const wire = `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const socket = connect(redis.port, redis.host, () => socket.write(wire));
    socket.setTimeout(3000, () => socket.destroy(new Error('timed out')));
    socket.once('error', reject);
    socket.once('data', (data) => {
      socket.end();
      resolve(data.toString().split('\r\n')[0] ?? '');
    });
  });
}
