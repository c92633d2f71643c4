import type { UserRole } from '../database/tables';

export const PERMISSIONS = [
  'entities:read',
  'entities:write',
  'processes:read',
  'processes:write',
  'instances:read',
  'instances:write',
  'tasks:read',
  'tasks:write',
  'messages:read',
  'messages:write',
  'reports:read',
  'admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** API key scopes are permissions, plus "automation": everything n8n needs, nothing of admin. */
export const API_KEY_SCOPES = [...PERMISSIONS, 'automation'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const READ: Permission[] = PERMISSIONS.filter((p) => p.endsWith(':read'));

const ROLE_PERMISSIONS: Record<UserRole, Permission[]> = {
  admin: [...PERMISSIONS],
  designer: [...READ, 'processes:write', 'messages:write', 'entities:write', 'instances:write'],
  reviewer: [...READ, 'entities:write', 'instances:write', 'tasks:write'],
  viewer: READ,
};

export function permissionsOfRole(role: UserRole): Set<Permission> {
  return new Set(ROLE_PERMISSIONS[role]);
}

export function permissionsOfScopes(scopes: string[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const scope of scopes) {
    if (scope === 'automation') PERMISSIONS.filter((p) => p !== 'admin').forEach((p) => granted.add(p));
    else if ((PERMISSIONS as readonly string[]).includes(scope)) granted.add(scope as Permission);
  }
  return granted;
}
