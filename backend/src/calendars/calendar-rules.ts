import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '../common/validation';
import type { WorkingHours } from '../database/tables';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const START = /^([01]\d|2[0-3]):[0-5]\d$/;
const END = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The same 400 shape as the global validation pipe, for rules checked in the service. */
export function fieldErrors(errors: FieldError[]): BadRequestException {
  return new BadRequestException({
    error: 'Bad Request',
    message: errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; '),
    details: errors,
  });
}

export function checkTimeZone(timeZone: string, errors: FieldError[]): void {
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
  } catch {
    errors.push({ field: 'timeZone', messages: [`"${timeZone}" is not an IANA time zone (e.g. "Europe/London", "UTC")`] });
  }
}

/** Ranges come back sorted by start; overlapping ranges are refused because business-time sums would count them twice. */
export function checkWorkingHours(value: Record<string, unknown>, errors: FieldError[]): WorkingHours {
  const hours = {} as WorkingHours;
  for (const key of Object.keys(value)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      errors.push({ field: `workingHours.${key}`, messages: [`is not a weekday; use ${WEEKDAYS.join(', ')}`] });
    }
  }
  for (const day of WEEKDAYS) {
    const ranges = value[day];
    if (!Array.isArray(ranges)) {
      errors.push({ field: `workingHours.${day}`, messages: ['must be a list of ["HH:MM","HH:MM"] ranges ([] for a day off)'] });
      continue;
    }
    hours[day] = checkDay(day, ranges, errors);
  }
  return hours;
}

function checkDay(day: string, ranges: unknown[], errors: FieldError[]): Array<[string, string]> {
  const valid: Array<[string, string]> = [];
  ranges.forEach((range, index) => {
    const field = `workingHours.${day}[${index}]`;
    if (!Array.isArray(range) || range.length !== 2 || typeof range[0] !== 'string' || typeof range[1] !== 'string') {
      errors.push({ field, messages: ['must be a pair ["HH:MM","HH:MM"]'] });
    } else if (!START.test(range[0]) || !END.test(range[1])) {
      errors.push({ field, messages: ['times must read HH:MM (00:00–23:59; "24:00" may end a range)'] });
    } else if (range[0] >= range[1]) {
      errors.push({ field, messages: [`must start before it ends (${range[0]} is not before ${range[1]})`] });
    } else {
      valid.push([range[0], range[1]]);
    }
  });
  valid.sort((a, b) => a[0].localeCompare(b[0]));
  for (let i = 1; i < valid.length; i++) {
    if (valid[i]![0] < valid[i - 1]![1]) {
      errors.push({ field: `workingHours.${day}`, messages: [`ranges ${valid[i - 1]!.join('–')} and ${valid[i]!.join('–')} overlap`] });
    }
  }
  return valid;
}

/** Holidays come back sorted and without repeats. */
export function checkHolidays(value: unknown[], errors: FieldError[]): string[] {
  const dates = new Set<string>();
  value.forEach((date, index) => {
    if (typeof date === 'string' && DATE.test(date) && isRealDate(date)) dates.add(date);
    else errors.push({ field: `holidays[${index}]`, messages: ['must be a date written YYYY-MM-DD'] });
  });
  return [...dates].sort();
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}
