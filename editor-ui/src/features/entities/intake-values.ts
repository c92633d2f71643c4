import type { IntakeField } from '../../api/types';

/** The intake fields a person fills in when starting a case: the case data (record fields come from the record). */
export const dataFields = (intake: IntakeField[] | undefined): IntakeField[] =>
  (intake ?? []).filter((field) => field.path.startsWith('data.') && field.type !== 'file');

/**
 * The launch's `data` from what was typed: `data.course.start` becomes `{ course: { start } }`,
 * numbers and yes/no typed as such, and empty optional fields left out (the backend names missing
 * required ones).
 */
export function intakeData(fields: IntakeField[], values: Record<string, string | boolean>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.path];
    if (raw === undefined || raw === '') continue;
    const value = field.type === 'number' ? Number(raw) : field.type === 'boolean' ? raw === true : raw;
    const keys = field.path.split('.').slice(1);
    const last = keys.pop() ?? '';
    let target = data;
    for (const key of keys) target = (target[key] ??= {}) as Record<string, unknown>;
    target[last] = value;
  }
  return data;
}
