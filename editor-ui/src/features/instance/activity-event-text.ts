import { formatDateTime } from '../../lib/format';
import { eventSpan } from '../activities/activity-labels';
import { text } from './timeline-text';

const KIND_WORDS: Record<string, string> = { 'follow-up': 'Follow-up', 'to-do': 'To-do', event: 'Event' };
const TIME_FIELDS = ['dueAt', 'startAt', 'endAt'];

/** "due 9 Dec, 10:00" or an event's "9 Dec, 10:00–11:00", from an activity event's data. */
function whenText(d: Record<string, unknown>): string | null {
  const start = text(d.startAt);
  const end = text(d.endAt);
  if (start && end) return eventSpan(start, end);
  const due = text(d.dueAt);
  return due ? `due ${formatDateTime(due)}` : null;
}

/** The timeline title of an `activity.*` event: "Follow-up 'Call the student' added for Ada Lovelace, due 9 Dec, 10:00". */
export function activityEventTitle(type: string, d: Record<string, unknown>): string {
  const name = `${KIND_WORDS[text(d.kind) ?? ''] ?? 'Activity'} '${text(d.title) ?? ''}'`;
  const when = whenText(d);
  const assignee = text(d.assigneeName);
  switch (type) {
    case 'activity.created':
      return `${name} added${assignee ? ` for ${assignee}` : ''}${when ? `, ${when}` : ''}`;
    case 'activity.updated': {
      const changed = Array.isArray(d.changed) ? d.changed.map(String) : [];
      const parts: string[] = [];
      if (changed.some((field) => TIME_FIELDS.includes(field))) parts.push(when ? `moved to ${when.replace(/^due /, '')}` : 'moved off the calendar');
      if (changed.includes('assigneeId') && assignee) parts.push(`reassigned to ${assignee}`);
      return parts.length > 0 ? `${name} ${parts.join(' and ')}` : `${name} changed`;
    }
    case 'activity.completed':
      return `${name} completed`;
    case 'activity.reopened':
      return `${name} reopened`;
    case 'activity.cancelled':
      return `${name} cancelled`;
    default:
      return `${name}: ${type.replace(/^activity\./, '').replace(/[._]/g, ' ')}`;
  }
}
