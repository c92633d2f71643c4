import { computeFireAt, parseAnchor } from './fire-time';

const LONDON = 'Europe/London';
const utc = (text: string): number => Date.parse(text);
const iso = (ms: number): string => new Date(ms).toISOString();

describe('computeFireAt', () => {
  describe('minutes and hours are elapsed time', () => {
    it('adds minutes', () => {
      expect(iso(computeFireAt({ anchorAt: utc('2026-05-01T10:00:00Z'), offset: { amount: 2, unit: 'minutes' } }))).toBe(
        '2026-05-01T10:02:00.000Z',
      );
    });

    it('adds 24 hours across the spring DST change as 24 real hours (10:00 BST, not 09:00)', () => {
      const anchorAt = utc('2026-03-28T09:00:00Z'); // 09:00 GMT
      const fireAt = computeFireAt({ anchorAt, offset: { amount: 24, unit: 'hours' }, timeZone: LONDON });
      expect(iso(fireAt)).toBe('2026-03-29T09:00:00.000Z'); // 10:00 BST
    });
  });

  describe('days, weeks and months are calendar time in the zone', () => {
    it('keeps 09:00 local across the last Sunday of March (clocks go forward)', () => {
      const anchorAt = utc('2026-03-28T09:00:00Z'); // Sat 09:00 GMT
      const fireAt = computeFireAt({ anchorAt, offset: { amount: 1, unit: 'days' }, timeZone: LONDON });
      expect(iso(fireAt)).toBe('2026-03-29T08:00:00.000Z'); // Sun 09:00 BST
    });

    it('keeps 09:00 local across the last Sunday of October (clocks go back)', () => {
      const anchorAt = utc('2026-10-24T08:00:00Z'); // Sat 09:00 BST
      const fireAt = computeFireAt({ anchorAt, offset: { amount: 1, unit: 'days' }, timeZone: LONDON });
      expect(iso(fireAt)).toBe('2026-10-25T09:00:00.000Z'); // Sun 09:00 GMT
    });

    it('counts weeks as 7 calendar days across a DST change', () => {
      const anchorAt = utc('2026-03-25T12:00:00Z'); // Wed 12:00 GMT
      const fireAt = computeFireAt({ anchorAt, offset: { amount: 1, unit: 'weeks' }, timeZone: LONDON });
      expect(iso(fireAt)).toBe('2026-04-01T11:00:00.000Z'); // Wed 12:00 BST
    });

    it('clamps Jan 31 + 1 month to the last day of February', () => {
      const offset = { amount: 1, unit: 'months' as const };
      expect(iso(computeFireAt({ anchorAt: utc('2026-01-31T10:00:00Z'), offset }))).toBe('2026-02-28T10:00:00.000Z');
      expect(iso(computeFireAt({ anchorAt: utc('2028-01-31T10:00:00Z'), offset }))).toBe('2028-02-29T10:00:00.000Z');
    });

    it('goes back with a negative amount ("14 days before course start")', () => {
      const anchorAt = parseAnchor('2026-05-01', LONDON)!;
      const fireAt = computeFireAt({ anchorAt, offset: { amount: -14, unit: 'days' }, timeZone: LONDON });
      expect(iso(fireAt)).toBe('2026-04-16T23:00:00.000Z'); // 17 April, midnight BST
    });

    it('goes back a month from March 31 to February 28', () => {
      const fireAt = computeFireAt({ anchorAt: utc('2026-03-31T10:00:00Z'), offset: { amount: -1, unit: 'months' } });
      expect(iso(fireAt)).toBe('2026-02-28T10:00:00.000Z');
    });

    it('crosses a DST change backwards with days', () => {
      const anchorAt = utc('2026-04-02T08:00:00Z'); // Thu 09:00 BST
      const fireAt = computeFireAt({ anchorAt, offset: { amount: -7, unit: 'days' }, timeZone: LONDON });
      expect(iso(fireAt)).toBe('2026-03-26T09:00:00.000Z'); // Thu 09:00 GMT
    });
  });

  describe('timeOfDay', () => {
    it('sets the local time after the offset, in the given zone', () => {
      const anchorAt = utc('2026-06-10T15:42:00Z');
      const fireAt = computeFireAt({ anchorAt, offset: { amount: 2, unit: 'days' }, timeOfDay: '09:30', timeZone: LONDON });
      expect(iso(fireAt)).toBe('2026-06-12T08:30:00.000Z');
    });

    it('moves a time inside the spring-forward gap forward by the gap (01:30 → 02:30 BST)', () => {
      const anchorAt = utc('2026-03-28T12:00:00Z');
      const fireAt = computeFireAt({ anchorAt, offset: { amount: 1, unit: 'days' }, timeOfDay: '01:30', timeZone: LONDON });
      expect(iso(fireAt)).toBe('2026-03-29T01:30:00.000Z');
    });

    it('takes the earlier instant of an ambiguous time when clocks go back (01:30 BST)', () => {
      const anchorAt = utc('2026-10-24T12:00:00Z');
      const fireAt = computeFireAt({ anchorAt, offset: { amount: 1, unit: 'days' }, timeOfDay: '01:30', timeZone: LONDON });
      expect(iso(fireAt)).toBe('2026-10-25T00:30:00.000Z');
    });
  });

  describe('business days', () => {
    const calendar = { timeZone: LONDON, holidays: ['2026-12-25', '2026-12-28'] };

    it('skips the weekend: Friday + 1 business day is Monday', () => {
      const anchorAt = utc('2026-06-12T09:00:00Z'); // Fri 10:00 BST
      const fireAt = computeFireAt({ anchorAt, offset: { amount: 1, unit: 'businessDays' }, calendar });
      expect(iso(fireAt)).toBe('2026-06-15T09:00:00.000Z');
    });

    it("skips the calendar's holidays", () => {
      const anchorAt = utc('2026-12-24T10:00:00Z'); // Thu
      const fireAt = computeFireAt({ anchorAt, offset: { amount: 1, unit: 'businessDays' }, calendar });
      expect(iso(fireAt)).toBe('2026-12-29T10:00:00.000Z'); // Fri 25 holiday, weekend, Mon 28 holiday
    });

    it('counts backwards with a negative amount', () => {
      const anchorAt = utc('2026-06-15T09:00:00Z'); // Mon
      const fireAt = computeFireAt({ anchorAt, offset: { amount: -1, unit: 'businessDays' }, calendar });
      expect(iso(fireAt)).toBe('2026-06-12T09:00:00.000Z'); // Fri
    });

    it('counts Monday to Friday in UTC without a calendar', () => {
      const anchorAt = utc('2026-06-13T09:00:00Z'); // Sat
      const fireAt = computeFireAt({ anchorAt, offset: { amount: 1, unit: 'businessDays' } });
      expect(iso(fireAt)).toBe('2026-06-15T09:00:00.000Z');
    });
  });
});

describe('parseAnchor', () => {
  it('reads a date without a time as midnight in the zone', () => {
    expect(iso(parseAnchor('2026-07-01', LONDON)!)).toBe('2026-06-30T23:00:00.000Z');
    expect(iso(parseAnchor('2026-01-15', 'UTC')!)).toBe('2026-01-15T00:00:00.000Z');
  });

  it('reads an instant with an offset as that instant', () => {
    expect(iso(parseAnchor('2026-07-01T10:00:00+02:00', LONDON)!)).toBe('2026-07-01T08:00:00.000Z');
  });

  it('reads epoch milliseconds', () => {
    expect(parseAnchor(1_800_000_000_000, 'UTC')).toBe(1_800_000_000_000);
  });

  it('refuses what is not a date', () => {
    for (const value of ['soon', '2026-02-30', '', null, undefined, true, { at: 1 }, '12/05/2026']) {
      expect(parseAnchor(value, 'UTC')).toBeNull();
    }
  });
});
