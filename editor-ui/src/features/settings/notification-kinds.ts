import { NOTIFICATION_KINDS, type NotificationKind, type NotificationMode } from '../../api/me-types';

export const MODES: Array<{ mode: NotificationMode; label: string }> = [
  { mode: 'each', label: 'Each event' },
  { mode: 'digest', label: 'Daily digest' },
  { mode: 'off', label: 'Off' },
];

/** Each kind as the user reads it: what it is called and who gets it (backend/src/notifications/notifier.service.ts). */
export const KIND_LABELS: Record<NotificationKind, { label: string; hint: string }> = {
  'task.created': { label: 'New task', hint: 'A task arrives for me or in one of my queues.' },
  'task.assigned': { label: 'Assigned to me', hint: 'Someone puts a task on me.' },
  'task.reminder': { label: 'Reminder before due', hint: "A task I hold (or my queue's) is due soon." },
  'instance.stalled': { label: 'Stalled case', hint: 'A case in a stage my queue owns has not moved for too long.' },
  'activity.assigned': { label: 'Activity for me', hint: 'A follow-up, to-do or event is put on me.' },
};

/** The kinds the server answered with, in the order the table shows them. */
export function shownKinds(kinds: Partial<Record<NotificationKind, NotificationMode>>): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => kinds[kind] !== undefined);
}
