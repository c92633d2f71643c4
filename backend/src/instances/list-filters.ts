import type { FieldError } from '../common/validation';
import type { InstanceStatus } from '../database/tables';
import type { ListInstancesQuery } from './instances.dto';

/** A case that may still act or be acted on; `failed` needs attention, so it counts as open. */
export const OPEN_STATUSES: InstanceStatus[] = ['active', 'waiting', 'failed'];
export const CLOSED_STATUSES: InstanceStatus[] = ['completed', 'cancelled'];

/** Filters that only mean something together; each half alone is refused, naming the missing one. */
export function checkListFilters(query: ListInstancesQuery): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, messages: [message] });
  if (query.entityType !== undefined && query.externalId === undefined) {
    add('externalId', 'is required with entityType: an entity is found by its type and external id together');
  }
  if (query.externalId !== undefined && query.entityType === undefined) {
    add('entityType', 'is required with externalId: external ids are unique only within an entity type');
  }
  if (query.idempotencyKey !== undefined && query.processKey === undefined) {
    add('processKey', 'is required with idempotencyKey: idempotency keys are unique only within a process');
  }
  return errors;
}

export function statusesOf(open: boolean | undefined): InstanceStatus[] | undefined {
  if (open === undefined) return undefined;
  return open ? OPEN_STATUSES : CLOSED_STATUSES;
}
