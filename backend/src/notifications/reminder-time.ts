import { BusinessCalendar, businessTimeBetween, isAlwaysOpen } from '../calendars/business-time';

const MINUTE_MS = 60_000;
/** Further back than any SLA the definitions allow (ten years), so the search always has a bracket. */
const MAX_LOOKBACK_MS = 11 * 365 * 24 * 60 * MINUTE_MS;

/**
 * When a reminder `beforeMinutes` ahead of `dueAt` goes out: the latest instant with that much
 * business time left before the due time. 60 minutes before Tuesday 09:30 on 09:00–17:00 weekdays
 * is Monday 16:30, not 08:30 in the night. The calendar code only counts forwards, so this
 * searches for the instant; the business time left only grows as the instant moves back.
 */
export function reminderAt(calendar: BusinessCalendar, dueAt: number, beforeMinutes: number): number {
  const wanted = beforeMinutes * MINUTE_MS;
  if (isAlwaysOpen(calendar)) return dueAt - wanted;
  const left = (at: number): number => businessTimeBetween(calendar, at, dueAt);
  let step = wanted;
  let early = dueAt - step;
  while (left(early) < wanted) {
    step *= 2;
    if (step > MAX_LOOKBACK_MS) throw new RangeError(`calendar in ${calendar.timeZone} has too little working time for a reminder ${beforeMinutes} minutes before`);
    early = dueAt - step;
  }
  let late = dueAt;
  // Invariant: left(early) >= wanted > left(late); narrow to the millisecond.
  while (late - early > 1) {
    const middle = Math.floor((early + late) / 2);
    if (left(middle) >= wanted) early = middle;
    else late = middle;
  }
  return early;
}
