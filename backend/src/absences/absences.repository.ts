import { Injectable } from '@nestjs/common';
import { In, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { Database } from '../database/database';
import { AbsenceTable, TaskTable, UserTable } from '../database/tables';

/** Call every method inside a unit of work. */
@Injectable()
export class AbsencesRepository {
  constructor(private readonly db: Database) {}

  find(userId: string): Promise<AbsenceTable | null> {
    return this.db.manager.findOneBy(AbsenceTable, { userId });
  }

  async replace(row: AbsenceTable): Promise<void> {
    await this.db.manager.delete(AbsenceTable, { userId: row.userId });
    await this.db.insert(AbsenceTable, row);
  }

  async remove(userId: string): Promise<void> {
    await this.db.manager.delete(AbsenceTable, { userId });
  }

  findUser(id: string): Promise<UserTable | null> {
    return this.db.manager.findOneBy(UserTable, { id });
  }

  /** Absences that have begun and whose hand-over has not run yet. */
  startedUnapplied(now: number, limit: number): Promise<AbsenceTable[]> {
    return this.db.manager.find(AbsenceTable, {
      where: { fromAt: LessThanOrEqual(now), untilAt: MoreThan(now), appliedAt: IsNull() },
      take: limit,
    });
  }

  /** The claim: whichever replica marks it applied hands the tasks over. */
  async markApplied(userId: string, fromAt: number, now: number): Promise<boolean> {
    return (await this.db.update(AbsenceTable, { userId, fromAt, appliedAt: null }, { appliedAt: now })) === 1;
  }

  openTasksOf(userId: string): Promise<TaskTable[]> {
    return this.db.manager.findBy(TaskTable, { assigneeId: userId, status: In(['open', 'claimed']) });
  }

  async moveTask(task: TaskTable, delegateId: string, now: number): Promise<boolean> {
    return (await this.db.update(TaskTable, { id: task.id, status: task.status, assigneeId: task.assigneeId }, { assigneeId: delegateId, updatedAt: now })) === 1;
  }

  async activeUsers(): Promise<UserTable[]> {
    return this.db.manager.find(UserTable, { where: { active: true }, order: { name: 'ASC' } });
  }

  absencesOf(userIds: string[], now: number): Promise<AbsenceTable[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return this.db.manager.findBy(AbsenceTable, { userId: In(userIds), untilAt: MoreThan(now) });
  }
}
