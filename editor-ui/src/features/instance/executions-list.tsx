import type { CaseExecution } from '../../api/types';
import { StatusBadge } from '../../components/sla-badge';
import { formatDateTime } from '../../lib/format';

/** The n8n executions that acted on a case, as n8n last described them, each linked to the n8n editor. */
export function ExecutionsList({ executions }: { executions: CaseExecution[] }) {
  return (
    <ul className="execution-list">
      {executions.map((execution) => (
        <li key={execution.executionId}>
          <StatusBadge status={execution.status} />{' '}
          {execution.executionUrl ? (
            <a href={execution.executionUrl} target="_blank" rel="noreferrer">
              Execution {execution.executionId}
            </a>
          ) : (
            `Execution ${execution.executionId}`
          )}
          <div className="muted small">
            Last seen {formatDateTime(execution.lastSeenAt)}
            {execution.error ? ` · ${execution.error.node ? `${execution.error.node}: ` : ''}${execution.error.message}` : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}
