/**
 * The one way a bench runs the backend: the built `backend/dist/main.js` as its own process on a
 * free loopback port and a data directory of the bench's, signed in as the admin it creates.
 *
 * BENCH_NODE_ARGS passes flags to the backend's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 * (the profile is written when stop() ends the process, which it awaits).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../test/n8n/launch';

const ROOT = resolve(__dirname, '..', '..');
const STARTUP_MS = 60_000;

export const ADMIN = { email: 'bench@example.test', password: 'bench-password-123' };
/** Where the tasks' and timers' resume URLs point unless a bench says otherwise: an n8n that never runs. */
export const RESUME_ORIGIN = 'http://127.0.0.1:5678';

export interface BackendOptions {
  /** CASEFLOW_DATA_DIR: the SQLite file lives here (unless `env` sets DATABASE_URL). */
  dataDir: string;
  /** The scheduler and with it the outbox worker and the notification fan-out; off unless asked for. */
  scheduler?: boolean;
  /** Loopback port; a free one when absent. */
  port?: number;
  /** Overrides of the backend's environment, applied last. */
  env?: Record<string, string>;
}

export interface ApiInit extends RequestInit {
  /** An API key (x-api-key). */
  key?: string;
  /** A session cookie; the request then names the backend's origin, as the UI's requests do (auth/same-origin.ts). */
  cookie?: string;
}

export interface Backend {
  /** http://127.0.0.1:<port>, the backend's own origin. */
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Calls /api/v1<path>; any answer of 300 or above throws with its body. */
  api(path: string, init?: ApiInit): Promise<Response>;
  /** Ends the backend and waits for its exit, so a profile is complete and the data directory is free. */
  stop(): Promise<void>;
}

/** Backends still running: a bench ended by a signal or a timeout must not leave one behind, busy with its backlog. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'backend/dist/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      CASEFLOW_DATA_DIR: options.dataDir,
      CASEFLOW_ADMIN_EMAIL: ADMIN.email,
      CASEFLOW_ADMIN_PASSWORD: ADMIN.password,
      CASEFLOW_SIGNING_SECRET: 'bench-secret',
      CASEFLOW_SCHEDULER: options.scheduler ? 'on' : 'off',
      CASEFLOW_ALLOWED_RESUME_ORIGINS: RESUME_ORIGIN,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const exited = new Promise<never>((_, fail) => {
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`the backend exited before it answered /api/v1/health (${signal ?? `exit code ${code}`})`)));
  });
  exited.catch(() => undefined);
  const backend: Backend = {
    url,
    pid: child.pid!,
    child,
    api: (path, init) => call(url, path, init),
    stop: () => stopProcess(child),
  };
  try {
    await Promise.race([healthy(url), exited]);
  } catch (error) {
    await backend.stop();
    throw error;
  }
  return backend;
}

/** Signs in as the bench's admin; returns the session cookie for `api(…, { cookie })`. */
export async function signIn(backend: Backend): Promise<string> {
  const login = await backend.api('/auth/login', { method: 'POST', body: JSON.stringify(ADMIN) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie) throw new Error('signing in as the bench admin set no cookie');
  return cookie;
}

/** A new API key with the given scopes, made by the signed-in admin. */
export async function createApiKey(backend: Backend, cookie: string, scopes: string[]): Promise<string> {
  const res = await backend.api('/api-keys', { method: 'POST', cookie, body: JSON.stringify({ name: 'bench', scopes }) });
  return ((await res.json()) as { key: string }).key;
}

/** CPU seconds (user + system) the process has used so far: what the code costs, whatever else shares the machine. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function call(base: string, path: string, init: ApiInit = {}): Promise<Response> {
  const { key, cookie, ...request } = init;
  const headers: Record<string, string> = {};
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (key) headers['x-api-key'] = key;
  if (cookie) Object.assign(headers, { cookie, origin: base });
  const res = await fetch(`${base}/api/v1${path}`, { ...request, headers });
  if (res.status >= 300) throw new Error(`${request.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function healthy(base: string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the backend did not answer ${base}/api/v1/health within ${STARTUP_MS / 1000} s`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
