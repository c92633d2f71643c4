import type { ActorType, UserRole } from '../database/tables';
import type { Permission } from './permissions';

/** Who is making a request: a signed-in user, an API key (n8n, an app), or the backend itself. */
export interface Actor {
  type: ActorType;
  id: string | null;
  name: string;
  role?: UserRole;
  permissions: Set<Permission>;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'caseflow', permissions: new Set() };

/** Reviewers act only on their own queues; everyone else with the permission sees every queue. */
export const isQueueBound = (actor: Actor): boolean => actor.type === 'user' && actor.role === 'reviewer';

/** May take over, release or decide a task another person has claimed (admins, automation keys). */
export const maySupervise = (actor: Actor): boolean => actor.permissions.has('tasks:supervise');
