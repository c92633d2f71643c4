import type { ComponentType } from 'react';
import { NavLink, useParams } from 'react-router';
import { Empty } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { RequirePermission } from '../../session/require-session';
import { MessageTemplatesPanel } from '../message-templates/message-templates-panel';
import { ADMIN_SECTIONS, useAdminSections, type AdminSectionKey } from './admin-sections';
import { ApiKeysPanel } from './api-keys-panel';
import { CalendarsPanel } from './calendars-panel';
import { DeadLettersPanel } from './dead-letters-panel';
import { MailboxPanel } from './mailbox-panel';
import { QueuesPanel } from './queues-panel';
import { TemplatesPanel } from './templates-panel';
import { UsersPanel } from './users-panel';

const PANELS: Record<AdminSectionKey, ComponentType> = {
  users: UsersPanel,
  queues: QueuesPanel,
  'api-keys': ApiKeysPanel,
  calendars: CalendarsPanel,
  templates: TemplatesPanel,
  'message-templates': MessageTemplatesPanel,
  mailbox: MailboxPanel,
  deliveries: DeadLettersPanel,
};

export default function AdminPage() {
  const { section } = useParams();
  const visible = useAdminSections();
  const current = ADMIN_SECTIONS.find((s) => s.key === section);
  const Panel = current ? PANELS[current.key] : null;
  return (
    <>
      <PageHeader title="Admin" />
      <nav className="tabs" aria-label="Admin sections">
        {visible.map((s) => (
          <NavLink key={s.key} to={`/admin/${s.key}`} className="tab">
            {s.label}
          </NavLink>
        ))}
      </nav>
      {current && Panel ? (
        <RequirePermission permission={current.permission}>
          <Panel />
        </RequirePermission>
      ) : (
        <Empty title="Unknown admin section" />
      )}
    </>
  );
}
