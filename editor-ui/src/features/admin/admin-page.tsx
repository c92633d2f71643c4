import { NavLink, useParams } from 'react-router';
import { Empty } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { ApiKeysPanel } from './api-keys-panel';
import { CalendarsPanel } from './calendars-panel';
import { DeadLettersPanel } from './dead-letters-panel';
import { MailboxPanel } from './mailbox-panel';
import { QueuesPanel } from './queues-panel';
import { TemplatesPanel } from './templates-panel';
import { UsersPanel } from './users-panel';

const SECTIONS = [
  { key: 'users', label: 'Users', Panel: UsersPanel },
  { key: 'queues', label: 'Queues', Panel: QueuesPanel },
  { key: 'api-keys', label: 'API keys', Panel: ApiKeysPanel },
  { key: 'calendars', label: 'Calendars', Panel: CalendarsPanel },
  { key: 'templates', label: 'Templates', Panel: TemplatesPanel },
  { key: 'mailbox', label: 'Dev mailbox', Panel: MailboxPanel },
  { key: 'deliveries', label: 'Failed deliveries', Panel: DeadLettersPanel },
] as const;

export default function AdminPage() {
  const { section } = useParams();
  const current = SECTIONS.find((s) => s.key === section);
  return (
    <>
      <PageHeader title="Admin" />
      <nav className="tabs" aria-label="Admin sections">
        {SECTIONS.map((s) => (
          <NavLink key={s.key} to={`/admin/${s.key}`} className="tab">
            {s.label}
          </NavLink>
        ))}
      </nav>
      {current ? <current.Panel /> : <Empty title="Unknown admin section" />}
    </>
  );
}
