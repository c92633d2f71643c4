import type { TimelineEvent } from '../../api/timeline-types';
import { formatBytes, formatDateTime } from '../../lib/format';
import type { TimelineItem } from './build-timeline';
import { activityEventTitle } from './activity-event-text';
import { text, timerTitle } from './timeline-text';

export type EventKind = TimelineItem['kind'];
type Line = TimelineItem extends infer Item ? (Item extends TimelineItem ? Omit<Item, 'at' | 'id'> : never) : never;

/** Events the timeline does not show: the stage visits table already says it, or it is noise. */
const HIDDEN = new Set(['stage.entered', 'instance.attached']);

function actorText(event: TimelineEvent): string {
  if (event.actor.name) return `by ${event.actor.name}`;
  return event.actor.type === 'system' ? 'by Caseflow' : '';
}

const joined = (...parts: Array<string | null>) => parts.filter(Boolean).join(' · ');

/** One audit event as a timeline line (kind, title, detail), or null when it is not worth a line. */
function describe(event: TimelineEvent): Line | null {
  const d = event.data;
  const taskId = event.taskId ?? undefined;
  switch (event.type) {
    case 'instance.launched':
      return { kind: 'event', title: 'Case started', detail: joined(`${text(d.processKey) ?? ''}${d.processVersion ? ` v${String(d.processVersion)}` : ''}`, actorText(event)) };
    case 'instance.completed':
      return { kind: 'event', title: `Completed${text(d.outcome) ? `: ${text(d.outcome)}` : ''}`, detail: actorText(event) };
    case 'instance.cancelled':
      return { kind: 'event', title: 'Cancelled', detail: joined(text(d.reason), actorText(event)) };
    case 'instance.failed':
      return { kind: 'event', title: d.source === 'resume' ? 'Needs attention: n8n refused to resume' : `Needs attention: the execution failed${text(d.node) ? ` in ${text(d.node)}` : ''}`, detail: text(d.message) ?? '' };
    case 'instance.retried':
      return { kind: 'event', title: 'Retried', detail: joined(text(d.newExecutionId) ? `new execution ${text(d.newExecutionId)}` : null, actorText(event)) };
    case 'delivery.not_taken':
      return { kind: 'event', title: `n8n no longer waited: execution ${text(d.executionId) ?? ''} went on without this ${text(d.wait) ?? 'call'}`.trim(), detail: text(d.reason) ?? '' };
    case 'delivery.refused':
      return { kind: 'event', title: `n8n refused to resume execution ${text(d.executionId) ?? ''}`.trim(), detail: text(d.reason) ?? '' };
    case 'instance.stalled':
      return { kind: 'event', title: 'Stalled in its stage', detail: text(d.stageKey) ?? '' };
    case 'instance.data_updated':
      return { kind: 'event', title: 'Case data updated', detail: actorText(event) };
    case 'task.created':
      return { kind: 'task', title: `Task created: ${text(d.title) ?? ''}`, detail: text(d.queue) ? `In ${text(d.queue)}` : '', taskId };
    case 'task.decided':
      return { kind: 'decision', title: `Decided: ${text(d.label) ?? text(d.decision) ?? ''}`, detail: actorText(event), comment: text(d.comment), taskId };
    case 'task.claimed':
      return { kind: 'event', title: 'Task claimed', detail: actorText(event), taskId };
    case 'task.unclaimed':
      return { kind: 'event', title: 'Task given back to the queue', detail: actorText(event), taskId };
    case 'task.reassigned':
      return { kind: 'event', title: 'Task reassigned', detail: actorText(event), taskId };
    case 'task.commented':
      return { kind: 'decision', title: 'Comment', detail: actorText(event), comment: text(d.body), taskId };
    case 'task.overdue':
      return { kind: 'event', title: 'Task overdue', detail: '', taskId };
    case 'task.escalated':
    case 'instance.escalated':
      return { kind: 'escalation', title: 'Escalated', detail: text(d.reason) ?? '', taskId };
    case 'message.sent':
      return { kind: 'message', title: `Message: ${text(d.subject) ?? ''}`, detail: Array.isArray(d.recipients) ? `To ${d.recipients.join(', ')}` : '' };
    case 'document.added':
      return { kind: 'event', title: `Document added: ${text(d.name) ?? ''}`, detail: joined(text(d.kind), typeof d.size === 'number' ? formatBytes(d.size) : null, actorText(event)) };
    case 'document.removed':
      return { kind: 'event', title: `Document removed: ${text(d.name) ?? ''}`, detail: actorText(event) };
    case 'timer.registered':
      return { kind: 'timer', title: timerTitle({ label: text(d.label), status: 'pending', fireAt: text(d.fireAt) ?? '' }), detail: '' };
    case 'timer.rescheduled':
      return { kind: 'timer', title: `Timer moved${text(d.fireAt) ? ` to ${formatDateTime(text(d.fireAt))}` : ''}`, detail: '' };
    case 'timer.past':
      return { kind: 'timer', title: `Timer already past${text(d.label) ? `: ${text(d.label)}` : ''}`, detail: text(d.reason) ?? '' };
    case 'timer.fired':
      return { kind: 'timer', title: `Timer fired ${formatDateTime(text(d.firedAt) ?? event.at)}${text(d.label) ? `: ${text(d.label)}` : ''}`, detail: '' };
    case 'timer.cancelled':
      return { kind: 'timer', title: `Timer cancelled before it fired${text(d.label) ? `: ${text(d.label)}` : ''}`, detail: text(d.reason) ?? '' };
    case 'activity.created':
    case 'activity.updated':
    case 'activity.completed':
    case 'activity.reopened':
    case 'activity.cancelled':
      return { kind: 'event', title: activityEventTitle(event.type, d), detail: actorText(event) };
    default:
      return { kind: 'event', title: event.type.replace(/[._]/g, ' '), detail: actorText(event) };
  }
}

/** Timeline lines from the audit trail, except kinds already shown from the structured lists. */
export function eventItems(events: TimelineEvent[], covered: Set<EventKind>): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const event of events) {
    if (HIDDEN.has(event.type)) continue;
    const line = describe(event);
    if (!line || (covered.has(line.kind) && line.kind !== 'event' && event.type !== 'task.commented')) continue;
    items.push({ ...line, at: event.at, id: `event-${event.id}` });
  }
  return items;
}
