import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AbsenceCover } from '../absences/absence-cover';
import { SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { NotificationJobTable, NotificationKind, TaskTable } from '../database/tables';
import { EmailDecisionLinksService } from '../email-decisions/email-decision-links.service';
import { MessagesService } from '../messages/messages.service';
import type { LoadedRenderContext } from '../messages/render-context.loader';
import { nextDigestAt } from './digest-time';
import { digestHeadline, NOTIFICATION_EMAILS } from './notification-emails';
import { NotificationRecipient, NotificationsRepository } from './notifications.repository';

/** What a notification is about: a task, or (for a stall or an activity) the case alone. */
export interface NotificationSubject {
  instanceId: string;
  task: TaskTable | null;
  /** The digest line's text after its kind: the task's title, or the stalled case and stage. */
  title: string;
  /** More for the email's template under `data.notification` (an activity's details). */
  extra?: Record<string, unknown>;
}

/** A recipient standing in for someone away names them in the email and the digest line. */
type Covering = NotificationRecipient & { onBehalfOf: string | null };

const JOBS_PER_PASS = 100;
/** A safety net: jobs are fanned out right after their event commits; this finds any another process left. */
const POLL_MS = 5_000;

/**
 * Turns each queued notification into one email per person (or a digest line), each in the
 * transaction that takes its job, so a crash or a failed render leaves the job for the next pass
 * and nobody gets it twice. A task decided or cancelled before its turn came is news to nobody.
 */
@Injectable()
export class NotificationFanOut implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /** Set at shutdown: the pass in progress ends after its current job instead of emptying the backlog. */
  private closing = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly repository: NotificationsRepository,
    private readonly messages: MessagesService,
    private readonly decisionLinks: EmailDecisionLinksService,
    private readonly cover: AbsenceCover,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs on its own only where the scheduler does; tests call run() on a manual clock. */
  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    this.stopped = false;
    this.wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** After an event's commit: fan out now, or once the pass in progress is over. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.run()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`fan-out pass failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        this.running = undefined;
        const more = this.again;
        this.again = false;
        if (!this.stopped) this.timer = setTimeout(() => this.wake(), more ? 0 : POLL_MS);
      });
  }

  /** Fans out every job waiting; returns how many this process took. */
  async run(): Promise<number> {
    let taken = 0;
    for (;;) {
      const jobs = await this.db.read(() => this.repository.oldestJobs(JOBS_PER_PASS));
      let pass = 0;
      for (const job of jobs) {
        if (this.closing) return taken + pass;
        try {
          if (await this.db.transaction(() => this.fanOut(job))) pass++;
        } catch (error) {
          this.logger.error(`notification ${job.id} (${job.kind}) not sent: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      taken += pass;
      if (jobs.length < JOBS_PER_PASS || pass === 0) return taken;
    }
  }

  private async fanOut(job: NotificationJobTable): Promise<boolean> {
    if (!(await this.repository.takeJob(job.id))) return false; // another replica took it
    const task = job.taskId ? await this.repository.findTask(job.taskId) : null;
    if (job.taskId && (!task || (task.status !== 'open' && task.status !== 'claimed'))) return true;
    const subject: NotificationSubject = { instanceId: job.instanceId, task, title: job.title, extra: job.extra ?? undefined };
    // The case is read once for everyone; only each person's own part (links, zone) is rendered per email.
    const preloaded = await this.messages.loadRenderContext({ instanceId: job.instanceId, taskId: job.taskId });
    const addressees = await this.addressees(job.queueId ? await this.repository.activeMemberIds(job.queueId) : job.userIds);
    const people = [...addressees.keys()].filter((id) => id !== job.actorUserId);
    const names = await this.repository.names([...addressees.values()].filter((id): id is string => id !== null));
    for (const recipient of await this.repository.recipients(people, job.kind)) {
      const onBehalfOf = addressees.get(recipient.userId);
      const covering = { ...recipient, onBehalfOf: onBehalfOf ? (names.get(onBehalfOf) ?? null) : null };
      if (recipient.mode === 'each') await this.email(job.kind, covering, subject, preloaded);
      else if (recipient.mode === 'digest') await this.queueForDigest(job.kind, covering, subject);
    }
    return true;
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
  private async email(kind: NotificationKind, recipient: Covering, subject: NotificationSubject, preloaded: LoadedRenderContext): Promise<void> {
    const decisions = subject.task ? await this.decisionLinks.decisionLinksFor(subject.task, recipient, this.clock.now()) : [];
    await this.messages.sendInTransaction(SYSTEM_ACTOR, {
      instanceId: subject.instanceId,
      taskId: subject.task?.id ?? null,
      inline: NOTIFICATION_EMAILS[kind],
      builtIn: `notification:${kind}`,
      kind: 'admin',
      personal: true,
      preloaded,
      to: { addresses: [recipient.email] },
      data: { notification: { kind, timeZone: recipient.timeZone, decisions, onBehalfOf: recipient.onBehalfOf, ...subject.extra } },
    });
  }

  private async queueForDigest(kind: NotificationKind, recipient: Covering, subject: NotificationSubject): Promise<void> {
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
