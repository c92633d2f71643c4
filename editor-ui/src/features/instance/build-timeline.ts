import type { Delivery, Escalation, InstanceDetail, Message, Timer } from '../../api/timeline-types';
import type { Task } from '../../api/types';
import { formatDateTime } from '../../lib/format';

export type TimelineItem =
  | { kind: 'stage'; at: string; id: string; title: string; detail: string }
  | { kind: 'task'; at: string; id: string; title: string; detail: string; task: Task }
  | { kind: 'decision'; at: string; id: string; title: string; detail: string; comment: string | null; task: Task }
  | { kind: 'message'; at: string; id: string; title: string; detail: string; message: Message }
  | { kind: 'escalation'; at: string; id: string; title: string; detail: string; escalation: Escalation }
  | { kind: 'timer'; at: string; id: string; title: string; detail: string; timer: Timer }
  | { kind: 'delivery'; at: string; id: string; title: string; detail: string; delivery: Delivery };

/** At the same instant, a stage is entered before its task is created, and a decision precedes what it causes. */
const CAUSAL_ORDER: Record<TimelineItem['kind'], number> = { stage: 0, task: 1, decision: 2, escalation: 3, message: 4, delivery: 5, timer: 6 };

function nameOf(value: { name: string } | string | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.name;
}

export function recipientsOf(message: Message): string {
  const raw = message.recipients;
  if (Array.isArray(raw)) return raw.map((r) => (typeof r === 'string' ? r : r.address)).join(', ');
  const to = (raw as { to?: unknown }).to;
  return Array.isArray(to) ? to.map(String).join(', ') : '';
}

export function timerTitle(timer: Timer): string {
  const label = timer.label ? `${timer.label}: ` : '';
  if (timer.status === 'pending' || timer.status === 'scheduled' || timer.status === 'waiting') return `${label}Waiting until ${formatDateTime(timer.fireAt)}`;
  if (timer.status === 'fired') return `${label}Timer fired ${formatDateTime(timer.firedAt ?? timer.fireAt)}`;
  return `${label}Timer ${timer.status} (was due ${formatDateTime(timer.fireAt)})`;
}

/** Everything that happened to a case, newest first, as one list. */
export function buildTimeline(detail: InstanceDetail): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const visit of detail.stageVisits) {
    const queue = visit.ownerQueue ? ` · ${visit.ownerQueue.name}` : '';
    items.push({ kind: 'stage', at: visit.enteredAt, id: `stage-${visit.id}`, title: `Entered ${visit.stageName}`, detail: `Stage${queue}` });
  }
  for (const task of detail.tasks) {
    items.push({ kind: 'task', at: task.createdAt, id: `task-${task.id}`, title: `Task created: ${task.title}`, detail: `In ${task.queue.name}`, task });
    if (task.status === 'decided' && task.decidedAt) {
      const label = task.decisions.find((d) => d.key === task.decision)?.label ?? task.decision ?? '';
      items.push({
        kind: 'decision',
        at: task.decidedAt,
        id: `decision-${task.id}`,
        title: `Decided: ${label}`,
        detail: `${task.title}${task.decidedBy ? ` · by ${task.decidedBy.name}` : ''}`,
        comment: task.comment,
        task,
      });
    }
  }
  for (const message of detail.messages) {
    const at = message.sentAt ?? message.createdAt ?? detail.createdAt;
    items.push({ kind: 'message', at, id: `message-${message.id}`, title: `Message: ${message.subject}`, detail: `To ${recipientsOf(message) || '—'} · ${message.status}`, message });
  }
  for (const escalation of detail.escalations) {
    const to = nameOf(escalation.toQueue) ?? nameOf(escalation.toUser);
    const from = nameOf(escalation.fromQueue);
    items.push({
      kind: 'escalation',
      at: escalation.createdAt,
      id: `escalation-${escalation.id}`,
      title: `Escalated${to ? ` to ${to}` : ''}`,
      detail: [escalation.reason, from ? `from ${from}` : null].filter(Boolean).join(' · '),
      escalation,
    });
  }
  for (const timer of detail.timers) {
    items.push({ kind: 'timer', at: timer.fireAt, id: `timer-${timer.id}`, title: timerTitle(timer), detail: timer.status, timer });
  }
  for (const delivery of detail.deliveries) {
    items.push({
      kind: 'delivery',
      at: delivery.deliveredAt ?? delivery.createdAt,
      id: `delivery-${delivery.id}`,
      title: `Delivery: ${delivery.kind}`,
      detail: `${delivery.status} after ${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}${delivery.lastError ? ` · ${delivery.lastError}` : ''}`,
      delivery,
    });
  }
  return items.sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime() || CAUSAL_ORDER[b.kind] - CAUSAL_ORDER[a.kind]);
}
