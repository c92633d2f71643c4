import type { Message } from '../../api/timeline-types';
import { Empty, QueryState } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { recipientsOf } from '../instance/build-timeline';
import { MessageBody } from '../instance/message-body';
import { useAdminList } from './admin-queries';

/** Every message Caseflow "sent" while no SMTP server is configured. */
export function MailboxPanel() {
  const messages = useAdminList<Message>(['admin', 'mailbox'], '/mailbox', { limit: '100' });
  return (
    <QueryState query={messages}>
      {(list) =>
        list.length === 0 ? (
          <Empty title="The dev mailbox is empty">Messages appear here when no SMTP server is configured.</Empty>
        ) : (
          <ul className="mailbox">
            {list.map((message) => (
              <li key={message.id} className="card">
                <p>
                  <strong>{message.subject}</strong>
                </p>
                <p className="muted small">
                  To {recipientsOf(message) || '—'} · {formatDateTime(message.sentAt ?? message.createdAt)} · {message.status}
                </p>
                <MessageBody message={message} />
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}
