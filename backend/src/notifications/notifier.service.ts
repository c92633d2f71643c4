import { Inject, Injectable } from '@nestjs/common';
import { AbsenceCover } from '../absences/absence-cover';
import { Actor, SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { iso } from '../common/time';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { ActivityTable, NotificationKind, TaskTable } from '../database/tables';
import { EmailDecisionLinksService } from '../email-decisions/email-decision-links.service';
import { MessagesService } from '../messages/messages.service';
import { nextDigestAt } from './digest-time';
import { digestHeadline, NOTIFICATION_EMAILS } from './notification-emails';
import { NotificationRecipient, NotificationsRepository } from './notifications.repository';

/** What a notification is about: a task, or (for a stall) the case alone. */
interface Subject {
  instanceId: string;
  task: TaskTable | null;
  /** The digest line's text after its kind: the task's title, or the stalled case and stage. */
  title: string;
  /** More for the email's template under `data.notification` (an activity's details). */
  extra?: Record<string, unknown>;
}

/** A recipient standing in for someone away names them in the email and the digest line. */
type Covering = NotificationRecipient & { onBehalfOf: string | null };

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
 * caller's transaction, so a notification exists exactly when its event does, and its email goes
 * out through the outbox like every other message.
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly messages: MessagesService,
    private readonly decisionLinks: EmailDecisionLinksService,
    private readonly cover: AbsenceCover,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new task: its assignee when it was created assigned, else the members of its queue. */
  async taskCreated(actor: Actor, task: TaskTable): Promise<void> {
    const people = task.assigneeId ? [task.assigneeId] : await this.repository.activeMemberIds(task.queueId);
    await this.notify(actor, 'task.created', people, { instanceId: task.instanceId, task, title: task.title });
  }

  /** Work put on someone (a reassignment, an escalation to a person): the new assignee, unless nothing changed. */
  async taskAssigned(actor: Actor, before: Pick<TaskTable, 'assigneeId'> | null, after: TaskTable): Promise<void> {
    if (!after.assigneeId || after.assigneeId === before?.assigneeId) return;
    await this.notify(actor, 'task.assigned', [after.assigneeId], { instanceId: after.instanceId, task: after, title: after.title });
  }

  /** A task nearing its due time: whoever holds it, else its queue. */
  async taskReminder(task: TaskTable): Promise<void> {
    const people = task.assigneeId ? [task.assigneeId] : await this.repository.activeMemberIds(task.queueId);
    await this.notify(SYSTEM_ACTOR, 'task.reminder', people, { instanceId: task.instanceId, task, title: task.title });
  }

  /** A stalled case: the members of its stage's owner queue. */
  async instanceStalled(visit: StalledVisit): Promise<void> {
    if (!visit.ownerQueueId) return;
    const title = `${(await this.repository.entityName(visit.entityId)) ?? visit.instanceId} in "${visit.stageName}"`;
    const people = await this.repository.activeMemberIds(visit.ownerQueueId);
    await this.notify(SYSTEM_ACTOR, 'instance.stalled', people, { instanceId: visit.instanceId, task: null, title });
  }

  /** A follow-up, to-do or event put on someone: that person, unless they put it there themselves. */
  async activityAssigned(actor: Actor, activity: ActivityTable): Promise<void> {
    const { title, kind, note } = activity;
    const extra = { activity: { kind, title, note, dueAt: iso(activity.dueAt), startAt: iso(activity.startAt), endAt: iso(activity.endAt), by: actor.name } };
    await this.notify(actor, 'activity.assigned', [activity.assigneeId], { instanceId: activity.instanceId, task: null, title, extra });
  }

  private async notify(actor: Actor, kind: NotificationKind, userIds: string[], subject: Subject): Promise<void> {
    const self = actor.type === 'user' ? actor.id : null;
    const addressees = await this.addressees(userIds);
    const recipients = await this.repository.recipients([...addressees.keys()].filter((id) => id !== self), kind);
    const names = await this.repository.names([...addressees.values()].filter((id): id is string => id !== null));
    for (const recipient of recipients) {
      const onBehalfOf = addressees.get(recipient.userId);
      const covering = { ...recipient, onBehalfOf: onBehalfOf ? (names.get(onBehalfOf) ?? null) : null };
      if (recipient.mode === 'each') await this.email(kind, covering, subject);
      else if (recipient.mode === 'digest') await this.queueForDigest(kind, covering, subject);
    }
  }

  /**
   * Who receives it, each once: a person away is replaced by whoever covers them (mapped to the
   * person they cover, for the "on behalf of" line); someone who gets it in their own right gets it
   * once, as themselves.
   */
  private async addressees(userIds: string[]): Promise<Map<string, string | null>> {
    const cover = await this.cover.coverOf(userIds, this.clock.now());
    const addressees = new Map<string, string | null>();
    for (const userId of new Set(userIds)) {
      const delegate = cover.get(userId);
      if (!delegate) addressees.set(userId, null);
      else if (!addressees.has(delegate) && !userIds.includes(delegate)) addressees.set(delegate, userId);
    }
    return addressees;
  }

  /** One email for one person: decision links are bound to their recipient, so each person gets their own. */
  private async email(kind: NotificationKind, recipient: Covering, subject: Subject): Promise<void> {
    const decisions = subject.task ? await this.decisionLinks.decisionLinksFor(subject.task, recipient, this.clock.now()) : [];
    await this.messages.sendInTransaction(SYSTEM_ACTOR, {
      instanceId: subject.instanceId,
      taskId: subject.task?.id ?? null,
      inline: NOTIFICATION_EMAILS[kind],
      kind: 'admin',
      personal: true,
      to: { addresses: [recipient.email] },
      data: { notification: { kind, timeZone: recipient.timeZone, decisions, onBehalfOf: recipient.onBehalfOf, ...subject.extra } },
    });
  }

  private async queueForDigest(kind: NotificationKind, recipient: Covering, subject: Subject): Promise<void> {
    const now = this.clock.now();
    const link = subject.task ? `${this.config.publicUrl}/tasks/${subject.task.id}` : `${this.config.publicUrl}/instances/${subject.instanceId}`;
    await this.repository.queueDigestItem({
      id: newId(),
      userId: recipient.userId,
      kind,
      headline: digestHeadline(kind, subject.title, recipient.onBehalfOf),
      link,
      dueAt: nextDigestAt(now, recipient.timeZone, recipient.digestTime),
      createdAt: now,
    });
  }
}
