import { ErrorNotice, Loading } from '../../components/page-state';
import { useTaskCounts } from '../task/task-api';

interface QueueCountsProps {
  selected: string;
  onSelect: (queueKey: string) => void;
}

/** The user's queues with their open and overdue counts; picking one filters the inbox. */
export function QueueCounts({ selected, onSelect }: QueueCountsProps) {
  const counts = useTaskCounts();
  if (counts.isPending) return <Loading label="Loading queues…" />;
  if (counts.error) return <ErrorNotice error={counts.error} />;
  const rows = counts.data;
  const totalOpen = rows.reduce((sum, row) => sum + row.open, 0);
  return (
    <nav className="queue-counts" aria-label="Queues">
      <h2 className="section-title">Queues</h2>
      {rows.length === 0 ? <p className="muted">You are not in any queue yet.</p> : null}
      <ul>
        <li>
          <button type="button" className="queue-count" aria-pressed={selected === ''} onClick={() => onSelect('')}>
            <span>All my queues</span>
            <span className="count">{totalOpen}</span>
          </button>
        </li>
        {rows.map((row) => (
          <li key={row.queue.id}>
            <button type="button" className="queue-count" aria-pressed={selected === row.queue.key} onClick={() => onSelect(row.queue.key)}>
              <span>{row.queue.name}</span>
              <span className="count" aria-label={`${row.open} open, ${row.overdue} overdue`}>
                {row.open}
                {row.overdue > 0 ? <span className="count-overdue">{row.overdue} late</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
