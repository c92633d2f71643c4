import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT, ensureRuntime, freePort, N8nApi, setupInstance, startN8n, type N8nInstance } from '../../n8n';
import { redis, type Database } from './services';

/**
 * A killed worker's executions that its successor finds in its event log are marked crashed when the
 * successor starts; any other execution left running without a job is marked crashed by the main's
 * queue recovery, every N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL minutes (180 by default: 1 here).
 */
const CRASH_RECOVERY_ENV = { N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1' };

export interface QueueN8n {
  readonly main: N8nInstance;
  readonly api: N8nApi;
  readonly apiKey: string;
  /** QUEUE_BULL_PREFIX and N8N_REDIS_KEY_PREFIX. */
  readonly queuePrefix: string;
  /** The worker running now. */
  worker(): N8nInstance;
  /** SIGKILL to the worker and its task runner: no graceful shutdown, its jobs stay where they were. */
  killWorker(): void;
  /** A new worker on the killed one's user folder (the Caseflow package is installed there). */
  startWorker(): Promise<N8nInstance>;
  stop(): Promise<void>;
}

export interface QueueN8nOptions {
  readonly nodesTgz: string;
  readonly database: Database;
  /** QUEUE_BULL_PREFIX and N8N_REDIS_KEY_PREFIX: the run's own keys in the shared Redis. */
  readonly queuePrefix: string;
}

/**
 * n8n 2.41 in queue mode as deploy/compose.yaml runs it: a main (editor, API, webhooks, resume URLs)
 * and one worker (runs the executions), both on one PostgreSQL database and the machine's Redis, each
 * with its own user folder and its own copy of the Caseflow package, sharing the encryption key.
 */
export async function startQueueN8n(options: QueueN8nOptions): Promise<QueueN8n> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...options.database.n8nEnv,
    ...CRASH_RECOVERY_ENV,
    EXECUTIONS_MODE: 'queue',
    QUEUE_BULL_REDIS_HOST: redis.host,
    QUEUE_BULL_REDIS_PORT: String(redis.port),
    QUEUE_BULL_PREFIX: options.queuePrefix,
    // Not only the queue: the webhook cache and the instance registry live in Redis too, under this prefix.
    N8N_REDIS_KEY_PREFIX: options.queuePrefix,
    N8N_ENCRYPTION_KEY: await templateEncryptionKey(),
    OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
    // The worker builds the resume URLs of the executions it runs: they must name the main, which serves them.
    N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
  };
  // Ours, not startN8n's: a worker started after a kill reuses it (and the package installed there).
  const workerFolder = await mkdtemp(join(tmpdir(), 'caseflow-n8n-worker-'));
  const startWorker = (install: boolean) =>
    startN8n({ profile: CURRENT, command: 'worker', env, userFolder: workerFolder, communityPackages: install ? [options.nodesTgz] : [] });
  const main = await startN8n({ profile: CURRENT, port, env, communityPackages: [options.nodesTgz] });
  const workers: N8nInstance[] = [];
  const stopAll = async (): Promise<void> => {
    for (const worker of workers) await worker.stop();
    await main.stop();
    await rm(workerFolder, { recursive: true, force: true });
  };
  try {
    const { apiKey } = await setupInstance(main.baseUrl);
    workers.push(await startWorker(true));
    const current = (): N8nInstance => workers[workers.length - 1]!;
    return {
      main,
      api: new N8nApi(main.baseUrl, apiKey),
      apiKey,
      queuePrefix: options.queuePrefix,
      worker: current,
      killWorker: () => killGroup(current().pid),
      startWorker: async () => {
        workers.push(await startWorker(false));
        return current();
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * Both user folders start from the runtime's template, whose settings file holds an encryption key;
 * n8n refuses to start when N8N_ENCRYPTION_KEY differs from it, so the shared key is that one.
 */
async function templateEncryptionKey(): Promise<string> {
  const runtime = await ensureRuntime(CURRENT);
  const settings = JSON.parse(await readFile(join(runtime.templateUserFolder, '.n8n', 'config'), 'utf8')) as { encryptionKey?: string };
  if (!settings.encryptionKey) throw new Error(`${runtime.templateUserFolder}: the template's n8n settings hold no encryption key`);
  return settings.encryptionKey;
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
