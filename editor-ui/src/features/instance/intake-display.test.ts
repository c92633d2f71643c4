import { describe, expect, it } from 'vitest';
import type { CaseDocument } from '../../api/document-types';
import type { Entity, IntakeField } from '../../api/types';
import { formatDate } from '../../lib/format';
import { dataBeyondIntake, intakeEntries } from './intake-display';

const INTAKE: IntakeField[] = [
  { path: 'entity.email', label: 'Student email', type: 'email', required: true },
  { path: 'entity.attributes.course', label: 'Course', type: 'text', required: false },
  { path: 'data.reason', label: 'Reason', type: 'text', required: true },
  { path: 'data.course.start', label: 'Course start', type: 'date', required: true },
  { path: 'data.urgent', label: 'Urgent', type: 'boolean', required: false },
  { path: 'data.hours', label: 'Hours a week', type: 'number', required: false },
  { path: 'data.letter', label: 'Referral letter', type: 'file', required: true },
  { path: 'data.note', label: 'Note', type: 'text', required: false },
];
const ADA: Entity = { id: 'e-1', type: 'student', externalId: 'S-1', name: 'Ada', email: 'ada@example.test', managerEmail: null, attributes: { course: 'Maths' } };
const DATA = {
  reason: 'Deadlines',
  course: { start: '2027-01-15', room: 'B12' },
  urgent: false,
  hours: 3.5,
  letter: { documentId: 'doc-1', name: 'letter.pdf', contentType: 'application/pdf', size: 900 },
  decidedBy: 'Rita',
};
const LETTER = { id: 'doc-1', name: 'letter.pdf', url: '/api/v1/documents/doc-1/content', field: 'data.letter' } as CaseDocument;

describe('the intake on the case page', () => {
  it('labels every intake field and formats its answer: dates, yes/no, numbers, files as links, nothing as none', () => {
    const entries = intakeEntries(INTAKE, { data: DATA, entity: ADA }, [LETTER]);
    expect(entries.map((entry) => [entry.label, entry.answer])).toEqual([
      ['Student email', { kind: 'text', text: 'ada@example.test' }],
      ['Course', { kind: 'text', text: 'Maths' }],
      ['Reason', { kind: 'text', text: 'Deadlines' }],
      ['Course start', { kind: 'text', text: formatDate('2027-01-15') }],
      ['Urgent', { kind: 'text', text: 'No' }],
      ['Hours a week', { kind: 'text', text: (3.5).toLocaleString() }],
      ['Referral letter', { kind: 'file', name: 'letter.pdf', href: '/api/v1/documents/doc-1/content' }],
      ['Note', { kind: 'none' }],
    ]);
  });

  it('links a stored file even before the documents list has come', () => {
    const [entry] = intakeEntries([INTAKE[6]!], { data: DATA, entity: null });
    expect(entry!.answer).toEqual({ kind: 'file', name: 'letter.pdf', href: '/api/v1/documents/doc-1/content' });
  });

  it('leaves for the raw data only what the intake does not describe', () => {
    expect(dataBeyondIntake(DATA, INTAKE)).toEqual({ course: { room: 'B12' }, decidedBy: 'Rita' });
    expect(DATA.course).toEqual({ start: '2027-01-15', room: 'B12' });
  });
});
