/**
 * The Redis the scale-out suite's n8n queue runs on: CASEFLOW_TEST_REDIS_URL when given (it must
 * answer), else the machine's server on 127.0.0.1:6379 when it answers, else a `redis-server` from
 * PATH started here on a free port, keeping nothing on disk, for the length of the run. Redis ships
 * no binaries through npm, so without one the run stops and says what to install.
 */
import { spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '../../test/n8n';

export interface TestRedis {
  url: string;
  /** Where it came from, for the run's summary. */
  origin: string;
  stop(): Promise<void>;
}

const MACHINE_URL = 'redis://127.0.0.1:6379';

/** True when the server at `url` answers PING with PONG within a few seconds. */
function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((done) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(3_000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (reply) => finish(reply.toString().startsWith('+PONG')));
  });
}

async function startOwn(): Promise<TestRedis> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error(
      'no Redis answers at 127.0.0.1:6379 and there is no redis-server on PATH: install Redis (Debian: apt-get install redis-server), start it, or set CASEFLOW_TEST_REDIS_URL',
    );
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await answers(url))) {
    child.kill();
    throw new Error(`redis-server started on port ${port} but does not answer PING`);
  }
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill();
    });
  return { url, origin: `redis-server from PATH on port ${port}, started for this run`, stop };
}

export async function provideRedis(env: NodeJS.ProcessEnv): Promise<TestRedis> {
  const given = env.CASEFLOW_TEST_REDIS_URL;
  if (given) {
    if (!(await answers(given))) throw new Error(`CASEFLOW_TEST_REDIS_URL (${given}) does not answer PING`);
    return { url: given, origin: 'CASEFLOW_TEST_REDIS_URL', stop: async () => undefined };
  }
  if (await answers(MACHINE_URL)) return { url: MACHINE_URL, origin: `the machine's server at ${MACHINE_URL}`, stop: async () => undefined };
  return startOwn();
}
