import type { EntityTable } from '../database/tables';

/** A record as a trigger sees it: its own fields and its attributes. */
export type RecordFields = Pick<EntityTable, 'name' | 'email' | 'managerEmail' | 'attributes'>;

/** The record's own fields a change can be matched on; everything else is an attribute. */
const OWN_FIELDS = new Set(['name', 'email', 'managerEmail']);
/** Fixed for a record's life (type changes are entity.converted), so matching on them would never fire. */
const FIXED_FIELDS = new Set(['id', 'type', 'externalId', 'createdAt', 'updatedAt', 'attributes']);
const SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;
// Plain data keys, but reading them walks the prototype chain.
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 6;

export const RECORD_FIELD_RULE =
  'must be name, email, managerEmail, an attribute key (status) or a dotted attribute path (attributes.course.status)';

/**
 * The canonical path of a subscription's field, or null when it is not one a change can match:
 * `status` is short for `attributes.status`; `attributes.x.y` reaches into nested attributes.
 */
export function normalizeRecordField(input: string): string | null {
  const field = input.trim();
  if (OWN_FIELDS.has(field)) return field;
  if (FIXED_FIELDS.has(field)) return null;
  const segments = field.startsWith('attributes.') ? field.slice('attributes.'.length).split('.') : field.split('.');
  if (!field.startsWith('attributes.') && segments.length > 1) return null;
  if (segments.length > MAX_DEPTH || segments.some((s) => !SEGMENT.test(s) || UNSAFE.has(s))) return null;
  return `attributes.${segments.join('.')}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a normalized path; undefined when the record does not have it. */
export function readRecordField(record: RecordFields, path: string): unknown {
  if (OWN_FIELDS.has(path)) return record[path as 'name' | 'email' | 'managerEmail'];
  let current: unknown = record.attributes;
  for (const segment of path.split('.').slice(1)) {
    if (!isObject(current) || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

/**
 * How a field's value compares with a subscription's Value: strings as they are, anything else as
 * its JSON (3 → "3", true → "true"). A missing field matches nothing.
 */
export function valueText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
