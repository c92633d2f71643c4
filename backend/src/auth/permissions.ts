import type { UserRole } from '../database/tables';

export const PERMISSIONS = [
  'entities:read',
  'entities:write',
  'processes:read',
  'processes:write',
  'instances:read',
  /** start a new case for an existing record (the UI's "Start workflow") */
  'instances:launch',
  /** everything else on cases: attach, upsert records on launch, data, stage, complete, cancel, retry, timers, waits */
  'instances:write',
  'tasks:read',
  /** claim, decide, comment, reassign, escalate — within the actor's queues for a reviewer */
  'tasks:write',
  /** create review tasks (a wait of an n8n execution) */
  'tasks:create',
  /** take over, release or decide a task someone else has claimed (audited as task.taken_over) */
  'tasks:supervise',
  /** subscribe webhooks to events, list and remove subscriptions */
  'webhooks:write',
  'messages:read',
  'messages:write',
  'documents:read',
  /** add files to a case and remove them (within the cases the actor sees) */
  'documents:write',
  /** add follow-ups, to-dos and events to cases the actor sees, and work their own */
  'activities:write',
  'reports:read',
  'admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** API key scopes are permissions, plus "automation": everything n8n needs, nothing of admin. */
export const API_KEY_SCOPES = [...PERMISSIONS, 'automation'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const READ: Permission[] = PERMISSIONS.filter((p) => p.endsWith(':read'));

/**
 * The permission matrix of SECURITY.md. Reviewers work tasks and nothing else: launching, editing,
 * cancelling cases, timers, waits, records and webhooks belong to the roles that administer
 * processes and to automation keys. Row-level scope (a reviewer's queues) is in case-scope.ts.
 */
const ROLE_PERMISSIONS: Record<UserRole, Permission[]> = {
  admin: [...PERMISSIONS],
  designer: [...READ, 'processes:write', 'messages:write', 'entities:write', 'instances:launch', 'instances:write', 'tasks:create', 'webhooks:write', 'documents:write', 'activities:write'],
  reviewer: [...READ, 'instances:launch', 'tasks:write', 'documents:write', 'activities:write'],
  viewer: READ,
};

/**
 * What an actor with `instances:launch` but not `instances:write` may not put in a launch: each of
 * these attaches to, reveals or edits something beyond a new case for an existing record.
 */
export function beyondLaunch(actor: { permissions: Set<Permission> }, launch: { instanceId?: unknown; entity?: unknown; idempotencyKey?: unknown }): string | null {
  if (actor.permissions.has('instances:write')) return null;
  if (launch.instanceId !== undefined) return 'instanceId';
  if (launch.entity !== undefined) return 'entity';
  if (launch.idempotencyKey !== undefined) return 'idempotencyKey';
  return null;
}

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
