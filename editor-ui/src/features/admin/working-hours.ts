import type { WorkingHours } from '../../api/types';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DayHours {
  working: boolean;
  start: string;
  end: string;
}

export type WeekHours = Record<Weekday, DayHours>;

export function officeWeek(): WeekHours {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, { working: !['sat', 'sun'].includes(day), start: '09:00', end: '17:00' }])) as WeekHours;
}

/** The form's week as the API's working hours; days off are left out. */
export function toWorkingHours(week: WeekHours): WorkingHours {
  const hours: WorkingHours = {};
  for (const day of WEEKDAYS) if (week[day].working) hours[day] = [[week[day].start, week[day].end]];
  return hours;
}

/** "2026-12-25, 2026-12-26" → the dates, or the first entry that is not a date. */
export function parseHolidays(text: string): { dates: string[]; invalid?: string } {
  const entries = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const invalid = entries.find((entry) => !/^\d{4}-\d{2}-\d{2}$/.test(entry) || Number.isNaN(Date.parse(entry)));
  return invalid ? { dates: [], invalid } : { dates: entries };
}

export function describeWorkingHours(hours: WorkingHours): string {
  const days = WEEKDAYS.filter((day) => (hours[day] ?? []).length > 0);
  if (days.length === 0) return 'No working hours';
  return days.map((day) => `${day} ${(hours[day] ?? []).map(([from, to]) => `${from}–${to}`).join(', ')}`).join('; ');
}
