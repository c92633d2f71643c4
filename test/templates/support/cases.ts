import type { Client } from '../../../backend/test/support/test-app';
import { waitFor } from './wait';

export interface TaskView {
  id: string;
  instanceId: string;
  queue: { key: string };
  title: string;
  status: string;
  priority: number;
}

export interface InstanceView {
  id: string;
  status: string;
  outcome: string | null;
  currentStage: { key: string } | null;
  /** The n8n execution that launched the case. */
  n8nExecutionId: string | null;
  entity: { externalId: string; email: string };
  data: Record<string, unknown>;
  stageVisits: Array<{ stageKey: string; ownerQueue: { key: string } | null; exitedAt: string | null }>;
  escalations: Array<{ toQueue?: { key: string } | null; reason: string }>;
  tasks: Array<{ stageKey: string | null; queue: { key: string } | null; title: string; status: string }>;
  timers: Array<{ label: string; status: string; fireAt: string }>;
}

const FULL_DAY = [['00:00', '24:00']];
export const ALWAYS_OPEN = { mon: FULL_DAY, tue: FULL_DAY, wed: FULL_DAY, thu: FULL_DAY, fri: FULL_DAY, sat: FULL_DAY, sun: FULL_DAY };

/** The instance a webhook launched, found by the entity's external id. */
export async function instanceOf(admin: Client, processKey: string, externalId: string, timeoutMs = 60_000): Promise<InstanceView> {
  return waitFor(`a ${processKey} case for ${externalId}`, async () => {
    const res = await admin.get(`/instances?processKey=${processKey}&limit=200`);
    const found = (res.body.items as InstanceView[]).find((i) => i.entity.externalId === externalId);
    return found ? detail(admin, found.id) : undefined;
  }, timeoutMs);
}

export async function detail(admin: Client, id: string): Promise<InstanceView> {
  const res = await admin.get(`/instances/${id}`);
  if (res.status !== 200) throw new Error(`GET /instances/${id}: ${res.status}`);
  return res.body as InstanceView;
}

/** The open task of a case in a queue, once it is there. */
export async function openTask(admin: Client, instanceId: string, queue: string, timeoutMs = 60_000): Promise<TaskView> {
  return waitFor(`an open task of ${instanceId} in ${queue}`, async () => {
    const res = await admin.get(`/tasks?queue=${queue}&limit=200`);
    return (res.body.items as TaskView[]).find((t) => t.instanceId === instanceId);
  }, timeoutMs);
}

export async function decide(client: Client, taskId: string, decision: string, comment?: string): Promise<void> {
  const res = await client.post(`/tasks/${taskId}/decide`).send({ decision, ...(comment ? { comment } : {}) });
  if (res.status !== 200) throw new Error(`decide ${decision}: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function ended(admin: Client, id: string, timeoutMs = 60_000): Promise<InstanceView> {
  return waitFor(`case ${id} to end`, async () => {
    const instance = await detail(admin, id);
    return instance.status === 'completed' || instance.status === 'cancelled' ? instance : undefined;
  }, timeoutMs);
}

export const stageKeys = (instance: InstanceView): string[] => instance.stageVisits.map((v) => v.stageKey);

/** The timers a Relative Delay registered under its label: one per wait of the case's flow. */
export const timersLabelled = (instance: InstanceView, label: string): InstanceView['timers'] => instance.timers.filter((t) => t.label === label);
