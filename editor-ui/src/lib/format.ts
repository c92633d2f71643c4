/** Human-readable dates, durations and priorities, the same everywhere in the UI. */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateTimeThisYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "3 Nov, 14:05" this year, "3 Nov 2025, 14:05" otherwise. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return iso;
  return parsed.getFullYear() === new Date().getFullYear() ? dateTimeThisYear.format(parsed) : dateTime.format(parsed);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? iso : date.format(parsed);
}

/** "2 d 4 h", "3 h 20 min", "45 s": the two largest units are enough to compare stages. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '—';
  const seconds = Math.round(Math.abs(ms) / 1000);
  const units: Array<[string, number]> = [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
    ['s', 1],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [label, size] of units) {
    const amount = Math.floor(rest / size);
    if (amount > 0 && parts.length < 2) {
      parts.push(`${amount} ${label}`);
      rest -= amount * size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.length > 0 ? parts.join(' ') : '0 s';
}

/** "in 3 h", "2 d ago" relative to now. */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return iso;
  // Due times are read in minutes: seconds only make the list flicker.
  const diff = Math.round((at - now) / 60_000) * 60_000;
  if (diff === 0) return 'now';
  return diff > 0 ? `in ${formatDuration(diff)}` : `${formatDuration(diff)} ago`;
}

export const PRIORITY_LABELS: Record<number, string> = { 1: 'Low', 2: 'Normal', 3: 'High', 4: 'Urgent' };

export function formatPriority(priority: number): string {
  return PRIORITY_LABELS[priority] ?? `P${priority}`;
}

export function titleCase(value: string): string {
  return value
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^\w/, (c) => c.toUpperCase());
}

/** "820 B", "14.2 KB", "1.3 MB": attachment sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
