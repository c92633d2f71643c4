import type { AgendaItem, AgendaResponse } from '../../api/activity-types';

export type SectionTone = 'overdue' | 'day' | 'undated';

export interface AgendaSection {
  key: string;
  title: string;
  tone: SectionTone;
  items: AgendaItem[];
}

const DAY_MS = 86_400_000;
const itemKey = (item: AgendaItem) => `${item.type}:${item.id}`;
const atMs = (item: AgendaItem) => (item.at ? new Date(item.at).getTime() : Number.POSITIVE_INFINITY);
const byTime = (a: AgendaItem, b: AgendaItem) => atMs(a) - atMs(b) || a.title.localeCompare(b.title);

/** Today's date (YYYY-MM-DD) in a time zone; the browser's own when the zone is unknown. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const format = (zone?: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  try {
    return format(timeZone);
  } catch {
    return format();
  }
}

const toUtcDay = (date: string) => Date.parse(`${date}T00:00:00Z`);
const weekdayDayMonth = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "Today", "Tomorrow", else "Wed 9 Dec". */
export function dayTitle(date: string, today: string): string {
  const offset = Math.round((toUtcDay(date) - toUtcDay(today)) / DAY_MS);
  if (offset === 0) return 'Today';
  if (offset === 1) return 'Tomorrow';
  const parts = weekdayDayMonth.formatToParts(new Date(toUtcDay(date)));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')}`;
}

/**
 * The agenda as the page shows it: "Overdue" first (oldest first), then one section per day in date
 * order (items by time), then "No date". Something overdue is shown once, under Overdue.
 */
export function agendaSections(agenda: AgendaResponse, today: string): AgendaSection[] {
  const overdue = [...agenda.overdue].sort(byTime);
  const shown = new Set(overdue.map(itemKey));
  const days = [...agenda.days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((day) => ({ key: day.date, title: dayTitle(day.date, today), tone: 'day' as const, items: day.items.filter((item) => !shown.has(itemKey(item))).sort(byTime) }));
  const sections: AgendaSection[] = [
    { key: 'overdue', title: 'Overdue', tone: 'overdue', items: overdue },
    ...days,
    { key: 'undated', title: 'No date', tone: 'undated', items: agenda.undated.filter((item) => !shown.has(itemKey(item))) },
  ];
  return sections.filter((section) => section.items.length > 0);
}
