import type { Decision, TaskField } from '../../api/types';

export interface DecisionDraft {
  decision: string;
  comment: string;
  /** Captured field values as typed into the form (strings, or booleans for checkboxes). */
  fields: Record<string, string | boolean>;
}

export interface DecisionErrors {
  decision?: string;
  comment?: string;
  fields: Record<string, string>;
}

export function hasErrors(errors: DecisionErrors): boolean {
  return Boolean(errors.decision || errors.comment || Object.keys(errors.fields).length > 0);
}

/** Checks a decision before it is sent, with the same rules the backend applies. */
export function validateDecision(decisions: Decision[], fields: TaskField[], draft: DecisionDraft): DecisionErrors {
  const errors: DecisionErrors = { fields: {} };
  const decision = decisions.find((d) => d.key === draft.decision);
  if (!decision) errors.decision = 'Choose one of the decisions.';
  else if (decision.commentRequired && draft.comment.trim() === '') {
    errors.comment = `A comment is required to ${decision.label.toLowerCase()}.`;
  }
  for (const field of fields) {
    const raw = draft.fields[field.key];
    const empty = raw === undefined || raw === '';
    if (field.required && field.type !== 'boolean' && empty) {
      errors.fields[field.key] = `${field.label} is required.`;
    } else if (field.type === 'number' && !empty && typeof raw === 'string' && Number.isNaN(Number(raw))) {
      errors.fields[field.key] = `${field.label} must be a number.`;
    }
  }
  return errors;
}

/** Converts the form's strings into the typed values the API expects; empty optional fields are left out. */
export function capturedValues(fields: TaskField[], values: DecisionDraft['fields']): Record<string, unknown> {
  const captured: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = values[field.key];
    if (field.type === 'boolean') {
      captured[field.key] = raw === true;
      continue;
    }
    if (raw === undefined || raw === '' || typeof raw === 'boolean') continue;
    captured[field.key] = field.type === 'number' ? Number(raw) : raw;
  }
  return captured;
}

/** A decision that can be taken straight from the inbox (keyboard or bulk): no comment, no required field. */
export function decidableWithoutForm(decision: Decision, fields: TaskField[]): boolean {
  return !decision.commentRequired && !fields.some((field) => field.required && field.type !== 'boolean');
}
