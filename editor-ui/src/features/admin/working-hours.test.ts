import { describe, expect, it } from 'vitest';
import { describeWorkingHours, officeWeek, parseHolidays, toWorkingHours } from './working-hours';

describe('working hours', () => {
  it('sends only working days, each with its hours', () => {
    const week = officeWeek();
    week.fri = { working: true, start: '09:00', end: '13:00' };
    expect(toWorkingHours(week)).toEqual({
      mon: [['09:00', '17:00']],
      tue: [['09:00', '17:00']],
      wed: [['09:00', '17:00']],
      thu: [['09:00', '17:00']],
      fri: [['09:00', '13:00']],
    });
  });

  it('reads holidays and names the first one that is not a date', () => {
    expect(parseHolidays('2026-12-25, 2026-12-26\n2027-01-01')).toEqual({ dates: ['2026-12-25', '2026-12-26', '2027-01-01'] });
    expect(parseHolidays('2026-12-25, Christmas')).toEqual({ dates: [], invalid: 'Christmas' });
    expect(parseHolidays('')).toEqual({ dates: [] });
  });

  it('describes a calendar in one line', () => {
    expect(describeWorkingHours({ mon: [['09:00', '17:00']], sat: [['10:00', '12:00'], ['13:00', '15:00']] })).toBe('mon 09:00–17:00; sat 10:00–12:00, 13:00–15:00');
    expect(describeWorkingHours({})).toBe('No working hours');
  });
});
