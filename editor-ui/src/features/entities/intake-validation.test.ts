import { describe, expect, it } from 'vitest';
import type { IntakeField } from '../../api/types';
import { checkIntakeForm, placeServerErrors } from './intake-validation';

const INTAKE: IntakeField[] = [
  { path: 'entity.email', label: 'Student email', type: 'email', required: true },
  { path: 'data.reason', label: 'Reason', type: 'text', required: true },
  { path: 'data.hours', label: 'Hours a week', type: 'number', required: false },
  { path: 'data.contact', label: 'Contact email', type: 'email', required: false },
  { path: 'data.urgent', label: 'Urgent', type: 'boolean', required: true },
  { path: 'data.letter', label: 'Referral letter', type: 'file', required: true },
];
const FORM = INTAKE.slice(1);

describe('checking the intake form before sending', () => {
  it('names every missing required field, files and yes/no included', () => {
    expect(checkIntakeForm(FORM, { 'data.reason': '   ' }, {})).toEqual({
      'data.reason': 'Reason is required.',
      'data.urgent': 'Urgent is required.',
      'data.letter': 'Referral letter is required.',
    });
  });

  it('refuses a number and an email address that are not one, and accepts "no" as an answer', () => {
    const values = { 'data.reason': 'Deadlines', 'data.hours': 'twelve', 'data.contact': 'tutor-at-college', 'data.urgent': 'no' };
    expect(checkIntakeForm(FORM, values, { 'data.letter': new File(['%PDF-'], 'a.pdf') })).toEqual({
      'data.hours': 'Hours a week must be a number, such as 42 or 3.5.',
      'data.contact': 'Contact email must be an email address.',
    });
    expect(checkIntakeForm(FORM, { ...values, 'data.hours': '-3.5', 'data.contact': 'tutor@college.example' }, { 'data.letter': new File(['%PDF-'], 'a.pdf') })).toEqual({});
  });
});

describe('placing the backend refusal', () => {
  it('puts data paths and documents[i] at their fields, and lists the record fields it cannot show', () => {
    const placed = placeServerErrors(
      INTAKE,
      FORM,
      [
        { field: 'data.hours', messages: ['must be a number (a JSON number such as 42; "42" in quotes is text)'] },
        { field: 'documents[0].content', messages: ['letter.pdf is not a PDF: it does not start with %PDF-'] },
        { field: 'documents[1]', messages: ['photo.png is not an allowed type'] },
        { field: 'entity.email', messages: ['is required'] },
        { field: 'documents', messages: ['must contain at most 10 files'] },
      ],
      // The second document answers no field of this form.
      ['data.letter', 'data.photo'],
    );
    expect(placed.byField).toEqual({
      'data.hours': 'Hours a week must be a number (a JSON number such as 42; "42" in quotes is text).',
      'data.letter': 'letter.pdf is not a PDF: it does not start with %PDF-.',
    });
    expect(placed.unplaced).toEqual(['photo.png is not an allowed type.', 'Student email is required. It comes from the record: edit the record, then start again.', 'documents must contain at most 10 files.']);
  });

  it('places documents[0] on the file field it was sent for', () => {
    const placed = placeServerErrors(INTAKE, FORM, [{ field: 'documents[0]', messages: ['letter.pdf is larger than the 10 MB limit'] }], ['data.letter']);
    expect(placed).toEqual({ byField: { 'data.letter': 'letter.pdf is larger than the 10 MB limit.' }, unplaced: [] });
  });
});
