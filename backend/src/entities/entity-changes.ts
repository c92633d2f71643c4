import { isDeepStrictEqual } from 'node:util';
import { BadRequestException } from '@nestjs/common';
import { isEmail } from 'class-validator';
import type { FieldError } from '../common/validation';
import type { EntityTable } from '../database/tables';
import type { EntityInput } from './entities.dto';

/** Attributes travel with every case (messages, n8n items), so they are kept small. */
export const MAX_ATTRIBUTES_BYTES = 64 * 1024;

export type EntityFields = Pick<EntityInput, 'name' | 'email' | 'managerEmail' | 'attributes'>;
type EntityPatch = Partial<Pick<EntityTable, 'name' | 'email' | 'managerEmail' | 'attributes'>>;

export interface EntityChanges {
  patch: EntityPatch;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export function fieldErrors(details: FieldError[]): BadRequestException {
  return new BadRequestException({
    error: 'Bad Request',
    message: details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; '),
    details,
  });
}

const isText = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'string' && value.length >= min && value.length <= max;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The DTOs check HTTP input, but instances hand over input that never went through them,
 * so the rules are checked once more here.
 */
export function checkEntityInput(input: Partial<EntityInput>, requireKey: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, messages: [message] });
  if (requireKey || input.type !== undefined) {
    if (!isText(input.type, 1, 50)) add('type', 'must be a string of 1 to 50 characters');
  }
  if (requireKey || input.externalId !== undefined) {
    if (!isText(input.externalId, 1, 200)) add('externalId', 'must be a string of 1 to 200 characters');
  }
  if (input.name !== undefined && !isText(input.name, 1, 300)) add('name', 'must be a string of 1 to 300 characters');
  for (const field of ['email', 'managerEmail'] as const) {
    const value = input[field];
    if (value !== undefined && value !== null && !(isText(value, 3, 320) && isEmail(value))) add(field, 'must be an email');
  }
  if (input.attributes !== undefined && !isPlainObject(input.attributes)) add('attributes', 'must be a JSON object');
  return errors;
}

export function checkAttributesSize(attributes: Record<string, unknown>): FieldError[] {
  const bytes = Buffer.byteLength(JSON.stringify(attributes));
  if (bytes <= MAX_ATTRIBUTES_BYTES) return [];
  return [{ field: 'attributes', messages: [`must stay under ${MAX_ATTRIBUTES_BYTES} bytes as JSON (would be ${bytes})`] }];
}

/**
 * Shallow merge where null removes a key. Objects are rebuilt from entries so a key such as
 * "__proto__" stays plain data instead of replacing the prototype.
 */
export function mergeAttributes(
  current: Record<string, unknown>,
  incoming: Record<string, unknown>,
): { merged: Record<string, unknown>; before: Record<string, unknown>; after: Record<string, unknown> } {
  const merged = new Map(Object.entries(current));
  const before: Array<[string, unknown]> = [];
  const after: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(incoming)) {
    const had = merged.has(key);
    if (value === null) {
      if (!had) continue;
      before.push([key, merged.get(key)]);
      after.push([key, null]);
      merged.delete(key);
    } else if (!had || !isDeepStrictEqual(merged.get(key), value)) {
      before.push([key, had ? merged.get(key) : null]);
      after.push([key, value]);
      merged.set(key, value);
    }
  }
  return { merged: Object.fromEntries(merged), before: Object.fromEntries(before), after: Object.fromEntries(after) };
}

/** What would change, with before/after of just the changed fields; null when nothing would. */
export function planEntityChanges(current: EntityTable, fields: EntityFields): EntityChanges | null {
  const patch: EntityPatch = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  if (fields.name !== undefined && fields.name !== current.name) {
    patch.name = fields.name;
    before.name = current.name;
    after.name = fields.name;
  }
  for (const field of ['email', 'managerEmail'] as const) {
    const next = fields[field];
    if (next === undefined || next === current[field]) continue;
    patch[field] = next;
    before[field] = current[field];
    after[field] = next;
  }
  if (fields.attributes) {
    const merge = mergeAttributes(current.attributes, fields.attributes);
    if (Object.keys(merge.after).length > 0) {
      patch.attributes = merge.merged;
      before.attributes = merge.before;
      after.attributes = merge.after;
    }
  }
  return Object.keys(patch).length > 0 ? { patch, before, after } : null;
}
