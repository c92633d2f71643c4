import { Injectable } from '@nestjs/common';
import { FindOperator, FindOptionsWhere, In, IsNull } from 'typeorm';
import { Database } from '../database/database';
import {
  EscalationTable,
  InstanceTable,
  QueueMemberTable,
  QueueTable,
  StageVisitTable,
  TaskStatus,
  TaskTable,
  UserTable,
} from '../database/tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TaskEscalationChanges = Pick<TaskTable, 'queueId' | 'assigneeId' | 'status' | 'priority' | 'updatedAt'>;

@Injectable()
export class EscalationsRepository {
  constructor(private readonly db: Database) {}

  findTask(id: string): Promise<TaskTable | null> {
    return this.db.manager.findOneBy(TaskTable, { id });
  }

  findInstance(id: string): Promise<InstanceTable | null> {
    return this.db.manager.findOneBy(InstanceTable, { id });
  }

  /** The task an instance-level escalation acts on: the most urgent, then the oldest. */
  findOpenTaskOf(instanceId: string): Promise<TaskTable | null> {
    return this.db.manager.findOne(TaskTable, {
      where: { instanceId, status: In(['open', 'claimed']) },
      order: { priority: 'DESC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  findOpenVisit(instanceId: string): Promise<StageVisitTable | null> {
    return this.db.manager.findOne(StageVisitTable, { where: { instanceId, exitedAt: IsNull() }, order: { enteredAt: 'DESC' } });
  }

  findQueue(keyOrId: string): Promise<QueueTable | null> {
    return this.db.manager.findOneBy(QueueTable, UUID.test(keyOrId) ? [{ id: keyOrId }, { key: keyOrId }] : { key: keyOrId });
  }

  findUser(idOrEmail: string): Promise<UserTable | null> {
    if (idOrEmail.includes('@')) return this.db.manager.findOneBy(UserTable, { email: idOrEmail.toLowerCase() });
    return UUID.test(idOrEmail) ? this.db.manager.findOneBy(UserTable, { id: idOrEmail }) : Promise.resolve(null);
  }

  async queueIdsOf(userId: string): Promise<Set<string>> {
    const rows = await this.db.manager.find(QueueMemberTable, { where: { userId }, select: { queueId: true, userId: true } });
    return new Set(rows.map((row) => row.queueId));
  }

  async isMember(queueId: string, userId: string): Promise<boolean> {
    return (await this.db.manager.countBy(QueueMemberTable, { queueId, userId })) > 0;
  }

  /** Only while the task is still as it was read, so a decision racing the escalation wins cleanly. */
  async updateTask(id: string, expectedStatus: TaskStatus, changes: TaskEscalationChanges): Promise<boolean> {
    const result = await this.db.manager.update(TaskTable, { id, status: expectedStatus }, changes);
    return (result.affected ?? 0) === 1;
  }

  async insert(row: EscalationTable): Promise<void> {
    await this.db.insert(EscalationTable, row);
  }

  /** `inScope`: only the escalations of cases the caller may see (CaseScopeService). */
  list(
    filter: { instanceId?: string; taskId?: string; inScope?: FindOperator<string> },
    limit: number,
    offset: number,
  ): Promise<[EscalationTable[], number]> {
    const where: FindOptionsWhere<EscalationTable> = {};
    if (filter.inScope) where.instanceId = filter.inScope;
    if (filter.instanceId) where.instanceId = filter.instanceId;
    if (filter.taskId) where.taskId = filter.taskId;
    return this.db.manager.findAndCount(EscalationTable, { where, order: { createdAt: 'DESC', id: 'ASC' }, take: limit, skip: offset });
  }

  async queuesById(ids: string[]): Promise<Map<string, QueueTable>> {
    const rows = ids.length ? await this.db.manager.findBy(QueueTable, { id: In(ids) }) : [];
    return new Map(rows.map((row) => [row.id, row]));
  }

  async usersById(ids: string[]): Promise<Map<string, UserTable>> {
    const rows = ids.length ? await this.db.manager.find(UserTable, { where: { id: In(ids) }, select: { id: true, name: true } }) : [];
    return new Map(rows.map((row) => [row.id, row]));
  }
}
