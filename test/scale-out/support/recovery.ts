import { waitFor } from '../../templates/support/wait';
import type { InstanceResponse } from '../../../backend/src/instances/instances.dto';
import type { TaskResponse } from '../../../backend/src/tasks/tasks.dto';
import { startCase, type Case } from './cases';
import { PROCESS_KEY, REVIEWERS } from './flow';
import type { QueueN8n } from './queue-n8n';
import type { Replica } from './replicas';
import { jobsInQueue } from './services';

/** A case whose launch execution died with the killed worker, as the backend reported it. */
export interface LostLaunch {
  readonly instanceId: string;
  readonly executionId: string;
  readonly message: string;
}

/**
 * After the worker is killed and a new one started: waits until n8n's queue is empty (Redis is asked:
 * the API does not list queued executions) and nothing runs, and every case either awaits review or was marked failed by the backend (the execution it was
 * launched by died with the worker: n8n marks it crashed, the backend's execution sweep sees that).
 * Returns the failed cases by external id. A case that never reached the backend has neither.
 */
export async function settleAfterWorkerLoss(replica: Replica, n8n: QueueN8n, workflowId: string, cases: readonly Case[], timeoutMs: number): Promise<Map<string, InstanceResponse>> {
  return waitFor('every case awaiting review or marked failed, and nothing queued or running in n8n', async () => {
    if ((await jobsInQueue(n8n.queuePrefix)) > 0) return undefined;
    const executions = await n8n.api.listExecutions({ workflowId, limit: 250 });
    if (executions.some((e) => e.status === 'new' || e.status === 'running')) return undefined;
    const instances = (await replica.call<{ items: InstanceResponse[] }>(`/instances?processKey=${PROCESS_KEY}&limit=200`)).items;
    const tasks = (await replica.call<{ items: TaskResponse[] }>(`/tasks?queue=${REVIEWERS}&limit=200`)).items;
    const failed = new Map<string, InstanceResponse>();
    for (const item of cases) {
      const instance = instances.find((i) => i.entity?.externalId === item.externalId);
      if (instance?.status === 'failed') failed.set(item.externalId, instance);
      else if (instance && !tasks.some((t) => t.instanceId === instance.id)) return undefined;
    }
    return failed;
  }, timeoutMs, 2000);
}

export interface Relaunches {
  /** Cases cancelled and launched again, by external id. */
  readonly lost: Map<string, LostLaunch>;
  /** Requests whose launch died before it reached the backend, sent again with their key. */
  readonly resent: string[];
}

/**
 * What an operator does with a case whose execution n8n lost: its data is gone (n8n 2.41 overwrites
 * a killed worker's executions with "failed to be processed too many times", so Retry has nothing to
 * run), so the case is cancelled and launched again under a new key. A case that never reached the
 * backend is sent again by its caller with the same Idempotency-Key.
 */
export async function relaunchLost(replica: Replica, n8nUrl: string, path: string, cases: readonly Case[], failed: Map<string, InstanceResponse>): Promise<Relaunches> {
  const relaunches: Relaunches = { lost: new Map(), resent: [] };
  const launched = (await replica.call<{ items: InstanceResponse[] }>(`/instances?processKey=${PROCESS_KEY}&limit=200`)).items;
  for (const item of cases) {
    const instance = failed.get(item.externalId);
    if (instance) {
      const { failure } = instance;
      if (failure?.source !== 'execution' || !failure.executionId) throw new Error(`${item.externalId} failed for another reason: ${JSON.stringify(failure)}`);
      relaunches.lost.set(item.externalId, { instanceId: instance.id, executionId: failure.executionId, message: failure.message });
      await replica.call(`/instances/${instance.id}/cancel`, { method: 'POST', body: {} });
      await startCase(n8nUrl, path, item, 'relaunch');
    } else if (!launched.some((i) => i.entity?.externalId === item.externalId)) {
      relaunches.resent.push(item.externalId);
      await startCase(n8nUrl, path, item);
    }
  }
  return relaunches;
}
