import type { Permission } from '../api/types';

/**
 * The main navigation. A new area (the process designer, the live process map) is one more
 * entry here and one more route in router.tsx.
 */
export interface NavItem {
  to: string;
  label: string;
  permission: Permission;
  /** Other permissions that also open the area (designers reach the admin area's message templates). */
  orPermissions?: Permission[];
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/inbox', label: 'Inbox', permission: 'tasks:read' },
  { to: '/agenda', label: 'My agenda', permission: 'tasks:read' },
  // For the people who build and run the flows (admins, designers): processes:write is theirs alone.
  { to: '/attention', label: 'Needs attention', permission: 'processes:write' },
  { to: '/processes', label: 'Processes', permission: 'processes:write' },
  { to: '/entities', label: 'Records', permission: 'entities:read' },
  { to: '/reports', label: 'Reports', permission: 'reports:read' },
  { to: '/admin', label: 'Admin', permission: 'admin', orPermissions: ['messages:write'] },
];

export function mayOpen(item: NavItem, can: (permission: Permission) => boolean): boolean {
  return can(item.permission) || (item.orPermissions ?? []).some(can);
}

/** Where a user lands after signing in: the first area their role opens. */
export function homePathFor(can: (permission: Permission) => boolean): string {
  return NAV_ITEMS.find((item) => mayOpen(item, can))?.to ?? '/inbox';
}
