import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../database/database';
import {
  EntityTable,
  NotificationDigestItemTable,
  NotificationJobTable,
  NotificationKind,
  NotificationMode,
  NotificationPreferenceTable,
  QueueMemberTable,
  TaskTable,
  UserTable,
} from '../database/tables';
import { skipLocked, updateReturning } from '../scheduler/sql';

/** A person a notification may go to, with what decides how it reaches them. */
export interface NotificationRecipient {
  userId: string;
  email: string;
  name: string;
  timeZone: string;
  digestTime: string;
  mode: NotificationMode;
}

/** Call every method inside a unit of work. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  async activeMemberIds(queueId: string): Promise<string[]> {
    const rows = await this.db.manager
      .createQueryBuilder(QueueMemberTable, 'm')
      .innerJoin(UserTable, 'u', 'u.id = m.user_id')
      .where('m.queue_id = :queueId', { queueId })
      .andWhere('u.active = :active', { active: true })
      .select('m.user_id', 'userId')
      .getRawMany<{ userId: string }>();
    return rows.map((row) => row.userId);
  }

  /** Active users among `userIds`, each with their choice for `kind` (`each` when they made none). */
  async recipients(userIds: string[], kind: NotificationKind): Promise<NotificationRecipient[]> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return [];
    const users = await this.db.manager.findBy(UserTable, { id: In(unique), active: true });
    const choices = await this.db.manager.findBy(NotificationPreferenceTable, { userId: In(unique), kind });
    const modes = new Map(choices.map((row) => [row.userId, row.mode]));
    return users
      .filter((user) => user.email)
      .map((user) => ({
        userId: user.id,
        email: user.email,
        name: user.name,
        timeZone: user.timeZone ?? 'UTC',
        digestTime: user.digestTime ?? '08:00',
        mode: modes.get(user.id) ?? 'each',
      }));
  }

  preferencesOf(userId: string): Promise<NotificationPreferenceTable[]> {
    return this.db.manager.findBy(NotificationPreferenceTable, { userId });
  }

  async savePreferences(rows: NotificationPreferenceTable[]): Promise<void> {
    for (const row of rows) {
      await this.db.manager.delete(NotificationPreferenceTable, { userId: row.userId, kind: row.kind });
      await this.db.manager.insert(NotificationPreferenceTable, row);
    }
  }

  async names(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const users = await this.db.manager.findBy(UserTable, { id: In([...new Set(userIds)]) });
    return new Map(users.map((user) => [user.id, user.name]));
  }

  async entityName(entityId: string): Promise<string | null> {
    return (await this.db.manager.findOneBy(EntityTable, { id: entityId }))?.name ?? null;
  }

  findUser(userId: string): Promise<UserTable | null> {
    return this.db.manager.findOneBy(UserTable, { id: userId });
  }

  async updateSchedule(userId: string, changes: { timeZone?: string | null; digestTime?: string }, now: number): Promise<void> {
    await this.db.manager.update(UserTable, { id: userId }, { ...changes, updatedAt: now });
  }

  async queueJob(row: NotificationJobTable): Promise<void> {
    await this.db.insert(NotificationJobTable, row);
  }

  oldestJobs(limit: number): Promise<NotificationJobTable[]> {
    return this.db.manager.find(NotificationJobTable, { order: { createdAt: 'ASC', id: 'ASC' }, take: limit });
  }

  /** The claim: whichever transaction deletes the row fans it out; a rollback puts it back. */
  async takeJob(id: string): Promise<boolean> {
    return ((await this.db.manager.delete(NotificationJobTable, { id })).affected ?? 0) === 1;
  }

  findTask(id: string): Promise<TaskTable | null> {
    return this.db.manager.findOneBy(TaskTable, { id });
  }

  async queueDigestItem(row: NotificationDigestItemTable): Promise<void> {
    await this.db.manager.insert(NotificationDigestItemTable, row);
  }

  /** Users with digest items due, a page at a time. */
  async usersWithDueDigests(now: number, limit: number): Promise<string[]> {
    const rows = await this.db.manager
      .createQueryBuilder(NotificationDigestItemTable, 'd')
      .select('DISTINCT d.user_id', 'userId')
      .where('d.due_at <= :now', { now })
      .limit(limit)
      .getRawMany<{ userId: string }>();
    return rows.map((row) => row.userId);
  }

  /**
   * Takes a user's due digest items by deleting them: whichever replica's DELETE removes a row
   * sends it, and a failed send rolls the rows back for the next sweep. Raw SQL for
   * DELETE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING.
   */
  async claimDigestItems(userId: string, now: number): Promise<Array<Pick<NotificationDigestItemTable, 'kind' | 'headline' | 'link' | 'createdAt'>>> {
    const rows = await updateReturning<{ kind: NotificationKind; headline: string; link: string; created_at: string | number }>(
      this.db,
      `DELETE FROM notification_digest_items
        WHERE id IN (SELECT id FROM notification_digest_items WHERE user_id = $1 AND due_at <= $2 ${skipLocked(this.db, 'notification_digest_items')})
        RETURNING kind, headline, link, created_at`,
      [userId, now],
    );
    return rows
      .map((row) => ({ kind: row.kind, headline: row.headline, link: row.link, createdAt: Number(row.created_at) }))
      .sort((a, b) => a.createdAt - b.createdAt);
  }
}
