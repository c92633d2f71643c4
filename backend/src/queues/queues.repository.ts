import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../database/database';
import { QueueMemberTable, QueueTable, TaskTable, UserTable } from '../database/tables';

const ACTIVE_TASK_STATUSES = ['open', 'claimed'];

@Injectable()
export class QueuesRepository {
  constructor(private readonly db: Database) {}

  /** An id wins over a key, so a queue can never be shadowed by another queue's key. */
  async findByIdOrKey(idOrKey: string): Promise<QueueTable | null> {
    return (
      (await this.db.findOneBy(QueueTable, { id: idOrKey })) ?? (await this.db.findOneBy(QueueTable, { key: idOrKey }))
    );
  }

  findByKey(key: string): Promise<QueueTable | null> {
    return this.db.findOneBy(QueueTable, { key });
  }

  list(offset: number, limit: number, onlyIds?: string[]): Promise<[QueueTable[], number]> {
    return this.db.manager.findAndCount(QueueTable, {
      where: onlyIds ? { id: In(onlyIds) } : {},
      order: { key: 'ASC' },
      skip: offset,
      take: limit,
    });
  }

  /** Counted in the database with GROUP BY: a queue can have many members and we need only the number. */
  async memberCounts(queueIds: string[]): Promise<Map<string, number>> {
    if (queueIds.length === 0) return new Map();
    const rows = await this.db.manager
      .createQueryBuilder(QueueMemberTable, 'm')
      .select('m.queueId', 'queueId')
      .addSelect('COUNT(*)', 'count')
      .where('m.queueId IN (:...queueIds)', { queueIds })
      .groupBy('m.queueId')
      .getRawMany<{ queueId: string; count: string | number }>();
    return new Map(rows.map((row) => [row.queueId, Number(row.count)]));
  }

  async insert(row: QueueTable): Promise<void> {
    await this.db.insert(QueueTable, row);
  }

  async update(id: string, changes: Partial<QueueTable>): Promise<void> {
    await this.db.manager.update(QueueTable, { id }, changes);
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(QueueMemberTable, { queueId: id });
    await this.db.manager.delete(QueueTable, { id });
  }

  countActiveTasks(queueId: string): Promise<number> {
    return this.db.manager.countBy(TaskTable, { queueId, status: In(ACTIVE_TASK_STATUSES) });
  }

  countTasks(queueId: string): Promise<number> {
    return this.db.manager.countBy(TaskTable, { queueId });
  }

  findSupervisedBy(key: string): Promise<QueueTable[]> {
    return this.db.manager.find(QueueTable, { where: { supervisorQueueKey: key }, order: { key: 'ASC' } });
  }

  findUser(id: string): Promise<UserTable | null> {
    return this.db.manager.findOneBy(UserTable, { id });
  }

  async isMember(queueId: string, userId: string): Promise<boolean> {
    return (await this.db.manager.countBy(QueueMemberTable, { queueId, userId })) > 0;
  }

  /** OR IGNORE: two admins adding the same person at once must not turn into an error. */
  async addMember(row: QueueMemberTable): Promise<void> {
    await this.db.manager.createQueryBuilder().insert().into(QueueMemberTable).values(row).orIgnore().execute();
  }

  async removeMember(queueId: string, userId: string): Promise<void> {
    await this.db.manager.delete(QueueMemberTable, { queueId, userId });
  }

  /** A join, because members are users and the page is ordered by their name. */
  members(queueId: string, options: { activeOnly: boolean; offset?: number; limit?: number }): Promise<[UserTable[], number]> {
    const query = this.db.manager
      .createQueryBuilder(UserTable, 'u')
      .innerJoin(QueueMemberTable, 'm', 'm.userId = u.id')
      .where('m.queueId = :queueId', { queueId })
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC');
    if (options.activeOnly) query.andWhere('u.active = :active', { active: true });
    if (options.offset !== undefined) query.skip(options.offset);
    if (options.limit !== undefined) query.take(options.limit);
    return query.getManyAndCount();
  }

  async queueIdsOf(userId: string): Promise<string[]> {
    const rows = await this.db.findBy(QueueMemberTable, { userId });
    return rows.map((row) => row.queueId);
  }

  /** Joined so a page of users gets all their queues in one query. */
  async queuesOfUsers(userIds: string[]): Promise<Array<{ userId: string; queue: QueueTable }>> {
    if (userIds.length === 0) return [];
    const memberships = await this.db.manager.find(QueueMemberTable, {
      where: { userId: In(userIds) },
      relations: { queue: true },
      order: { queue: { key: 'ASC' } },
    });
    return memberships.flatMap((m) => (m.queue ? [{ userId: m.userId, queue: m.queue }] : []));
  }
}
