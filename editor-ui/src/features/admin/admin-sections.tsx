import { Navigate } from 'react-router';
import type { Permission } from '../../api/types';
import { Empty } from '../../components/page-state';
import { useSession } from '../../session/session';

/** The admin area's tabs and who may open each: most are for admins, message templates also for designers. */
export const ADMIN_SECTIONS = [
  { key: 'users', label: 'Users', permission: 'admin' },
  { key: 'queues', label: 'Queues', permission: 'admin' },
  { key: 'api-keys', label: 'API keys', permission: 'admin' },
  { key: 'calendars', label: 'Calendars', permission: 'admin' },
  { key: 'templates', label: 'Templates', permission: 'admin' },
  { key: 'message-templates', label: 'Messages', permission: 'messages:write' },
  { key: 'mailbox', label: 'Dev mailbox', permission: 'admin' },
  { key: 'deliveries', label: 'Failed deliveries', permission: 'admin' },
] as const satisfies ReadonlyArray<{ key: string; label: string; permission: Permission }>;

export type AdminSectionKey = (typeof ADMIN_SECTIONS)[number]['key'];

/** The sections this user may open, in tab order. */
export function useAdminSections() {
  const { can } = useSession();
  return ADMIN_SECTIONS.filter((section) => can(section.permission));
}

/** /admin opens the first section the user may see. */
export function AdminIndexRedirect() {
  const [first] = useAdminSections();
  if (!first) return <Empty title="Not available for your role">Ask an administrator if you need access to this page.</Empty>;
  return <Navigate to={`/admin/${first.key}`} replace />;
}
