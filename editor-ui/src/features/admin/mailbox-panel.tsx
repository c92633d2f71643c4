import { useState } from 'react';
import type { Message } from '../../api/timeline-types';
import { Empty, QueryState } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { recipientsOf } from '../instance/build-timeline';
import { MessageBody } from '../instance/message-body';
import { MessageAttachments } from '../messages/message-attachments';
import { MessageKindBadge, MessageKindFilter, type KindChoice } from '../messages/message-kind';
import { useAdminList } from './admin-queries';

/** Every message Caseflow "sent" while no SMTP server is configured. */
export function MailboxPanel() {
  const [kind, setKind] = useState<KindChoice>('');
  const messages = useAdminList<Message>(['admin', 'mailbox', kind], '/mailbox', { limit: '100', kind });
  return (
    <div className="stack">
      <form className="filter-bar" aria-label="Mailbox filters" onSubmit={(e) => e.preventDefault()}>
        <MessageKindFilter value={kind} onChange={setKind} />
      </form>
      <QueryState query={messages}>
        {(list) =>
          list.length === 0 ? (
            <Empty title={kind ? `No ${kind} messages` : 'The dev mailbox is empty'}>Messages appear here when no SMTP server is configured.</Empty>
          ) : (
            <ul className="mailbox">
              {list.map((message) => (
                <li key={message.id} className="card">
                  <p>
                    <strong>{message.subject}</strong> <MessageKindBadge kind={message.kind} />
                  </p>
                  <p className="muted small">
                    To {recipientsOf(message) || '—'} · {formatDateTime(message.sentAt ?? message.createdAt)} · {message.status}
                  </p>
                  <MessageAttachments attachments={message.attachments} />
                  <MessageBody message={message} />
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </div>
  );
}
