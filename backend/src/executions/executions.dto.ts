import { iso } from '../common/time';
import type { N8nConfig } from '../config/config';
import type { CaseExecutionTable, ExecutionStatus } from '../database/tables';

export interface ExecutionResponse {
  executionId: string;
  workflowId: string | null;
  status: ExecutionStatus;
  /** n8n's error for a failed execution, or a note that n8n did not find it. */
  error: { message: string; node: string | null } | null;
  /** The execution in the n8n editor; null without N8N_URL or before the workflow is known. */
  executionUrl: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  checkedAt: string | null;
}

/** The execution's page in the n8n editor (N8N_EDITOR_URL, else N8N_URL). */
export function executionUrl(n8n: N8nConfig | undefined, workflowId: string | null, executionId: string | null): string | null {
  if (!n8n || !workflowId || !executionId) return null;
  return `${n8n.editorUrl ?? n8n.url}/workflow/${encodeURIComponent(workflowId)}/executions/${encodeURIComponent(executionId)}`;
}

export const toExecutionResponse = (row: CaseExecutionTable, n8n: N8nConfig | undefined): ExecutionResponse => ({
  executionId: row.executionId,
  workflowId: row.workflowId,
  status: row.status,
  error: row.error ? { message: row.error.message, node: row.error.node } : null,
  executionUrl: executionUrl(n8n, row.workflowId, row.executionId),
  firstSeenAt: iso(row.firstSeenAt)!,
  lastSeenAt: iso(row.lastSeenAt)!,
  checkedAt: iso(row.checkedAt),
});
