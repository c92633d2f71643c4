import type { Execution, N8nApi } from '../../../n8n';
import { waitFor } from '../../../templates/support/wait';

/** Every execution of a workflow, each read with its data (n8n's list leaves the data out). */
export async function executionsOf(api: N8nApi, workflowId: string): Promise<Execution[]> {
  const listed = await api.listExecutions({ workflowId });
  return Promise.all(listed.map((e) => api.getExecution(e.id, { includeData: true })));
}

/** Waits until the workflow has `count` executions matching `until`, and returns them. */
export async function waitForExecutions(
  api: N8nApi,
  workflowId: string,
  until: (execution: Execution) => boolean,
  count = 1,
  timeoutMs = 60_000,
): Promise<Execution[]> {
  try {
    return await waitFor(`${count} matching execution(s) of workflow ${workflowId}`, async () => {
      const matching = (await executionsOf(api, workflowId)).filter(until);
      return matching.length >= count ? matching : undefined;
    }, timeoutMs, 500);
  } catch (error) {
    const seen = (await executionsOf(api, workflowId)).map((e) => ({ id: e.id, status: e.status, ran: nodesRun(e), error: e.data?.resultData.error?.message }));
    throw new Error(`${(error as Error).message}; executions: ${JSON.stringify(seen)}`);
  }
}

export const atRest = (execution: Execution): boolean => !['new', 'running', 'waiting'].includes(execution.status);

/** Names of the nodes that ran in an execution (read with its data). */
export const nodesRun = (execution: Execution): string[] => Object.keys(execution.data?.resultData.runData ?? {});

/** The items a node's last run put on output `index`. */
export function itemsOut(execution: Execution, node: string, index = 0): Array<Record<string, unknown>> {
  const runs = execution.data?.resultData.runData[node] ?? [];
  return (runs[runs.length - 1]?.data?.main?.[index] ?? []).map((item) => item.json as Record<string, unknown>);
}
