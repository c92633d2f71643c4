import type { Task } from '../../api/types';
import { DataList, DetailsList } from '../../components/details-list';
import { formatDateTime } from '../../lib/format';

/** What was decided, by whom and when — for a task that is no longer open. */
export function DecidedSummary({ task }: { task: Task }) {
  if (task.status !== 'decided') {
    return <p>This task was {task.status} and can no longer be decided.</p>;
  }
  const label = task.decisions.find((d) => d.key === task.decision)?.label ?? task.decision;
  return (
    <div className="decided-summary" role="status">
      <DetailsList
        items={[
          ['Decision', <strong key="d">{label}</strong>],
          ['Decided by', task.decidedBy?.name],
          ['When', formatDateTime(task.decidedAt)],
          ['Comment', task.comment ? <span className="pre-wrap">{task.comment}</span> : null],
        ]}
      />
      {task.captured && Object.keys(task.captured).length > 0 ? (
        <>
          <h3>Captured</h3>
          <DataList data={task.captured} />
        </>
      ) : null}
    </div>
  );
}
