import { randomUUID } from 'node:crypto';
import type { Workflow } from '../../n8n';
import { packNodes } from '../../templates/support/pack';
import { scaleOutFlow } from './flow';
import { startRoundRobinProxy, type RoundRobinProxy } from './proxy';
import { startQueueN8n, type QueueN8n } from './queue-n8n';
import { seedProcess, SIGNING_SECRET, startReplica, type Replica } from './replicas';
import { assertRedisAnswers, createDatabase, deleteRedisKeys, type Database } from './services';

export const WEBHOOK_PATH = 'scale-out-request';

/**
 * Answers the proxy loses after a replica did the work, as when a replica dies mid-answer: the nodes
 * send those calls again, and the wait must still be registered, and taken, once.
 */
export const LOST_ANSWERS = { 'POST /tasks': 3, 'POST /timers': 3, 'POST /waits/take': 3 };

/** deploy/compose.yaml as processes on loopback, with the flow deployed and active. */
export interface Topology {
  readonly n8n: QueueN8n;
  readonly replicas: readonly [Replica, Replica];
  readonly proxy: RoundRobinProxy;
  readonly workflow: Workflow;
  stop(): Promise<void>;
}

/**
 * PostgreSQL databases for n8n and for the backend, n8n main + worker in queue mode on Redis, two
 * backend replicas, and the round-robin proxy in front of them that the Caseflow credential names:
 * the nodes have one base URL, and a deployment puts a load balancer there (compose.yaml: Caddy).
 */
export async function startTopology(): Promise<Topology> {
  await assertRedisAnswers();
  const queuePrefix = `caseflow-scale-${randomUUID().slice(0, 8)}`;
  const cleanups: Array<() => Promise<void>> = [async () => deleteRedisKeys(queuePrefix)];
  const stop = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: Error) => console.error(`scale-out cleanup: ${error.message}`));
  };
  try {
    const track = (database: Database): Database => (cleanups.push(() => database.drop()), database);
    const [n8nDb, backendDb, nodesTgz] = await Promise.all([createDatabase('n8n').then(track), createDatabase('backend').then(track), packNodes()]);
    const n8n = await startQueueN8n({ nodesTgz, database: n8nDb, queuePrefix });
    cleanups.push(() => n8n.stop());
    const replicaOptions = { databaseUrl: backendDb.url, n8nUrl: n8n.main.baseUrl, n8nApiKey: n8n.apiKey };
    // One after the other, as compose starts them: the first runs the migrations and creates the admin.
    const a = await startReplica('A', replicaOptions);
    cleanups.push(() => a.backend.stop());
    const b = await startReplica('B', replicaOptions);
    cleanups.push(() => b.backend.stop());
    const proxy = await startRoundRobinProxy([a.backend.url, b.backend.url], LOST_ANSWERS);
    cleanups.push(() => proxy.close());

    const apiKey = await seedProcess(a);
    const credential = await n8n.api.createCredential({
      name: 'Caseflow',
      type: 'caseflowApi',
      data: { baseUrl: proxy.url, apiKey, signingSecret: SIGNING_SECRET },
    });
    const workflow = await n8n.api.createWorkflow(scaleOutFlow(WEBHOOK_PATH, credential.id));
    await n8n.api.activateWorkflow(workflow.id);
    return { n8n, replicas: [a, b], proxy, workflow, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
