import type { ActivityKind, ActivityResponse } from '../../api/activity-types';
import { formatDateTime } from '../../lib/format';

export const KIND_LABELS: Record<ActivityKind, string> = { 'follow-up': 'Follow-up', 'to-do': 'To-do', event: 'Event' };

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const sameLocalDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** "9 Dec, 10:00–11:00" for an event (the end's date only when it differs). */
export function eventSpan(startAt: string, endAt: string): string {
  const start = new Date(startAt);
  const end = new Date(endAt);
  return `${formatDateTime(startAt)}–${sameLocalDay(start, end) ? timeOnly.format(end) : formatDateTime(endAt)}`;
}

/** When an activity is: "due 9 Dec, 10:00", an event's span, or "no due date". */
export function activityWhen(activity: Pick<ActivityResponse, 'kind' | 'dueAt' | 'startAt' | 'endAt'>): string {
  if (activity.kind === 'event' && activity.startAt && activity.endAt) return eventSpan(activity.startAt, activity.endAt);
  return activity.dueAt ? `due ${formatDateTime(activity.dueAt)}` : 'no due date';
}

/** The time an open activity sorts by: its due time or start. */
export const activityTime = (activity: Pick<ActivityResponse, 'dueAt' | 'startAt'>) => activity.dueAt ?? activity.startAt;

/** Open ones first, soonest first (undated last); then done and cancelled, latest first. */
export function splitActivities(activities: ActivityResponse[]): { open: ActivityResponse[]; closed: ActivityResponse[] } {
  const byTime = (a: ActivityResponse, b: ActivityResponse) => {
    const at = activityTime(a);
    const bt = activityTime(b);
    if (at === bt) return a.createdAt.localeCompare(b.createdAt);
    if (!at) return 1;
    if (!bt) return -1;
    return new Date(at).getTime() - new Date(bt).getTime();
  };
  const closedAt = (a: ActivityResponse) => new Date(a.completedAt ?? a.updatedAt).getTime();
  return {
    open: activities.filter((a) => a.status === 'open').sort(byTime),
    closed: activities.filter((a) => a.status !== 'open').sort((a, b) => closedAt(b) - closedAt(a)),
  };
}
