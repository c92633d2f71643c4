import type { AgendaItem } from '../../api/activity-types';
import type { SectionTone } from './agenda-sections';

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone });
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

/**
 * An item's time in the agenda's zone (the one its days are cut in): "10:00" or "10:00–11:00"
 * under a day, with the date under Overdue, "—" without a time.
 */
export function agendaTime(item: Pick<AgendaItem, 'at' | 'endAt'>, tone: SectionTone, timeZone: string): string {
  if (!item.at) return '—';
  if (tone === 'overdue') return formatter(timeZone, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(item.at));
  const time = formatter(timeZone, { hour: '2-digit', minute: '2-digit' });
  return item.endAt ? `${time.format(new Date(item.at))}–${time.format(new Date(item.endAt))}` : time.format(new Date(item.at));
}

export const TYPE_LABELS: Record<AgendaItem['type'], string> = { task: 'Task', 'follow-up': 'Follow-up', 'to-do': 'To-do', event: 'Event' };
