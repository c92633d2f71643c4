import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import type { TimelineItem } from './build-timeline';
import { MessageBody } from './message-body';

const KIND_LABELS: Record<TimelineItem['kind'], string> = {
  stage: 'Stage',
  task: 'Task',
  decision: 'Decision',
  message: 'Message',
  escalation: 'Escalation',
  timer: 'Timer',
  delivery: 'Delivery',
  event: 'Event',
};

export function TimelineList({ items }: { items: TimelineItem[] }) {
  if (items.length === 0) return <p className="muted">Nothing has happened yet.</p>;
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={item.id} className={`timeline-item timeline-${item.kind}`}>
          <div className="timeline-meta">
            <span className={`badge kind kind-${item.kind}`}>{KIND_LABELS[item.kind]}</span>
            <time dateTime={item.at}>{formatDateTime(item.at)}</time>
          </div>
          <div className="timeline-body">
            <p className="timeline-title">{item.taskId ? <Link to={`/tasks/${item.taskId}`}>{item.title}</Link> : item.title}</p>
            {item.detail ? <p className="muted small">{item.detail}</p> : null}
            {item.kind === 'decision' && item.comment ? <blockquote className="comment pre-wrap">{item.comment}</blockquote> : null}
            {item.kind === 'message' && item.message ? <MessageBody message={item.message} /> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
