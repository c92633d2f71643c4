import { iso } from '../common/time';
import type { EventTable } from '../database/tables';

export interface EventResponse {
  id: string;
  type: string;
  instanceId: string | null;
  entityId: string | null;
  taskId: string | null;
  actor: { type: string; id: string | null; name: string | null };
  data: Record<string, unknown>;
  at: string;
}

export const toEventResponse = (event: EventTable): EventResponse => ({
  id: event.id,
  type: event.type,
  instanceId: event.instanceId,
  entityId: event.entityId,
  taskId: event.taskId,
  actor: { type: event.actorType, id: event.actorId, name: event.actorName },
  data: event.data,
  at: iso(event.createdAt)!,
});
