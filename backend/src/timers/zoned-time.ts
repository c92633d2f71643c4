/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl: "one day later" must stay
 * at 09:00 local across a DST change, which adding 24 h of milliseconds would not.
 */
export interface LocalDateTime {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function toLocal(epochMs: number, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: ((epochMs % 1000) + 1000) % 1000,
  };
}

const asUtc = (local: LocalDateTime): number =>
  Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(epochMs: number, timeZone: string): number {
  return asUtc(toLocal(epochMs, timeZone)) - epochMs;
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall-clock time denotes, resolved like Temporal's "compatible": an ambiguous
 * time (clocks going back) takes the earlier instant, a skipped one (clocks going forward)
 * moves forward by the size of the gap.
 */
export function fromLocal(local: LocalDateTime, timeZone: string): number {
  const wall = asUtc(local);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const matches = [wall - before, wall - after].filter((candidate) => asUtc(toLocal(candidate, timeZone)) === wall);
  if (matches.length > 0) return Math.min(...matches);
  return wall - before;
}

/** Calendar arithmetic on a local date; months clamp to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addLocalDays(local: LocalDateTime, days: number): LocalDateTime {
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { ...local, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addLocalMonths(local: LocalDateTime, months: number): LocalDateTime {
  const index = local.year * 12 + (local.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { ...local, year, month, day: Math.min(local.day, lastDay) };
}

/** 0 = Sunday … 6 = Saturday, of the local date. */
export const localWeekday = (local: LocalDateTime): number =>
  new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();

export const localIsoDate = (local: LocalDateTime): string =>
  `${String(local.year).padStart(4, '0')}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
