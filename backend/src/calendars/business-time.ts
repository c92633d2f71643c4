import type { WorkingHours } from '../database/tables';
import { addLocalDays, fromLocal, LocalDateTime, localIsoDate, localWeekday, toLocal } from '../timers/zoned-time';

/** What business-time arithmetic needs of a calendar row. */
export interface BusinessCalendar {
  timeZone: string;
  workingHours: WorkingHours;
  /** YYYY-MM-DD in the calendar's zone. */
  holidays: string[];
}

const ALL_DAY: Array<[string, string]> = [['00:00', '24:00']];

/** The built-in default: every minute of every day counts, in UTC. */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  workingHours: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
  holidays: [],
};

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
// Two centuries of days: far beyond any SLA, but a calendar with no working time still ends.
const MAX_DAYS = 366 * 200;
const MINUTE_MS = 60_000;

type Interval = [start: number, end: number];

/** True when every day is worked around the clock: business time is then plain elapsed time. */
export function isAlwaysOpen(calendar: BusinessCalendar): boolean {
  if (calendar.holidays.length > 0) return false;
  return WEEKDAY_KEYS.every((day) => {
    const ranges = calendar.workingHours[day] ?? [];
    return ranges.length === 1 && ranges[0]![0] === '00:00' && ranges[0]![1] === '24:00';
  });
}

/** A day counts when it has working hours and is not a holiday. */
export function isWorkingDay(calendar: BusinessCalendar, local: LocalDateTime): boolean {
  const ranges = calendar.workingHours[WEEKDAY_KEYS[localWeekday(local)]!] ?? [];
  return ranges.length > 0 && !calendar.holidays.includes(localIsoDate(local));
}

const intervalCache = new Map<string, Interval[]>();

/**
 * The working intervals of one local date as instants. Each wall-clock bound is resolved in the
 * zone on its own, so a range spanning a DST change is as long as the clocks really ran.
 */
function workingIntervals(calendar: BusinessCalendar, date: LocalDateTime): Interval[] {
  if (!isWorkingDay(calendar, date)) return [];
  const ranges = calendar.workingHours[WEEKDAY_KEYS[localWeekday(date)]!]!;
  const key = `${calendar.timeZone}|${localIsoDate(date)}|${ranges.flat().join(',')}`;
  const cached = intervalCache.get(key);
  if (cached) return cached;
  const intervals = ranges.map(([from, to]): Interval => [atWallTime(date, from, calendar.timeZone), atWallTime(date, to, calendar.timeZone)]);
  if (intervalCache.size > 20_000) intervalCache.clear();
  intervalCache.set(key, intervals);
  return intervals;
}

function atWallTime(date: LocalDateTime, hhmm: string, timeZone: string): number {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  // "24:00" ends a day: it is midnight at the start of the next one.
  const day = hour === 24 ? addLocalDays(date, 1) : date;
  return fromLocal({ ...day, hour: hour % 24, minute, second: 0, millisecond: 0 }, timeZone);
}

const startOfDay = (local: LocalDateTime): LocalDateTime => ({ ...local, hour: 0, minute: 0, second: 0, millisecond: 0 });

/**
 * The instant `ms` of business time after `from`. Counting starts at the next working moment, so
 * 2 business hours from Friday 16:00 on 09:00–17:00 weekdays is Monday 10:00. Zero is `from`.
 */
export function addBusinessTime(calendar: BusinessCalendar, from: number, ms: number): number {
  if (ms < 0) throw new RangeError('business time can only be added forwards');
  if (ms === 0) return from;
  if (isAlwaysOpen(calendar)) return from + ms;
  if (!WEEKDAY_KEYS.some((day) => (calendar.workingHours[day] ?? []).length > 0)) throw tooLittle(calendar, ms);
  let remaining = ms;
  let day = startOfDay(toLocal(from, calendar.timeZone));
  for (let i = 0; i < MAX_DAYS; i++, day = addLocalDays(day, 1)) {
    for (const [start, end] of workingIntervals(calendar, day)) {
      if (end <= from) continue;
      const begin = Math.max(start, from);
      if (remaining <= end - begin) return begin + remaining;
      remaining -= end - begin;
    }
  }
  throw tooLittle(calendar, ms);
}

const tooLittle = (calendar: BusinessCalendar, ms: number): RangeError =>
  new RangeError(`calendar in ${calendar.timeZone} has too little working time to add ${ms} ms`);

export const addBusinessMinutes = (calendar: BusinessCalendar, from: number, minutes: number): number =>
  addBusinessTime(calendar, from, minutes * MINUTE_MS);

/** Business time (ms) between two instants; negative when `to` is before `from`. */
export function businessTimeBetween(calendar: BusinessCalendar, from: number, to: number): number {
  if (to < from) return -businessTimeBetween(calendar, to, from);
  if (isAlwaysOpen(calendar)) return to - from;
  let total = 0;
  let day = startOfDay(toLocal(from, calendar.timeZone));
  for (let i = 0; i < MAX_DAYS && fromLocal(day, calendar.timeZone) < to; i++, day = addLocalDays(day, 1)) {
    for (const [start, end] of workingIntervals(calendar, day)) {
      const overlap = Math.min(end, to) - Math.max(start, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * The same local time `days` working days later (or earlier, when negative). A start on a day off
 * counts from the next (or previous) working day, as a person would.
 */
export function addBusinessDays(calendar: BusinessCalendar, from: number, days: number): number {
  const step = days < 0 ? -1 : 1;
  let current = toLocal(from, calendar.timeZone);
  for (let remaining = Math.abs(days); remaining > 0; remaining--) {
    let guard = 0;
    do {
      current = addLocalDays(current, step);
      if (++guard > MAX_DAYS) throw new RangeError(`calendar in ${calendar.timeZone} has no working days`);
    } while (!isWorkingDay(calendar, current));
  }
  return fromLocal(current, calendar.timeZone);
}
