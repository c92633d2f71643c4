import type { FieldError } from '../../api/client';
import type { IntakeField } from '../../api/types';
import type { IntakeFiles, IntakeValues } from './intake-values';

/** Problems by intake path (under the field), and the ones no field of the form can show (in the summary only). */
export interface IntakeProblems {
  byField: Record<string, string>;
  unplaced: string[];
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks the browser can make before anything is sent: required fields, numbers and email addresses. */
export function checkIntakeForm(fields: IntakeField[], values: IntakeValues, files: IntakeFiles): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.path];
    const text = typeof raw === 'string' ? raw.trim() : raw === true ? 'yes' : '';
    const given = field.type === 'file' ? files[field.path] !== undefined : text !== '';
    if (!given) {
      if (field.required) problems[field.path] = `${field.label} is required.`;
      continue;
    }
    if (field.type === 'number' && !NUMBER.test(text)) problems[field.path] = `${field.label} must be a number, such as 42 or 3.5.`;
    if (field.type === 'email' && !EMAIL.test(text)) problems[field.path] = `${field.label} must be an email address.`;
  }
  return problems;
}

/**
 * The backend's 400 `details` placed on the form: `data.x` (or anything under it) at field `data.x`,
 * `documents[i]…` at the field whose file was sent as document i; the rest (the record's fields,
 * anything else) can only be listed. Fragments such as "is required" get the field's label in front.
 */
export function placeServerErrors(intake: IntakeField[], formFields: IntakeField[], details: FieldError[], documentFields: string[]): IntakeProblems {
  const problems: IntakeProblems = { byField: {}, unplaced: [] };
  const labelOf = (path: string) => intake.find((field) => field.path === path)?.label ?? path;
  for (const detail of details) {
    const path = fieldOf(detail.field, formFields, documentFields);
    const known = path ?? (intake.some((field) => field.path === detail.field) ? detail.field : null);
    const message = detail.messages.map((text) => sentence(known ? labelOf(known) : detail.field, text)).join(' ');
    if (path) problems.byField[path] = problems.byField[path] ? `${problems.byField[path]} ${message}` : message;
    // The form cannot fix a record field: say where it is changed.
    else problems.unplaced.push(detail.field.startsWith('entity.') ? `${message} It comes from the record: edit the record, then start again.` : message);
  }
  return problems;
}

function fieldOf(name: string, formFields: IntakeField[], documentFields: string[]): string | null {
  const document = /^documents(?:\[(\d+)\]|\.(\d+))/.exec(name);
  if (document) {
    const path = documentFields[Number(document[1] ?? document[2])];
    return formFields.find((field) => field.path === path)?.path ?? null;
  }
  const owner = formFields
    .filter((field) => name === field.path || name.startsWith(`${field.path}.`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return owner?.path ?? null;
}

/** "is required" → "Amount is required."; a message with its own subject ("letter.pdf is too large") stays as it is. */
function sentence(subject: string, text: string): string {
  const trimmed = text.trim();
  const full = /^(is|must|should|has|cannot|does|was)\b/.test(trimmed) ? `${subject} ${trimmed}` : trimmed;
  return /[.!?]$/.test(full) ? full : `${full}.`;
}
