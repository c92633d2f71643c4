import { isEmail } from 'class-validator';
import type { FieldError } from '../common/validation';
import type { IntakeField, IntakeFieldType } from '../database/tables';

/** What a launch brings, in the shape intake paths read: `data.…` and `entity.…`. */
export interface IntakeValues {
  data: Record<string, unknown>;
  entity: { name?: string; email?: string | null; managerEmail?: string | null; attributes: Record<string, unknown> };
}

const KEY = /^[A-Za-z0-9_-]+$/;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);
const ENTITY_FIELDS = ['name', 'email', 'managerEmail'];
const PATH_FORMS = 'data.<key>, entity.name, entity.email, entity.managerEmail or entity.attributes.<key>';
/** A choice with hundreds of options would drown the message that lists them. */
const OPTIONS_SHOWN = 20;

/** Where an intake value may live on a case; null when `path` is one of those places. */
export function intakePathError(path: string): string | null {
  const segments = path.split('.');
  const [root, second] = segments;
  const keysValid = segments.every((segment) => KEY.test(segment) && !FORBIDDEN.has(segment));
  const placed =
    (root === 'data' && segments.length >= 2) ||
    (root === 'entity' && segments.length === 2 && ENTITY_FIELDS.includes(second!)) ||
    (root === 'entity' && second === 'attributes' && segments.length >= 3);
  if (keysValid && placed) return null;
  return `must be ${PATH_FORMS}; a key is letters, digits, "_" or "-" and may go deeper with "." (data.course.start)`;
}

/** Rules an intake list must keep beyond each field's own shape (which the DTOs check). */
export function checkIntakeDefinition(intake: IntakeField[]): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, messages: [message] });
  const paths = new Map<string, number>();
  intake.forEach((field, i) => {
    const at = `intake[${i}]`;
    const pathError = intakePathError(field.path);
    if (pathError) add(`${at}.path`, pathError);
    const seen = paths.get(field.path);
    if (seen !== undefined) add(`${at}.path`, `"${field.path}" is already used by intake[${seen}]`);
    else paths.set(field.path, i);
    // A value cannot be both a field and the object that holds another field.
    const outer = intake.findIndex((other) => field.path.startsWith(`${other.path}.`));
    if (outer >= 0) add(`${at}.path`, `"${field.path}" lies inside intake[${outer}] ("${intake[outer]!.path}"); declare one or the other`);
    checkOptions(field, at, add);
  });
  return errors;
}

function checkOptions(field: IntakeField, at: string, add: (field: string, message: string) => void): void {
  const options = field.options ?? [];
  if (field.type !== 'choice') {
    if (field.options !== undefined) add(`${at}.options`, `only a "choice" field has options; this one is "${field.type}"`);
    return;
  }
  if (options.length === 0) add(`${at}.options`, 'a "choice" field needs at least one option');
  const first = new Map<string, number>();
  options.forEach((option, j) => {
    const seen = first.get(option);
    if (seen === undefined) first.set(option, j);
    else add(`${at}.options[${j}]`, `"${option}" is already used by options[${seen}]`);
  });
}

/** Every way a launch falls short of the intake, in the order the fields are declared. */
export function checkIntake(intake: IntakeField[], values: IntakeValues): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of intake) {
    const value = readIntakePath(values, field.path);
    if (isEmpty(value)) {
      if (field.required) errors.push({ field: field.path, messages: [field.type === 'file' ? FILE_REQUIRED(field.path) : 'is required'] });
      continue;
    }
    const problem = TYPE_RULES[field.type](value, field);
    if (problem) errors.push({ field: field.path, messages: [problem] });
  }
  return errors;
}

/** One sentence naming every problem: an n8n user may see nothing but the message. */
export function describeIntakeErrors(errors: FieldError[]): string {
  const count = errors.length === 1 ? '1 field is' : `${errors.length} fields are`;
  return `intake: ${count} missing or invalid: ${errors.map((e) => `${e.field} ${e.messages.join(', ')}`).join('; ')}`;
}

/** The value at an intake path, or undefined; only own properties are followed. */
export function readIntakePath(values: IntakeValues, path: string): unknown {
  let value: unknown = values;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Absent, null, blank text and empty lists or objects all count as not given. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

const FILE_REQUIRED = (path: string): string => `is required: send the file in "documents" with "field": "${path}"`;

type TypeRule = (value: unknown, field: IntakeField) => string | null;

const TYPE_RULES: Record<IntakeFieldType, TypeRule> = {
  text: (value) => (typeof value === 'string' ? null : 'must be text (a JSON string)'),
  number: (value) =>
    typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number (a JSON number such as 42; "42" in quotes is text)',
  date: (value) =>
    typeof value === 'string' && isIsoDate(value) ? null : 'must be an ISO date (2026-05-01) or date-time (2026-05-01T09:00:00Z)',
  email: (value) => (typeof value === 'string' && isEmail(value) ? null : 'must be an email address'),
  boolean: (value) => (typeof value === 'boolean' ? null : 'must be true or false (a JSON boolean; "true" in quotes is text)'),
  choice: (value, field) => (typeof value === 'string' && (field.options ?? []).includes(value) ? null : `must be one of ${listOptions(field.options ?? [])}`),
  // A launch's document with `field` set to the path puts its reference here ({ documentId, name,
  // contentType, size }, see instances/launch-documents.ts); a reference a flow already put in the
  // data (a file id, an object) is still taken as given, as before documents were stored.
  file: (value) =>
    typeof value === 'string' || (typeof value === 'object' && !Array.isArray(value))
      ? null
      : 'must be a file: an object such as { "name": "report.pdf", "mimeType": "application/pdf" } or a file id',
};

function listOptions(options: string[]): string {
  const shown = options.slice(0, OPTIONS_SHOWN).map((option) => JSON.stringify(option)).join(', ');
  return options.length > OPTIONS_SHOWN ? `${shown} … (${options.length - OPTIONS_SHOWN} more)` : shown;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

/** A real calendar day (no 30 February), a real time of day, and an offset within ±23:59. */
function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0', offsetHour = '0', offsetMinute = '0'] = match;
  const date = new Date(Date.UTC(+year!, +month! - 1, +day!));
  return (
    date.getUTCFullYear() === +year! &&
    date.getUTCMonth() + 1 === +month! &&
    date.getUTCDate() === +day! &&
    +hour < 24 &&
    +minute < 60 &&
    +second < 60 &&
    +offsetHour < 24 &&
    +offsetMinute < 60
  );
}
