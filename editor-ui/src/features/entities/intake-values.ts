import type { DocumentUpload } from '../../api/document-types';
import type { IntakeField } from '../../api/types';
import { toDocumentUpload } from '../documents/read-file';

/** What was typed (text, or "yes"/"no" for a yes/no field) and what was picked, by intake path. */
export type IntakeValues = Record<string, string | boolean>;
export type IntakeFiles = Record<string, File | undefined>;

/** The launch body's part the form fills: the case data, and one document per picked file. */
export interface IntakeLaunch {
  data: Record<string, unknown>;
  documents: DocumentUpload[];
}

/** The intake fields a person fills in when starting a case: the case data and its files (record fields come from the record). */
export const dataFields = (intake: IntakeField[] | undefined): IntakeField[] => (intake ?? []).filter((field) => field.path.startsWith('data.'));

const isYes = (raw: string | boolean | undefined) => raw === true || raw === 'yes';

/**
 * The launch's `data` from what was typed: `data.course.start` becomes `{ course: { start } }`,
 * numbers and yes/no typed as such, and empty optional fields left out (the backend names missing
 * required ones). Files are not data: the backend sets `data.<path>` once it has stored the document.
 */
export function intakeData(fields: IntakeField[], values: IntakeValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.path];
    if (field.type === 'file' || raw === undefined || raw === '') continue;
    const value = field.type === 'number' ? Number(raw) : field.type === 'boolean' ? isYes(raw) : typeof raw === 'string' ? raw.trim() : raw;
    const keys = field.path.split('.').slice(1);
    const last = keys.pop() ?? '';
    let target = data;
    for (const key of keys) target = (target[key] ??= {}) as Record<string, unknown>;
    target[last] = value;
  }
  return data;
}

/** Each picked file as a launch document answering its field (kind `intake`), in the order the fields are declared. */
export async function intakeDocuments(fields: IntakeField[], files: IntakeFiles): Promise<DocumentUpload[]> {
  const picked = fields.flatMap((field) => {
    const file = field.type === 'file' ? files[field.path] : undefined;
    return file ? [{ path: field.path, file }] : [];
  });
  return Promise.all(picked.map(({ path, file }) => toDocumentUpload(file, { field: path, kind: 'intake' })));
}
