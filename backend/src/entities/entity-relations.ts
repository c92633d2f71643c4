import type { FieldError } from '../common/validation';

/** Usable as a Handlebars path (`related.courseDate.name`) and an n8n field name. */
export const RELATION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

/** Incoming links shown per request: a course date's bookings, an employer's employees. */
export const MAX_INCOMING = 1000;

/** A related record named by its type and external id, or by its Caseflow id. */
export interface RelationTarget {
  type?: string;
  externalId?: string;
  id?: string;
}

/** `{ courseDate: { type: 'courseDate', externalId: 'CD-7' } }`; null removes the link. */
export type RelationsInput = Record<string, RelationTarget | null>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** Shape errors, each naming `<field>.<name>`; the targets are looked up afterwards. */
export function checkRelationsInput(input: unknown, field: string): FieldError[] {
  if (!isPlainObject(input)) return [{ field, messages: ['must be an object of relation name → { type, externalId } or null'] }];
  const errors: FieldError[] = [];
  for (const [name, target] of Object.entries(input)) {
    const at = `${field}.${name}`;
    if (!RELATION_NAME.test(name)) errors.push({ field: at, messages: ['a relation name starts with a letter and holds letters, digits or "_" (at most 100)'] });
    else if (target === null) continue;
    else if (!isPlainObject(target)) errors.push({ field: at, messages: ['must be { type, externalId }, { id } or null'] });
    else if (!isText(target.id) && !(isText(target.type) && isText(target.externalId))) {
      const missing = isText(target.type) ? 'externalId' : isText(target.externalId) ? 'type' : 'type and externalId';
      errors.push({ field: at, messages: [`names no record: give ${missing} (or the record's id)`] });
    }
  }
  return errors;
}
