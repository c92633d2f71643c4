import { describe, expect, it } from 'vitest';
import type { IntakeField } from '../../api/types';
import { dataFields, intakeData } from './intake-values';

const field = (path: string, type: IntakeField['type'], required = false): IntakeField => ({ path, label: path, type, required });

describe('intake values', () => {
  it('asks only for case data: record fields come from the record, files are added later', () => {
    const intake = [field('entity.email', 'email', true), field('data.startDate', 'date', true), field('data.contract', 'file'), field('data.desk', 'text')];
    expect(dataFields(intake).map((f) => f.path)).toEqual(['data.startDate', 'data.desk']);
    expect(dataFields(undefined)).toEqual([]);
  });

  it('builds nested data with numbers and yes/no typed, leaving empty optional fields out', () => {
    const fields = [field('data.course.start', 'date', true), field('data.amount', 'number'), field('data.urgent', 'boolean'), field('data.note', 'text'), field('data.level', 'choice')];
    expect(intakeData(fields, { 'data.course.start': '2027-01-15', 'data.amount': '120.5', 'data.urgent': true, 'data.note': '', 'data.level': 'high' })).toEqual({
      course: { start: '2027-01-15' },
      amount: 120.5,
      urgent: true,
      level: 'high',
    });
  });
});
