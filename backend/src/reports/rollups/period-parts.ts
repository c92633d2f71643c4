import type { ReportFilters } from '../reports.dto';

export const DAY_MS = 86_400_000;

/** Facts of a report read from its rows: those dated in [from, to), of the cases not rolled up only, or of all. */
export interface RawSlice {
  processKey: string | null;
  from: number | null;
  to: number | null;
  notRolledUp: boolean;
  scope?: ReportFilters['scope'];
}

/** Where an unscoped report's facts come from: the rollups' whole UTC days (day numbers, `to` excluded), and raw slices. */
export interface PeriodParts {
  days: { processKey: string | null; from: number | null; to: number | null } | null;
  raw: RawSlice[];
}

/**
 * Splits a period so each fact is read exactly once: the whole days inside it from the rollups
 * (rolled-up cases) and from the rows (the cases not rolled up yet); a partial first or last day
 * from the rows of every case. A period within one day is read from the rows alone.
 */
export function periodParts({ processKey, from, to }: ReportFilters): PeriodParts {
  const firstDay = from === null ? null : Math.ceil(from / DAY_MS);
  const endDay = to === null ? null : Math.floor(to / DAY_MS);
  if (firstDay !== null && endDay !== null && firstDay >= endDay) return { days: null, raw: [{ processKey, from, to, notRolledUp: false }] };
  const wholeFrom = firstDay === null ? null : firstDay * DAY_MS;
  const wholeTo = endDay === null ? null : endDay * DAY_MS;
  const raw: RawSlice[] = [{ processKey, from: wholeFrom, to: wholeTo, notRolledUp: true }];
  if (from !== null && from < wholeFrom!) raw.push({ processKey, from, to: wholeFrom, notRolledUp: false });
  if (to !== null && wholeTo! < to) raw.push({ processKey, from: wholeTo, to, notRolledUp: false });
  return { days: { processKey, from: firstDay, to: endDay }, raw };
}

/** Whole days (day numbers, `to` excluded) as whole UTC calendar months and the days around them. */
export interface DaySpans {
  months: { from: number | null; to: number | null } | null;
  days: Array<{ from: number | null; to: number | null }>;
}

export function daySpans({ from, to }: { from: number | null; to: number | null }): DaySpans {
  const firstMonth = from === null ? null : monthOf(from) === from ? from : monthAfter(from);
  const endMonth = to === null ? null : monthOf(to);
  if (firstMonth !== null && endMonth !== null && firstMonth >= endMonth) return { months: null, days: [{ from, to }] };
  const days: DaySpans['days'] = [];
  if (from !== null && from < firstMonth!) days.push({ from, to: firstMonth });
  if (to !== null && endMonth! < to) days.push({ from: endMonth, to });
  return { months: { from: firstMonth, to: endMonth }, days };
}

/** The day number of the first day of the day's UTC month. */
export function monthOf(day: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
}

function monthAfter(day: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / DAY_MS;
}
