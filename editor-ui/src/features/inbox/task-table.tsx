import { Link } from 'react-router';
import type { Task } from '../../api/types';
import { SlaBadge } from '../../components/sla-badge';
import { StalledBadge } from '../../components/stalled-badge';
import { formatDateTime, formatPriority, formatRelative } from '../../lib/format';
import { slaStateOf } from '../../lib/sla';
import { useNow } from '../../lib/use-now';
import { useProcessNames } from '../processes/use-process-names';
import { ClaimButton } from './claim-button';

interface TaskTableProps {
  tasks: Task[];
  cursor: number;
  selected: Set<string>;
  myId: string | null;
  canAct: boolean;
  onToggle: (taskId: string) => void;
  onToggleAll: (checked: boolean) => void;
  onFocusRow: (index: number) => void;
}

export function TaskTable({ tasks, cursor, selected, myId, canAct, onToggle, onToggleAll, onFocusRow }: TaskTableProps) {
  const now = useNow();
  const { processName, stageName } = useProcessNames();
  const allSelected = tasks.length > 0 && tasks.every((t) => selected.has(t.id));
  return (
    <table className="table task-table">
      <thead>
        <tr>
          {canAct ? (
            <th scope="col" className="col-check">
              <input type="checkbox" aria-label="Select all tasks on this page" checked={allSelected} onChange={(e) => onToggleAll(e.target.checked)} />
            </th>
          ) : null}
          <th scope="col">SLA</th>
          <th scope="col">Task</th>
          <th scope="col" className="col-wide">Queue</th>
          <th scope="col">Priority</th>
          <th scope="col">Due</th>
          <th scope="col" className="col-wide">Assignee</th>
          {canAct ? <th scope="col" aria-label="Actions" /> : null}
        </tr>
      </thead>
      <tbody>
        {tasks.map((task, index) => (
          <tr
            key={task.id}
            className={index === cursor ? 'row-current' : undefined}
            aria-current={index === cursor ? 'true' : undefined}
            data-task-id={task.id}
            onClick={() => onFocusRow(index)}
          >
            {canAct ? (
              <td className="col-check">
                <input type="checkbox" aria-label={`Select ${task.title}`} checked={selected.has(task.id)} onChange={() => onToggle(task.id)} />
              </td>
            ) : null}
            <td>
              <SlaBadge state={slaStateOf(task, now)} />
            </td>
            <td>
              <Link to={`/tasks/${task.id}`} className="task-title">
                {task.title}
              </Link>
              {task.stalledAt ? <StalledBadge since={task.stalledAt} /> : null}
              <div className="muted small">
                {processName(task.processKey)}
                {task.stageKey ? ` · ${stageName(task.processKey, task.stageKey)}` : ''}
              </div>
            </td>
            <td className="col-wide">{task.queue.name}</td>
            <td>
              <span className={`priority priority-${task.priority}`}>{formatPriority(task.priority)}</span>
            </td>
            <td title={formatDateTime(task.dueAt)}>{task.dueAt ? formatRelative(task.dueAt, now) : '—'}</td>
            <td className="col-wide">{task.assignee?.name ?? <span className="muted">Unassigned</span>}</td>
            {canAct ? (
              <td className="col-actions">
                <ClaimButton task={task} myId={myId} />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
