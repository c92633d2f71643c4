import { callWebhook, productionWebhookUrl } from '../../n8n';
import { waitFor } from '../../templates/support/wait';
import type { InstanceDetailResponse } from '../../../backend/src/instance-detail/instance-detail.service';
import type { InstanceResponse } from '../../../backend/src/instances/instances.dto';
import type { TaskResponse } from '../../../backend/src/tasks/tasks.dto';
import { BRANCHES, PROCESS_KEY, RELEASE_FIELD, REVIEWERS, type Decision } from './flow';
import type { Replica } from './replicas';

/** One case of the run: what the test asks of it, and what it found out about it. */
export interface Case {
  readonly externalId: string;
  readonly decision: Decision;
  /** Where its timer is moved once registered: a few seconds ahead (the scheduler fires it) or into the past. */
  readonly move: 'sooner' | 'past';
  instanceId?: string;
}

const caseName = (index: number): string => `REQ-${String(index).padStart(3, '0')}`;

/** Case `index`'s plan: decisions and moves alternate so each replica sees both of each. */
export function planCase(index: number): Case {
  return { externalId: caseName(index), decision: index % 2 === 0 ? 'approve' : 'reject', move: index % 4 < 2 ? 'sooner' : 'past' };
}

/**
 * Starts a case through the flow's production webhook; the timer's date is an hour out until the run
 * moves it. `attempt` names a new launch of the same request (a new Idempotency-Key).
 */
export async function startCase(n8nUrl: string, path: string, item: Case, attempt = ''): Promise<void> {
  const releaseAt = new Date(Date.now() + 60 * 60_000).toISOString();
  const response = await callWebhook(productionWebhookUrl(n8nUrl, path), {
    body: { id: item.externalId, name: `Requester ${item.externalId}`, data: { [RELEASE_FIELD]: releaseAt } },
    headers: { 'Idempotency-Key': `scale-out-${item.externalId}${attempt && `-${attempt}`}` },
  });
  if (response.status !== 200) throw new Error(`webhook for ${item.externalId}: ${response.status}`);
}

/** Whether every case has its open case and an open review task (fills in instanceId); one look, for a polling loop. */
export async function allAwaitReview(replica: Replica, cases: readonly Case[]): Promise<boolean> {
  const instances = await replica.call<{ items: InstanceResponse[] }>(`/instances?processKey=${PROCESS_KEY}&limit=200`);
  const tasks = await replica.call<{ items: TaskResponse[] }>(`/tasks?queue=${REVIEWERS}&limit=200`);
  for (const item of cases) item.instanceId = instances.items.find((i) => i.entity?.externalId === item.externalId && i.status !== 'cancelled')?.id;
  return cases.every((item) => tasks.items.some((t) => t.instanceId === item.instanceId));
}

/** Decides the case's open review task (the newest, should a retried execution have made another). */
export async function decide(replica: Replica, item: Case): Promise<void> {
  const tasks = await replica.call<{ items: TaskResponse[] }>(`/tasks?queue=${REVIEWERS}&limit=200`);
  const task = tasks.items.filter((t) => t.instanceId === item.instanceId).sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
  if (!task) throw new Error(`${item.externalId} has no open review task`);
  await replica.call(`/tasks/${task.id}/decide`, { method: 'POST', body: { decision: item.decision, comment: `decided on ${replica.name}` } });
}

export const detailOf = (replica: Replica, item: Case): Promise<InstanceDetailResponse> =>
  replica.call<InstanceDetailResponse>(`/instances/${item.instanceId}`);

/** Waits for the branch's Relative Delay to register its (backend-owned) timer, then moves its date. */
export async function moveTimer(replica: Replica, item: Case, timeoutMs: number): Promise<void> {
  const label = BRANCHES[item.decision].hold;
  await waitFor(`the pending timer "${label}" of ${item.externalId}`, async () => {
    const timers = (await detailOf(replica, item)).timers.filter((t) => t.label === label);
    return timers.some((t) => t.status === 'pending');
  }, timeoutMs, 500);
  const offsetMs = item.move === 'sooner' ? 3_000 : -60_000;
  await replica.call(`/instances/${item.instanceId}/data`, {
    method: 'PATCH',
    body: { data: { [RELEASE_FIELD]: new Date(Date.now() + offsetMs).toISOString() } },
  });
}

/** Runs `work` on every item, at most `limit` at a time. */
export async function inBatches<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
