import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import type { TimelineItem } from './build-timeline';
import { MessageAttachments } from '../messages/message-attachments';
import { MessageKindBadge } from '../messages/message-kind';
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

export function TimelineList({ items, emptyText = 'Nothing has happened yet.' }: { items: TimelineItem[]; emptyText?: string }) {
  if (items.length === 0) return <p className="muted">{emptyText}</p>;
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
            {item.kind === 'message' && item.message ? (
              <>
                <MessageKindBadge kind={item.message.kind} />
                <MessageAttachments attachments={item.message.attachments} />
                <MessageBody message={item.message} />
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
