import { parseAnchor } from '../timers/fire-time';
import { isValidTimeZone, toLocal } from '../timers/zoned-time';

/**
 * The template helpers, as plain functions so they can be tested without Handlebars. They never
 * throw on bad data (a message with an empty date beats a message that is not sent); only a
 * template mistake such as an unknown currency code is an error.
 */

const DAY_MS = 86_400_000;

/** Date-only values ("2026-05-01") are calendar dates: they print as written, whatever the zone. */
export function toEpoch(value: unknown, timeZone = 'UTC'): number | null {
  return parseAnchor(value, timeZone);
}

const TOKENS = /'[^']*'|yyyy|yy|MMMM|MMM|MM|M|dd|d|EEEE|EEE|HH|H|hh|h|mm|ss|a/g;

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs far more than using one: one per zone and part, kept. */
function namePart(epochMs: number, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let formatter = nameFormatters.get(key);
  if (!formatter) nameFormatters.set(key, (formatter = new Intl.DateTimeFormat('en-GB', { timeZone, ...options })));
  return formatter.format(new Date(epochMs));
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** `formatDate date "d MMMM yyyy"`: the usual pattern letters, quoted text kept as is. */
export function formatDate(value: unknown, pattern = 'yyyy-MM-dd', timeZone = 'UTC'): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const epochMs = toEpoch(value, zone);
  if (epochMs === null) return '';
  const local = toLocal(epochMs, zone);
  const hour12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  const tokens: Record<string, () => string> = {
    yyyy: () => pad(local.year, 4),
    yy: () => pad(local.year % 100),
    MMMM: () => namePart(epochMs, zone, { month: 'long' }),
    MMM: () => namePart(epochMs, zone, { month: 'short' }),
    MM: () => pad(local.month),
    M: () => String(local.month),
    dd: () => pad(local.day),
    d: () => String(local.day),
    EEEE: () => namePart(epochMs, zone, { weekday: 'long' }),
    EEE: () => namePart(epochMs, zone, { weekday: 'short' }),
    HH: () => pad(local.hour),
    H: () => String(local.hour),
    hh: () => pad(hour12),
    h: () => String(hour12),
    mm: () => pad(local.minute),
    ss: () => pad(local.second),
    a: () => (local.hour < 12 ? 'AM' : 'PM'),
  };
  return pattern.replace(TOKENS, (token) => (token.startsWith("'") ? token.slice(1, -1) : tokens[token]!()));
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

/** `relativeDate date`: "in 3 days", "2 days ago", "tomorrow", measured from the backend's clock. */
export function relativeDate(value: unknown, now: number, locale = 'en'): string {
  const epochMs = toEpoch(value);
  if (epochMs === null) return '';
  const diff = epochMs - now;
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? UNITS[UNITS.length - 1]!;
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(diff / size), unit);
}

const dayNumber = (epochMs: number, timeZone: string): number => {
  const local = toLocal(epochMs, timeZone);
  return Date.UTC(local.year, local.month - 1, local.day) / DAY_MS;
};

/**
 * `daysBetween from to "Europe/London"`: whole calendar days from one date to the other in the zone
 * (negative when `to` comes first), so 23:59 to 00:01 the next day is 1 and 00:01 to 23:59 is 0 —
 * how "3 days overdue" is meant. Null when either date cannot be read.
 */
export function daysBetween(from: unknown, to: unknown, timeZone = 'UTC'): number | null {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const start = toEpoch(from, zone);
  const end = toEpoch(to, zone);
  if (start === null || end === null) return null;
  return dayNumber(end, zone) - dayNumber(start, zone);
}

/** `currency amount "EUR"`; an unknown currency code is a template error, so it throws. */
export function currency(amount: unknown, code: unknown, locale = 'en-GB'): string {
  const value = typeof amount === 'string' && amount.trim() !== '' ? Number(amount) : amount;
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  if (typeof code !== 'string') throw new Error('currency needs a currency code, e.g. {{currency amount "EUR"}}');
  return new Intl.NumberFormat(locale, { style: 'currency', currency: code }).format(value);
}

/** `plural count "item" "items"` → the word only, so templates read `{{n}} {{plural n "item" "items"}}`. */
export function plural(count: unknown, singular: unknown, pluralForm?: unknown): string {
  const one = String(singular ?? '');
  const many = typeof pluralForm === 'string' ? pluralForm : `${one}s`;
  return Number(count) === 1 ? one : many;
}

export const eq = (a: unknown, b: unknown): boolean => a === b;

export const defaultTo = (value: unknown, fallback: unknown): unknown =>
  value === undefined || value === null || value === '' ? fallback : value;
