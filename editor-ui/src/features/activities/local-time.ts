/**
 * `<input type="datetime-local">` speaks wall-clock time without a zone ("2026-12-08T10:00");
 * the API speaks UTC instants. These convert between the two in the browser's own zone.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** "2026-12-08T10:00" for an ISO instant, in local time; '' for none or a bad value. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The ISO instant of a datetime-local value read as local time; null for '' or a value that is not a time. */
export function fromLocalInput(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const at = new Date(year, month - 1, day, hour, minute, second);
  // new Date rolls "31 Feb" over into March: refuse it rather than save another day.
  if (at.getDate() !== day || at.getMonth() !== month - 1 || hour > 23 || minute > 59) return null;
  return at.toISOString();
}
