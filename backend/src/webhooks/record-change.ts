import { isDeepStrictEqual } from 'node:util';
import type { EntityTable, EventTable, WebhookSubscriptionTable } from '../database/tables';
import { readRecordField, RecordFields, valueText } from '../entities/record-field';

/** Record events a subscription may filter by type, field and value. */
export const RECORD_EVENTS = ['entity.created', 'entity.updated'] as const;
export const isRecordEvent = (type: string): boolean => (RECORD_EVENTS as readonly string[]).includes(type);

/** What a record event delivers: the record after the change, and the changed fields, dotted. */
export interface RecordChange {
  entity: Pick<EntityTable, 'id' | 'type' | 'externalId' | 'name' | 'email' | 'managerEmail' | 'attributes'>;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  changed: string[];
  /** The record before the change (null for a new one): nested paths are read from it. */
  previous: RecordFields | null;
}

const OWN_FIELDS = ['name', 'email', 'managerEmail'] as const;
const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * Built from the event and the record as the event's transaction left it. entity.updated's data keeps
 * attributes nested (`{ attributes: { status } }`, a missing key as null), as the timeline shows it;
 * triggers get one dotted key per changed field.
 */
export function recordChangeOf(event: EventTable, row: EntityTable): RecordChange {
  const entity = {
    id: row.id, type: row.type, externalId: row.externalId, name: row.name,
    email: row.email, managerEmail: row.managerEmail, attributes: row.attributes,
  };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (event.type === 'entity.created') {
    for (const field of OWN_FIELDS) if (row[field] !== null) after[field] = row[field];
    for (const [key, value] of Object.entries(row.attributes)) after[`attributes.${key}`] = value;
    return { entity, before, after, changed: Object.keys(after), previous: null };
  }
  const data = asObject(event.data);
  const oldValues = asObject(data.before);
  const newValues = asObject(data.after);
  const previous: RecordFields = { name: row.name, email: row.email, managerEmail: row.managerEmail, attributes: { ...row.attributes } };
  for (const field of OWN_FIELDS) {
    if (!(field in newValues)) continue;
    before[field] = oldValues[field] ?? null;
    after[field] = newValues[field] ?? null;
    (previous as Record<string, unknown>)[field] = oldValues[field] ?? null;
  }
  const oldAttributes = asObject(oldValues.attributes);
  const attributes = new Map(Object.entries(previous.attributes));
  for (const [key, value] of Object.entries(asObject(newValues.attributes))) {
    const old = oldAttributes[key] ?? null;
    before[`attributes.${key}`] = old;
    after[`attributes.${key}`] = value;
    // Stored attributes are never null: null in the event's before means the key was absent.
    if (old === null) attributes.delete(key);
    else attributes.set(key, old);
  }
  previous.attributes = Object.fromEntries(attributes);
  return { entity, before, after, changed: Object.keys(after), previous };
}

/** Does the change pass the subscription's type, field and value filters? */
export function matchesRecordFilter(subscription: WebhookSubscriptionTable, change: RecordChange): boolean {
  if (subscription.entityType && subscription.entityType !== change.entity.type) return false;
  if (!subscription.field) return true;
  const now = readRecordField(change.entity, subscription.field);
  const was = change.previous ? readRecordField(change.previous, subscription.field) : undefined;
  if (subscription.value === null) {
    return change.previous ? !isDeepStrictEqual(was ?? null, now ?? null) : now !== undefined && now !== null;
  }
  return valueText(now) === subscription.value && (!change.previous || valueText(was) !== subscription.value);
}
