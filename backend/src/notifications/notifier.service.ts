import { Injectable } from '@nestjs/common';
import { Actor, SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { iso } from '../common/time';
import { Database } from '../database/database';
import type { ActivityTable, NotificationKind, TaskTable } from '../database/tables';
import { NotificationFanOut, NotificationSubject } from './notification-fan-out';
import { NotificationsRepository } from './notifications.repository';

/** Whom a notification is for: named people, or a queue's active members (read at the fan-out). */
interface Addressed {
  userIds?: string[];
  queueId?: string;
}

/** A stage visit that stalled, as the stall sweep knows it. */
export interface StalledVisit {
  instanceId: string;
  entityId: string;
  stageName: string;
  ownerQueueId: string | null;
}

/**
 * Tells people about work: one email per person per event (or a line in their daily digest, or
 * nothing, as they chose), never to the person whose action caused it. Every method joins the
 * caller's transaction, so a notification exists exactly when its event does; NotificationFanOut
 * then writes the emails, which go out through the outbox like every other message.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly db: Database,
    private readonly repository: NotificationsRepository,
    private readonly fanOut: NotificationFanOut,
    private readonly clock: Clock,
  ) {}

  /** A new task: its assignee when it was created assigned, else the members of its queue. */
  async taskCreated(actor: Actor, task: TaskTable): Promise<void> {
    const people = task.assigneeId ? { userIds: [task.assigneeId] } : { queueId: task.queueId };
    await this.notify(actor, 'task.created', people, { instanceId: task.instanceId, task, title: task.title });
  }

  /** Work put on someone (a reassignment, an escalation to a person): the new assignee, unless nothing changed. */
  async taskAssigned(actor: Actor, before: Pick<TaskTable, 'assigneeId'> | null, after: TaskTable): Promise<void> {
    if (!after.assigneeId || after.assigneeId === before?.assigneeId) return;
    await this.notify(actor, 'task.assigned', { userIds: [after.assigneeId] }, { instanceId: after.instanceId, task: after, title: after.title });
  }

  /** A task nearing its due time: whoever holds it, else its queue. */
  async taskReminder(task: TaskTable): Promise<void> {
    const people = task.assigneeId ? { userIds: [task.assigneeId] } : { queueId: task.queueId };
    await this.notify(SYSTEM_ACTOR, 'task.reminder', people, { instanceId: task.instanceId, task, title: task.title });
  }

  /** A stalled case: the members of its stage's owner queue. */
  async instanceStalled(visit: StalledVisit): Promise<void> {
    if (!visit.ownerQueueId) return;
    const title = `${(await this.repository.entityName(visit.entityId)) ?? visit.instanceId} in "${visit.stageName}"`;
    await this.notify(SYSTEM_ACTOR, 'instance.stalled', { queueId: visit.ownerQueueId }, { instanceId: visit.instanceId, task: null, title });
  }

  /** A follow-up, to-do or event put on someone: that person, unless they put it there themselves. */
  async activityAssigned(actor: Actor, activity: ActivityTable): Promise<void> {
    const { title, kind, note } = activity;
    const extra = { activity: { kind, title, note, dueAt: iso(activity.dueAt), startAt: iso(activity.startAt), endAt: iso(activity.endAt), by: actor.name } };
    await this.notify(actor, 'activity.assigned', { userIds: [activity.assigneeId] }, { instanceId: activity.instanceId, task: null, title, extra });
  }

  /**
   * One row for the event, fanned out after commit (NotificationFanOut): the request that caused
   * it pays for one insert however many people it reaches.
   */
  private async notify(actor: Actor, kind: NotificationKind, to: Addressed, subject: NotificationSubject): Promise<void> {
    const self = actor.type === 'user' ? actor.id : null;
    const userIds = (to.userIds ?? []).filter((id) => id !== self);
    if (!to.queueId && userIds.length === 0) return;
    await this.repository.queueJob({
      id: newId(),
      kind,
      actorUserId: self,
      userIds,
      queueId: to.queueId ?? null,
      instanceId: subject.instanceId,
      taskId: subject.task?.id ?? null,
      title: subject.title.slice(0, 500),
      extra: subject.extra ?? null,
      createdAt: this.clock.now(),
    });
    this.db.afterCommit(() => this.fanOut.wake());
  }
}
