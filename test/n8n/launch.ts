import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { instanceEnv, OFFLINE_ENV, QUIET_ENV } from './env';
import { runtimeEnv, type N8nRuntime } from './layout';
import { tail } from './run';

export interface LaunchOptions {
  readonly runtime: N8nRuntime;
  readonly userFolder: string;
  readonly port: number;
  readonly logFile: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly readyTimeoutMs?: number;
  /**
   * `start` (default): the main process. `worker`: a queue-mode worker (EXECUTIONS_MODE=queue in
   * `env`); it serves no REST API, so `port` is its health server's and readiness is its own.
   */
  readonly command?: 'start' | 'worker';
}

export interface LaunchedN8n {
  readonly baseUrl: string;
  readonly pid: number;
  /** SIGTERM to the whole process group (n8n and its task runner), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/** Runs `n8n start` (or `n8n worker`) in its own process group and resolves once it is ready. */
export async function launchN8n(options: LaunchOptions): Promise<LaunchedN8n> {
  const { runtime, userFolder, port, logFile, command = 'start' } = options;
  await mkdir(dirname(logFile), { recursive: true });
  const env = runtimeEnv(runtime, {
    ...OFFLINE_ENV,
    ...QUIET_ENV,
    ...runtime.profile.env,
    ...instanceEnv({ userFolder, port, brokerPort: await freePort() }),
    ...(command === 'worker' ? workerServerEnv(port) : {}),
    ...options.env,
  });
  const out = openSync(logFile, 'a');
  const child = spawn(runtime.nodeBin, [runtime.n8nBin, command], { cwd: userFolder, env, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  // A test runner that dies must not leave n8n behind holding ports.
  const killOnExit = (): void => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    killGroup(child, 'SIGKILL');
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const probes = command === 'worker' ? WORKER_READY : MAIN_READY;
    await waitUntilReady(baseUrl, probes, exited, options.readyTimeoutMs ?? 120_000);
  } catch (error) {
    await stop();
    const version = runtime.profile.n8nVersion;
    throw new Error(`n8n ${version} did not start: ${(error as Error).message}\n--- ${logFile}\n${await tail(logFile)}`);
  }
  return { baseUrl, pid: child.pid ?? -1, stop };
}

/** A main is ready once migrated (readiness) and its REST routes are mounted (public settings answer). */
const MAIN_READY = ['/healthz/readiness', '/rest/settings'];
/** A worker's health server answers readiness once its database and Redis connections are up. */
const WORKER_READY = ['/healthz/readiness'];

/** A worker serves health checks only when asked to, on QUEUE_HEALTH_CHECK_PORT. */
function workerServerEnv(port: number): Record<string, string> {
  return { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' };
}

async function waitUntilReady(baseUrl: string, probes: readonly string[], exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`process exited with ${String(exitCode)}`);
    if (await allAnswer(baseUrl, probes)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

async function allAnswer(baseUrl: string, paths: readonly string[]): Promise<boolean> {
  for (const path of paths) if ((await status(`${baseUrl}${path}`)) !== 200) return false;
  return true;
}

async function status(url: string): Promise<number> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
