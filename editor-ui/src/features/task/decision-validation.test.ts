import { describe, expect, it } from 'vitest';
import type { Decision, TaskField } from '../../api/types';
import { capturedValues, decidableWithoutForm, hasErrors, validateDecision } from './decision-validation';

const decisions: Decision[] = [
  { key: 'approve', label: 'Approve' },
  { key: 'reject', label: 'Reject', commentRequired: true },
];
const fields: TaskField[] = [
  { key: 'amount', label: 'Amount', type: 'number', required: true },
  { key: 'note', label: 'Note', type: 'string' },
  { key: 'urgent', label: 'Urgent', type: 'boolean' },
];

describe('validateDecision', () => {
  it('asks for a comment only where the decision requires one', () => {
    const reject = validateDecision(decisions, [], { decision: 'reject', comment: '  ', fields: {} });
    expect(reject.comment).toBe('A comment is required to reject.');
    expect(hasErrors(validateDecision(decisions, [], { decision: 'approve', comment: '', fields: {} }))).toBe(false);
  });

  it('refuses an unknown decision', () => {
    expect(validateDecision(decisions, [], { decision: 'maybe', comment: '', fields: {} }).decision).toBe('Choose one of the decisions.');
  });

  it('checks required and numeric captured fields', () => {
    expect(validateDecision(decisions, fields, { decision: 'approve', comment: '', fields: {} }).fields).toEqual({ amount: 'Amount is required.' });
    expect(validateDecision(decisions, fields, { decision: 'approve', comment: '', fields: { amount: 'ten' } }).fields).toEqual({ amount: 'Amount must be a number.' });
    expect(hasErrors(validateDecision(decisions, fields, { decision: 'approve', comment: '', fields: { amount: '10' } }))).toBe(false);
  });
});

describe('capturedValues', () => {
  it('types the values and leaves out empty optional fields', () => {
    expect(capturedValues(fields, { amount: '12.5', note: '' })).toEqual({ amount: 12.5, urgent: false });
  });
});

describe('decidableWithoutForm', () => {
  it('is false when a comment or a required field is needed', () => {
    expect(decidableWithoutForm(decisions[0]!, [])).toBe(true);
    expect(decidableWithoutForm(decisions[1]!, [])).toBe(false);
    expect(decidableWithoutForm(decisions[0]!, fields)).toBe(false);
  });
});
