import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '../common/validation';
import type { IntakeField } from '../database/tables';
import { PreparedDocument, referenceTo } from '../documents/document-writer';
import type { DocumentFileDto } from '../documents/documents.dto';
import { intakePathError } from '../processes/intake';

type Prepare = (input: DocumentFileDto, defaultKind: string) => PreparedDocument | { problem: string };

/**
 * A launch's files, every one checked before the launch writes anything: 400 naming each
 * `documents[i]` that breaks a rule, or the files ready to write with the case's data holding a
 * reference to each file that answers an intake field (`data.referralLetter`).
 */
export function prepareLaunchDocuments(
  files: DocumentFileDto[],
  intake: IntakeField[],
  data: Record<string, unknown>,
  prepare: Prepare,
): { documents: PreparedDocument[]; data: Record<string, unknown> } {
  const errors: FieldError[] = [];
  const documents: PreparedDocument[] = [];
  const fields = new Map<string, number>();
  let withReferences: Record<string, unknown> = data;
  for (const [i, file] of files.entries()) {
    const at = `documents[${i}]`;
    const prepared = prepare(file, 'intake');
    if ('problem' in prepared) {
      errors.push({ field: at, messages: [prepared.problem] });
      continue;
    }
    documents.push(prepared);
    if (!file.field) continue;
    const problem = fieldProblem(file.field, intake, fields.get(file.field));
    if (problem) {
      errors.push({ field: `${at}.field`, messages: [problem] });
      continue;
    }
    fields.set(file.field, i);
    const placed = placeReference(withReferences, file.field.split('.').slice(1), prepared);
    if (!placed) {
      errors.push({ field: `${at}.field`, messages: [`${file.field} lies inside a value of data that is not an object`] });
      continue;
    }
    withReferences = placed;
  }
  if (errors.length > 0) {
    const message = errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; ');
    throw new BadRequestException({ error: 'Bad Request', message, details: errors });
  }
  return { documents, data: withReferences };
}

function fieldProblem(field: string, intake: IntakeField[], seenAt: number | undefined): string | null {
  if (intakePathError(field)) return `${field} must be a path under data, such as data.referralLetter`;
  if (seenAt !== undefined) return `${field} is already answered by documents[${seenAt}]`;
  const declared = intake.find((entry) => entry.path === field);
  if (declared && declared.type !== 'file') return `${field} is a ${declared.type} field of the intake, not a file`;
  return null;
}

/** A copy of `data` with the file's reference at `path`; null when something other than an object is in the way. */
function placeReference(data: Record<string, unknown>, path: string[], document: PreparedDocument): Record<string, unknown> | null {
  const [key, ...rest] = path;
  const copy = { ...data };
  if (rest.length === 0) {
    copy[key!] = referenceTo(document);
    return copy;
  }
  const inner = Object.prototype.hasOwnProperty.call(data, key!) ? data[key!] : {};
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return null;
  const placed = placeReference(inner as Record<string, unknown>, rest, document);
  if (!placed) return null;
  copy[key!] = placed;
  return copy;
}
