import ical from 'ical-generator';
import type { AgendaEntry } from './agenda-items';

const LABELS: Record<AgendaEntry['type'], string> = { task: 'Task', 'follow-up': 'Follow-up', 'to-do': 'To-do', event: 'Event' };
/** A task or follow-up is a moment (its due time); calendars draw it as a short block ending there. */
const DUE_BLOCK_MS = 15 * 60_000;
/** Calendar apps poll on their own schedule; this asks for no more often than every 15 minutes. */
const REFRESH_MS = 15 * 60_000;

/**
 * The agenda as iCalendar (RFC 5545). Times are written in UTC, so every calendar places them
 * right on both sides of a daylight-saving change whatever zone it shows them in. Work without a
 * date has no place on a calendar and is left out. UIDs are stable, so an edit moves the event.
 */
export function renderAgendaCalendar(userName: string, entries: AgendaEntry[], publicUrl: string, now: number): string {
  const calendar = ical({ name: `Caseflow: ${userName}`, prodId: { company: 'Caseflow', product: 'agenda', language: 'EN' }, ttl: REFRESH_MS / 1000 });
  for (const entry of entries) {
    if (entry.at === null) continue;
    const isEvent = entry.type === 'event' && entry.endAt !== null;
    const url = `${publicUrl}${entry.link}`;
    const caseLine = entry.case ? `Case: ${entry.case.caseName ?? entry.instanceId} (${entry.case.processKey})` : '';
    calendar.createEvent({
      id: `${entry.type}-${entry.id}@caseflow`,
      stamp: new Date(now),
      start: new Date(isEvent ? entry.at : entry.at - DUE_BLOCK_MS),
      end: new Date(isEvent ? entry.endAt! : entry.at),
      summary: isEvent ? entry.title : `${LABELS[entry.type]} due: ${entry.title}`,
      description: [caseLine, entry.note, url].filter(Boolean).join('\n\n'),
      url,
    });
  }
  return calendar.toString();
}
