import type { TimerOffset } from '../database/tables';
import {
  addLocalDays,
  addLocalMonths,
  fromLocal,
  LocalDateTime,
  localIsoDate,
  localWeekday,
  toLocal,
} from './zoned-time';

/** The part of a business calendar that day counting needs. */
export interface BusinessDays {
  timeZone: string;
  /** YYYY-MM-DD in the calendar's zone. */
  holidays: string[];
}

export interface FireTimeInput {
  anchorAt: number;
  offset: TimerOffset;
  /** "HH:MM", applied after the offset, in `timeZone`. */
  timeOfDay?: string | null;
  timeZone?: string | null;
  calendar?: BusinessDays | null;
}

const MINUTE_MS = 60_000;

/**
 * When a timer fires. Minutes and hours are elapsed time; days, weeks and months are calendar
 * time in the zone (09:00 stays 09:00 across a DST change); business days skip weekends and the
 * calendar's holidays, counted in the calendar's zone.
 */
export function computeFireAt(input: FireTimeInput): number {
  const { anchorAt, offset } = input;
  const zone = input.timeZone ?? input.calendar?.timeZone ?? 'UTC';
  let fireAt: number;
  switch (offset.unit) {
    case 'minutes':
      fireAt = anchorAt + offset.amount * MINUTE_MS;
      break;
    case 'hours':
      fireAt = anchorAt + offset.amount * 60 * MINUTE_MS;
      break;
    case 'days':
      fireAt = fromLocal(addLocalDays(toLocal(anchorAt, zone), offset.amount), zone);
      break;
    case 'weeks':
      fireAt = fromLocal(addLocalDays(toLocal(anchorAt, zone), offset.amount * 7), zone);
      break;
    case 'months':
      fireAt = fromLocal(addLocalMonths(toLocal(anchorAt, zone), offset.amount), zone);
      break;
    case 'businessDays': {
      const calendar = input.calendar ?? { timeZone: zone, holidays: [] };
      fireAt = fromLocal(addBusinessDays(toLocal(anchorAt, calendar.timeZone), offset.amount, calendar), calendar.timeZone);
      break;
    }
  }
  return input.timeOfDay ? atTimeOfDay(fireAt, input.timeOfDay, zone) : fireAt;
}

/** Monday to Friday, minus the calendar's holidays (working hours per weekday come with the calendar engine). */
export function isBusinessDay(local: LocalDateTime, calendar: BusinessDays): boolean {
  const weekday = localWeekday(local);
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(localIsoDate(local));
}

/** Steps one day at a time so a non-business anchor counts from the next (or previous) business day. */
export function addBusinessDays(local: LocalDateTime, amount: number, calendar: BusinessDays): LocalDateTime {
  const step = amount < 0 ? -1 : 1;
  let current = local;
  for (let remaining = Math.abs(amount); remaining > 0; remaining--) {
    do current = addLocalDays(current, step);
    while (!isBusinessDay(current, calendar));
  }
  return current;
}

export function atTimeOfDay(epochMs: number, timeOfDay: string, timeZone: string): number {
  const [hour, minute] = timeOfDay.split(':').map(Number) as [number, number];
  return fromLocal({ ...toLocal(epochMs, timeZone), hour, minute, second: 0, millisecond: 0 }, timeZone);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * Reads an anchor value: epoch ms, an ISO instant, or a date / date-time without an offset,
 * which is local to `timeZone` ("courseStart": "2026-05-01" means midnight where the course is).
 */
export function parseAnchor(value: unknown, timeZone: string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getTime();
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const local = DATE_ONLY.exec(text) ?? LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0'] = local;
    const parts = { year: +y!, month: +mo!, day: +d!, hour: +h, minute: +mi, second: +s, millisecond: +ms.padEnd(3, '0') };
    if (!isRealDate(parts)) return null;
    return fromLocal(parts, timeZone);
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return null;
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
}

function isRealDate(local: LocalDateTime): boolean {
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day));
  return (
    date.getUTCFullYear() === local.year &&
    date.getUTCMonth() + 1 === local.month &&
    date.getUTCDate() === local.day &&
    local.hour < 24 &&
    local.minute < 60 &&
    local.second < 60
  );
}
