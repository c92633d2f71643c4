import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiKey, signIn, startBackend, type Backend } from '../../../bench/support/backend';
import { ENTITY_TYPE, PROCESS_KEY, REVIEWERS } from './flow';

export const SIGNING_SECRET = 'scale-out-signing-secret';

/** One backend replica as the run drives it: its process, and the admin's session on it. */
export interface Replica {
  readonly name: string;
  readonly backend: Backend;
  /** Calls /api/v1<path> on this replica as the admin; throws on 300 and above. */
  call<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  /** SIGKILL: no shutdown hooks, its leases and transactions are simply abandoned. */
  kill(): Promise<void>;
}

export interface ReplicaOptions {
  readonly databaseUrl: string;
  /** n8n main's address and an API key: resume URLs are allowed on it, and failed executions are followed. */
  readonly n8nUrl: string;
  readonly n8nApiKey: string;
}

/**
 * The built backend (`backend/dist/main.js`), each replica its own process on one PostgreSQL database,
 * every one with the scheduler on, as docs/deploy.md runs them: due timers and outbox deliveries are
 * claimed with FOR UPDATE SKIP LOCKED, so running it on both is what exactly-once has to survive.
 */
export async function startReplica(name: string, options: ReplicaOptions): Promise<Replica> {
  const dataDir = await mkdtemp(join(tmpdir(), `caseflow-replica-${name}-`));
  const backend = await startBackend({
    dataDir,
    scheduler: true,
    env: {
      DATABASE_URL: options.databaseUrl,
      CASEFLOW_SIGNING_SECRET: SIGNING_SECRET,
      CASEFLOW_ALLOWED_RESUME_ORIGINS: '',
      N8N_URL: options.n8nUrl,
      N8N_API_KEY: options.n8nApiKey,
      // A failed delivery (n8n busy, worker gone) is tried again after 0.5 s, 1 s, 2 s…
      CASEFLOW_OUTBOX_RETRY_BASE_MS: '500',
    },
  });
  backend.child.once('exit', (code, signal) => {
    console.log(`replica ${name} (pid ${backend.pid}) exited: ${signal ?? `code ${code}`}`);
    void rm(dataDir, { recursive: true, force: true });
  });
  const cookie = await signIn(backend);
  return {
    name,
    backend,
    call: async <T>(path: string, init: { method?: string; body?: unknown } = {}) => {
      const body = init.body === undefined ? undefined : JSON.stringify(init.body);
      const res = await backend.api(path, { method: init.method ?? 'GET', cookie, body });
      return (await res.json()) as T;
    },
    kill: async () => {
      if (backend.child.exitCode !== null || backend.child.signalCode !== null) return;
      const exited = new Promise((resolve) => backend.child.once('exit', resolve));
      backend.child.kill('SIGKILL');
      await exited;
    },
  };
}

/** The entity type, reviewers queue and published process the flow launches into; an automation key for n8n. */
export async function seedProcess(replica: Replica): Promise<string> {
  await replica.call('/entity-types', { method: 'POST', body: { key: ENTITY_TYPE, name: 'Requests' } });
  await replica.call('/queues', { method: 'POST', body: { key: REVIEWERS, name: 'Reviewers' } });
  await replica.call('/processes', {
    method: 'POST',
    body: {
      key: PROCESS_KEY,
      name: 'Scale-out review',
      entityTypes: [ENTITY_TYPE],
      stages: [{ key: 'review', name: 'Review', ownerQueue: REVIEWERS }],
      decisions: [{ key: 'approve', label: 'Approve' }, { key: 'reject', label: 'Reject' }],
    },
  });
  await replica.call(`/processes/${PROCESS_KEY}/publish`, { method: 'POST' });
  return createApiKey(replica.backend, await signIn(replica.backend), ['automation']);
}
