import { ALWAYS_OPEN, BusinessCalendar } from '../calendars/business-time';
import { nextDigestAt } from './digest-time';
import { reminderAt } from './reminder-time';

const at = (text: string): number => Date.parse(text);
const iso = (ms: number): string => new Date(ms).toISOString();
const office: BusinessCalendar = {
  timeZone: 'Europe/London',
  workingHours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']], sat: [], sun: [] },
  holidays: [],
};

describe('reminderAt', () => {
  it('is plain elapsed time on the always-open calendar', () => {
    expect(iso(reminderAt(ALWAYS_OPEN, at('2026-11-03T09:30:00Z'), 60))).toBe('2026-11-03T08:30:00.000Z');
  });

  it('counts back across a non-working night', () => {
    // Tuesday 09:30 London (GMT in November): 30 minutes of Tuesday, 30 of Monday evening.
    expect(iso(reminderAt(office, at('2026-11-03T09:30:00Z'), 60))).toBe('2026-11-02T16:30:00.000Z');
  });

  it('counts back across a weekend and lands at the end of a working day exactly', () => {
    expect(iso(reminderAt(office, at('2026-11-09T09:00:00Z'), 8 * 60))).toBe('2026-11-06T09:00:00.000Z');
    expect(iso(reminderAt(office, at('2026-11-09T10:00:00Z'), 60))).toBe('2026-11-09T09:00:00.000Z');
  });

  it('refuses a calendar without working time', () => {
    const never = { ...office, workingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(() => reminderAt(never, at('2026-11-09T10:00:00Z'), 60)).toThrow(RangeError);
  });
});

describe('nextDigestAt', () => {
  it('is today when the digest time is still ahead, tomorrow once it has passed or is now', () => {
    expect(iso(nextDigestAt(at('2026-11-02T07:59:00Z'), 'UTC', '08:00'))).toBe('2026-11-02T08:00:00.000Z');
    expect(iso(nextDigestAt(at('2026-11-02T08:00:00Z'), 'UTC', '08:00'))).toBe('2026-11-03T08:00:00.000Z');
  });

  it("reads the time on the user's wall clock, across a daylight-saving change", () => {
    // New York leaves daylight saving on 1 November 2026: 08:00 is 12:00Z before, 13:00Z after.
    expect(iso(nextDigestAt(at('2026-10-31T13:00:00Z'), 'America/New_York', '08:00'))).toBe('2026-11-01T13:00:00.000Z');
    expect(iso(nextDigestAt(at('2026-10-30T11:00:00Z'), 'America/New_York', '08:00'))).toBe('2026-10-30T12:00:00.000Z');
  });
});
