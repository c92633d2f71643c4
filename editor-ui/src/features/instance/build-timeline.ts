import type { MessageKind } from '../../api/message-types';
import type { Delivery, Escalation, InstanceDetail, Message, Timer } from '../../api/timeline-types';
import type { Task } from '../../api/types';
import { eventItems, type EventKind } from './event-items';
import { timerTitle } from './timeline-text';

interface Base {
  at: string;
  id: string;
  title: string;
  detail: string;
  /** The task a line links to, when there is one. */
  taskId?: string;
}

export type TimelineItem =
  | (Base & { kind: 'stage' | 'task' | 'event' })
  | (Base & { kind: 'decision'; comment: string | null })
  | (Base & { kind: 'message'; message?: Message })
  | (Base & { kind: 'escalation'; escalation?: Escalation })
  | (Base & { kind: 'timer'; timer?: Timer })
  | (Base & { kind: 'delivery'; delivery: Delivery });

/** At the same instant, a stage is entered before its task is created, and a decision precedes what it causes. */
const CAUSAL_ORDER: Record<TimelineItem['kind'], number> = { stage: 0, event: 1, task: 2, decision: 3, escalation: 4, message: 5, delivery: 6, timer: 7 };

export function recipientsOf(message: Pick<Message, 'recipients'>): string {
  return Array.isArray(message.recipients) ? message.recipients.join(', ') : '';
}

function taskItems(task: Task): TimelineItem[] {
  const items: TimelineItem[] = [
    { kind: 'task', at: task.createdAt, id: `task-${task.id}`, title: `Task created: ${task.title}`, detail: `In ${task.queue?.name ?? 'a queue'}`, taskId: task.id },
  ];
  if (task.status === 'decided' && task.decidedAt) {
    const label = task.decisions.find((d) => d.key === task.decision)?.label ?? task.decision ?? '';
    items.push({
      kind: 'decision',
      at: task.decidedAt,
      id: `decision-${task.id}`,
      title: `Decided: ${label}`,
      detail: `${task.title}${task.decidedBy?.name ? ` · by ${task.decidedBy.name}` : ''}`,
      comment: task.comment,
      taskId: task.id,
    });
  }
  return items;
}

function messageItem(message: Message): TimelineItem {
  return {
    kind: 'message',
    at: message.sentAt ?? message.createdAt,
    id: `message-${message.id}`,
    title: `Message: ${message.subject}`,
    detail: `To ${recipientsOf(message) || '—'} · ${message.status}${message.error ? ` · ${message.error}` : ''}`,
    message,
  };
}

function escalationItem(escalation: Escalation): TimelineItem {
  const to = escalation.toQueue?.name ?? escalation.toUser?.name;
  const from = escalation.fromQueue?.name;
  return {
    kind: 'escalation',
    at: escalation.createdAt,
    id: `escalation-${escalation.id}`,
    title: escalation.action === 'notify' ? `Notified${to ? ` ${to}` : ''}` : `Escalated${to ? ` to ${to}` : ''}`,
    detail: [escalation.reason, from ? `from ${from}` : null, escalation.ladderStep !== null && escalation.ladderStep !== undefined ? `ladder step ${escalation.ladderStep + 1}` : null]
      .filter(Boolean)
      .join(' · '),
    escalation,
    taskId: escalation.taskId ?? undefined,
  };
}

function deliveryItem(delivery: Delivery): TimelineItem {
  const attempts = `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`;
  return {
    kind: 'delivery',
    at: delivery.deliveredAt ?? delivery.createdAt,
    id: `delivery-${delivery.id}`,
    title: `Delivery (${delivery.kind.replace(/_/g, ' ')}): ${delivery.status}`,
    detail: [delivery.target, attempts, delivery.lastError].filter(Boolean).join(' · '),
    delivery,
  };
}

/** Everything that happened to a case, newest first, as one list. */
export function buildTimeline(detail: InstanceDetail): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const visit of detail.stageVisits) {
    const queue = visit.ownerQueue ? ` · owned by ${visit.ownerQueue.name}` : '';
    items.push({ kind: 'stage', at: visit.enteredAt, id: `stage-${visit.id}`, title: `Entered ${visit.stageName}`, detail: `Stage${queue}` });
  }
  detail.tasks?.forEach((task) => items.push(...taskItems(task)));
  detail.messages?.forEach((message) => items.push(messageItem(message)));
  detail.escalations?.forEach((escalation) => items.push(escalationItem(escalation)));
  detail.timers?.forEach((timer) =>
    items.push({ kind: 'timer', at: timer.status === 'fired' ? (timer.firedAt ?? timer.fireAt) : timer.fireAt, id: `timer-${timer.id}`, title: timerTitle(timer), detail: timer.resumeError ?? (timer.anchorField ? `Relative to ${timer.anchorField}` : ''), timer }),
  );
  detail.deliveries?.forEach((delivery) => items.push(deliveryItem(delivery)));
  // Events fill in whatever the structured lists do not cover.
  const covered = new Set<EventKind>(['stage']);
  if (detail.tasks) covered.add('task').add('decision');
  if (detail.messages) covered.add('message');
  if (detail.escalations) covered.add('escalation');
  if (detail.timers) covered.add('timer');
  items.push(...eventItems(detail.timeline ?? [], covered));
  return items.sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime() || CAUSAL_ORDER[b.kind] - CAUSAL_ORDER[a.kind]);
}

/** With a kind chosen, only that kind's messages: the question is "what did we tell the customer", not the whole story. */
export function onlyMessagesOfKind(items: TimelineItem[], kind: MessageKind | ''): TimelineItem[] {
  if (kind === '') return items;
  return items.filter((item) => item.kind === 'message' && item.message?.kind === kind);
}
