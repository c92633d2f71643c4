import { fromLocal, toLocal } from '../timers/zoned-time';

export const DIGEST_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const DEFAULT_DIGEST_TIME = '08:00';

/**
 * The first instant after `now` at which the wall clock in `timeZone` reads `digestTime`: an item
 * queued at 07:59 goes out in today's 08:00 digest, one queued at 08:00 in tomorrow's. Worked out
 * on the wall clock, so the digest stays at 08:00 local across a daylight-saving change.
 */
export function nextDigestAt(now: number, timeZone: string, digestTime: string): number {
  const [hour, minute] = digestTime.split(':').map(Number) as [number, number];
  const today = toLocal(now, timeZone);
  const at = (offsetDays: number): number =>
    fromLocal({ ...addDays(today, offsetDays), hour, minute, second: 0, millisecond: 0 }, timeZone);
  const candidate = at(0);
  return candidate > now ? candidate : at(1);
}

function addDays(local: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
