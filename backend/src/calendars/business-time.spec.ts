import type { WorkingHours } from '../database/tables';
import {
  addBusinessDays,
  addBusinessMinutes,
  addBusinessTime,
  ALWAYS_OPEN,
  BusinessCalendar,
  businessTimeBetween,
} from './business-time';

const at = (text: string): number => Date.parse(text);
const iso = (ms: number): string => new Date(ms).toISOString();
const HOUR = 3_600_000;

const weekdays = (ranges: Array<[string, string]>): WorkingHours => ({
  mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: [], sun: [],
});
const office = (timeZone: string, holidays: string[] = []): BusinessCalendar => ({
  timeZone,
  workingHours: weekdays([['09:00', '17:00']]),
  holidays,
});
/** Only Sundays, all day: the length of a Sunday is the length of the business week. */
const sundays = (timeZone: string): BusinessCalendar => ({
  timeZone,
  workingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['00:00', '24:00']] },
  holidays: [],
});

describe('addBusinessMinutes', () => {
  const london = office('Europe/London');

  it('carries what does not fit on Friday over the weekend to Monday', () => {
    expect(iso(addBusinessMinutes(london, at('2026-06-12T15:00:00Z'), 120))).toBe('2026-06-15T09:00:00.000Z'); // Mon 10:00 BST
  });

  it('starts counting at opening time when started before it', () => {
    expect(iso(addBusinessMinutes(london, at('2026-06-15T06:00:00Z'), 30))).toBe('2026-06-15T08:30:00.000Z'); // 09:30 BST
  });

  it('ends at closing time, not the next morning, when the time fits exactly', () => {
    expect(iso(addBusinessMinutes(london, at('2026-06-12T08:00:00Z'), 480))).toBe('2026-06-12T16:00:00.000Z'); // Fri 17:00 BST
  });

  it('skips a lunch break between two ranges of a day', () => {
    const lunch: BusinessCalendar = { ...london, workingHours: weekdays([['09:00', '12:00'], ['13:00', '17:00']]) };
    expect(iso(addBusinessMinutes(lunch, at('2026-06-15T10:00:00Z'), 120))).toBe('2026-06-15T13:00:00.000Z'); // 14:00 BST
  });

  it('skips holidays: Christmas Eve afternoon + 2 h is the Tuesday after Boxing Day (observed)', () => {
    const christmas = office('Europe/London', ['2026-12-25', '2026-12-28']);
    expect(iso(addBusinessMinutes(christmas, at('2026-12-24T16:00:00Z'), 120))).toBe('2026-12-29T10:00:00.000Z');
  });

  it('keeps opening time local across the spring change in London (Friday GMT → Monday BST)', () => {
    expect(iso(addBusinessMinutes(london, at('2026-03-27T16:00:00Z'), 120))).toBe('2026-03-30T09:00:00.000Z'); // Mon 10:00 BST
  });

  it('keeps opening time local across the autumn change in New York (Friday EDT → Monday EST)', () => {
    const newYork = office('America/New_York');
    expect(iso(addBusinessMinutes(newYork, at('2026-10-30T20:00:00Z'), 120))).toBe('2026-11-02T15:00:00.000Z'); // Mon 10:00 EST
    expect(iso(addBusinessMinutes(newYork, at('2026-03-06T21:00:00Z'), 120))).toBe('2026-03-09T14:00:00.000Z'); // Mon 10:00 EDT
  });

  it('counts a 23-hour Sunday when the clocks go forward (London) and a 25-hour one when they go back', () => {
    const calendar = sundays('Europe/London');
    // Sunday 29 March 2026 runs from 00:00 GMT to 23:00 UTC: 23 business hours, then next Sunday.
    expect(iso(addBusinessTime(calendar, at('2026-03-28T12:00:00Z'), 23 * HOUR))).toBe('2026-03-29T23:00:00.000Z');
    expect(iso(addBusinessTime(calendar, at('2026-03-28T12:00:00Z'), 24 * HOUR))).toBe('2026-04-05T00:00:00.000Z'); // 01:00 BST
    // Sunday 25 October 2026 runs from 00:00 BST (23:00 UTC) to 00:00 GMT: 25 hours.
    expect(iso(addBusinessTime(calendar, at('2026-10-24T12:00:00Z'), 25 * HOUR))).toBe('2026-10-26T00:00:00.000Z');
  });

  it('counts the real length of a range that spans the New York spring gap (01:00–04:00 is 2 h)', () => {
    const calendar: BusinessCalendar = { ...sundays('America/New_York'), workingHours: { ...sundays('UTC').workingHours, sun: [['01:00', '04:00']] } };
    expect(iso(addBusinessTime(calendar, at('2026-03-08T00:00:00Z'), 2 * HOUR))).toBe('2026-03-08T08:00:00.000Z'); // 04:00 EDT
  });

  it('is plain elapsed time on the default 24/7 UTC calendar', () => {
    expect(addBusinessMinutes(ALWAYS_OPEN, at('2026-03-28T12:00:00Z'), 90)).toBe(at('2026-03-28T13:30:00Z'));
    expect(addBusinessMinutes(ALWAYS_OPEN, at('2026-03-28T12:00:00Z'), 0)).toBe(at('2026-03-28T12:00:00Z'));
  });

  it('refuses to count backwards, and gives up on a calendar with no working time', () => {
    expect(() => addBusinessMinutes(london, 0, -1)).toThrow(RangeError);
    const never: BusinessCalendar = { timeZone: 'UTC', workingHours: weekdays([]), holidays: [] };
    expect(() => addBusinessMinutes(never, 0, 1)).toThrow(/too little working time/);
  });
});

describe('businessTimeBetween', () => {
  it('counts only working hours over a weekend and a DST change', () => {
    const london = office('Europe/London');
    expect(businessTimeBetween(london, at('2026-03-27T16:00:00Z'), at('2026-03-30T09:00:00Z'))).toBe(2 * HOUR);
  });

  it('measures a DST Sunday as 23 and 25 hours in London and New York', () => {
    const weekend = (zone: string, from: string, to: string) => businessTimeBetween(sundays(zone), at(from), at(to)) / HOUR;
    expect(weekend('Europe/London', '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toBe(23);
    expect(weekend('Europe/London', '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z')).toBe(25);
    expect(weekend('America/New_York', '2026-03-07T12:00:00Z', '2026-03-10T12:00:00Z')).toBe(23);
    expect(weekend('America/New_York', '2026-10-31T12:00:00Z', '2026-11-03T12:00:00Z')).toBe(25);
  });

  it('skips holidays and is negative backwards', () => {
    const christmas = office('Europe/London', ['2026-12-25', '2026-12-28']);
    expect(businessTimeBetween(christmas, at('2026-12-24T16:00:00Z'), at('2026-12-29T10:00:00Z'))).toBe(2 * HOUR);
    expect(businessTimeBetween(christmas, at('2026-12-29T10:00:00Z'), at('2026-12-24T16:00:00Z'))).toBe(-2 * HOUR);
  });

  it('undoes addBusinessTime', () => {
    const newYork = office('America/New_York', ['2026-11-26']);
    for (const minutes of [1, 59, 480, 481, 2_400, 10_000]) {
      const from = at('2026-10-29T13:17:00Z');
      expect(businessTimeBetween(newYork, from, addBusinessMinutes(newYork, from, minutes))).toBe(minutes * 60_000);
    }
  });
});

describe('addBusinessDays', () => {
  it('keeps the local time and skips weekends, holidays and a DST change', () => {
    const newYork = office('America/New_York', ['2026-03-10']);
    expect(iso(addBusinessDays(newYork, at('2026-03-06T15:00:00Z'), 1))).toBe('2026-03-09T14:00:00.000Z'); // Mon 10:00 EDT
    expect(iso(addBusinessDays(newYork, at('2026-03-06T15:00:00Z'), 2))).toBe('2026-03-11T14:00:00.000Z'); // Tue is a holiday
    expect(iso(addBusinessDays(newYork, at('2026-03-09T14:00:00Z'), -1))).toBe('2026-03-06T15:00:00.000Z');
  });

  it('counts Saturday as a working day when the calendar works Saturdays', () => {
    const shop: BusinessCalendar = { ...office('Europe/London'), workingHours: { ...weekdays([['09:00', '17:00']]), sat: [['10:00', '14:00']] } };
    expect(iso(addBusinessDays(shop, at('2026-06-12T09:00:00Z'), 1))).toBe('2026-06-13T09:00:00.000Z');
  });
});
