import { describe, expect, it } from 'vitest';
import type { IntakeField } from '../../api/types';
import { dataFields, intakeData, intakeDocuments } from './intake-values';

const field = (path: string, type: IntakeField['type'], required = false): IntakeField => ({ path, label: path, type, required });

describe('intake values', () => {
  it('asks for case data and its files: record fields come from the record', () => {
    const intake = [field('entity.email', 'email', true), field('data.startDate', 'date', true), field('data.contract', 'file'), field('data.desk', 'text')];
    expect(dataFields(intake).map((f) => f.path)).toEqual(['data.startDate', 'data.contract', 'data.desk']);
    expect(dataFields(undefined)).toEqual([]);
  });

  it('builds nested data with numbers and yes/no typed, leaving empty optional fields and files out', () => {
    const fields = [
      field('data.course.start', 'date', true),
      field('data.amount', 'number'),
      field('data.urgent', 'boolean'),
      field('data.late', 'boolean'),
      field('data.note', 'text'),
      field('data.level', 'choice'),
      field('data.letter', 'file'),
    ];
    const values = { 'data.course.start': '2027-01-15', 'data.amount': ' 120.5 ', 'data.urgent': 'yes', 'data.late': 'no', 'data.note': '', 'data.level': 'high', 'data.letter': 'x' };
    expect(intakeData(fields, values)).toEqual({ course: { start: '2027-01-15' }, amount: 120.5, urgent: true, late: false, level: 'high' });
  });

  it('sends each picked file as an intake document answering its field, in declaration order', async () => {
    const fields = [field('data.letter', 'file', true), field('data.note', 'text'), field('data.photo', 'file'), field('data.extra', 'file')];
    const documents = await intakeDocuments(fields, {
      'data.photo': new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'photo.png', { type: 'image/png' }),
      'data.letter': new File(['%PDF-1.4'], 'letter.pdf', { type: 'application/pdf' }),
    });
    expect(documents).toEqual([
      { name: 'letter.pdf', contentType: 'application/pdf', content: btoa('%PDF-1.4'), field: 'data.letter', kind: 'intake' },
      { name: 'photo.png', contentType: 'image/png', content: 'iVBORw==', field: 'data.photo', kind: 'intake' },
    ]);
  });
});
