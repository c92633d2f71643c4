import type { CaseDocument, StoredFileRef } from '../../api/document-types';
import type { Entity, IntakeField } from '../../api/types';
import { formatDate, formatDateTime } from '../../lib/format';
import { downloadHref } from '../documents/document-queries';

/** An intake answer as the case page shows it: text, or a file linking to its document. */
export type IntakeAnswer = { kind: 'text'; text: string } | { kind: 'file'; name: string; href: string } | { kind: 'none' };

export interface IntakeEntry {
  path: string;
  label: string;
  answer: IntakeAnswer;
}

interface CaseValues {
  data: Record<string, unknown>;
  entity: Entity | null;
}

/** The value at `data.…` or `entity.…` on the case; only own properties are followed. */
export function readCasePath(values: CaseValues, path: string): unknown {
  let value: unknown = { data: values.data, entity: values.entity };
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

const isFileRef = (value: unknown): value is StoredFileRef =>
  typeof value === 'object' && value !== null && typeof (value as StoredFileRef).documentId === 'string';

function answerOf(field: IntakeField, value: unknown, documents: CaseDocument[]): IntakeAnswer {
  if (field.type === 'file') {
    const document = (isFileRef(value) && documents.find((d) => d.id === value.documentId)) || documents.find((d) => d.field === field.path);
    if (document) return { kind: 'file', name: document.name, href: downloadHref(document) };
    if (isFileRef(value)) return { kind: 'file', name: value.name, href: downloadHref({ id: value.documentId, url: '' }) };
  }
  if (value === undefined || value === null || value === '') return { kind: 'none' };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'Yes' : 'No' };
  if (field.type === 'date' && typeof value === 'string') return { kind: 'text', text: value.includes('T') ? formatDateTime(value) : formatDate(value) };
  if (typeof value === 'number') return { kind: 'text', text: value.toLocaleString() };
  if (typeof value === 'object') {
    const name = (value as { name?: unknown }).name;
    return { kind: 'text', text: typeof name === 'string' ? name : JSON.stringify(value) };
  }
  return { kind: 'text', text: String(value) };
}

/** Each intake field of the case's process version with its label and its answer, formatted for reading. */
export function intakeEntries(intake: IntakeField[], values: CaseValues, documents: CaseDocument[] = []): IntakeEntry[] {
  return intake.map((field) => ({ path: field.path, label: field.label, answer: answerOf(field, readCasePath(values, field.path), documents) }));
}

/** The case data the intake does not describe (what nodes and decisions added), for the raw data disclosure. */
export function dataBeyondIntake(data: Record<string, unknown>, intake: IntakeField[]): Record<string, unknown> {
  const paths = intake.filter((field) => field.path.startsWith('data.')).map((field) => field.path.split('.').slice(1));
  return without(data, paths);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A copy of `object` without the values at `paths` (key lists), dropping objects they leave empty. */
function without(object: Record<string, unknown>, paths: string[][]): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const here = paths.filter((path) => path[0] === key);
    if (here.some((path) => path.length === 1)) continue;
    if (here.length === 0 || !isPlainObject(value)) {
      rest[key] = value;
      continue;
    }
    const inner = without(value, here.map((path) => path.slice(1)));
    if (Object.keys(inner).length > 0) rest[key] = inner;
  }
  return rest;
}
