import type { Execution, N8nApi } from '../../n8n';
import type { InstanceDetailResponse } from '../../../backend/src/instance-detail/instance-detail.service';
import { BRANCHES, type Decision } from './flow';
import { detailOf, type Case } from './cases';
import type { Replica } from './replicas';

/** Everything n8n and the backend say about one case once the run is over. */
export interface CaseFindings {
  readonly item: Case;
  readonly executions: Execution[];
  readonly detail: InstanceDetailResponse;
}

/** Statuses of an execution that has not come to rest. */
export const BUSY: readonly string[] = ['new', 'running', 'waiting'];

/** A case as the backend holds it, with the n8n executions the backend linked to it, each read with its data. */
export async function findingsOf(replica: Replica, api: N8nApi, item: Case): Promise<CaseFindings> {
  const detail = await detailOf(replica, item);
  const executions = await Promise.all(detail.executions.map((e) => api.getExecution(e.executionId, { includeData: true })));
  return { item, executions, detail };
}

/** How many times a node ran in an execution. */
export const runsOf = (execution: Execution, node: string): number => execution.data?.resultData.runData[node]?.length ?? 0;

/** The `branch` field the Set node of a decision wrote. */
export function branchWritten(execution: Execution, decision: Decision): unknown {
  const runs = execution.data?.resultData.runData[BRANCHES[decision].done] ?? [];
  return runs[0]?.data?.main?.[0]?.[0]?.json.branch;
}

export const eventsOf = (detail: InstanceDetailResponse, type: string): number => detail.timeline.filter((event) => event.type === type).length;

/** One line per case for a failure message: what n8n and the backend hold, side by side. */
export function describeCase({ item, executions, detail }: CaseFindings): string {
  return JSON.stringify({
    case: item.externalId,
    wanted: item.decision,
    move: item.move,
    status: detail.status,
    executions: executions.map((e) => ({ id: e.id, status: e.status, ran: Object.keys(e.data?.resultData.runData ?? {}) })),
    tasks: detail.tasks.map((t) => `${t.status}:${t.decision}`),
    timers: detail.timers.map((t) => `${t.label}:${t.status}${t.moved ? ':moved' : ''}`),
    deliveries: detail.deliveries.map((d) => `${d.kind}:${d.status}:${d.attempts}${d.lastError ? `:${d.lastError}` : ''}`),
    events: detail.timeline.map((event) => event.type),
  });
}
