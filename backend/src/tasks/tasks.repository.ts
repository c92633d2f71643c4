import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { pageAndCount } from '../database/page-and-count';
import {
  ApiKeyTable,
  InstanceTable,
  QueueTable,
  TaskCommentTable,
  TaskStatus,
  TaskTable,
  UserTable,
} from '../database/tables';

export interface TaskFilter {
  queueIds?: string[];
  processKey?: string;
  stageKey?: string;
  statuses: TaskStatus[];
  assigneeId?: string | null;
  overdueAt?: number;
  priority?: number;
  sort: 'due' | 'priority' | 'age';
  order: 'ASC' | 'DESC';
  limit: number;
  offset: number;
}

@Injectable()
export class TasksRepository {
  constructor(private readonly db: Database) {}

  find(id: string): Promise<TaskTable | null> {
    return this.db.findOneBy(TaskTable, { id });
  }

  findByRequestKey(requestKey: string): Promise<TaskTable | null> {
    return this.db.findOneBy(TaskTable, { requestKey });
  }

  insert(task: TaskTable): Promise<void> {
    return this.db.insert(TaskTable, task);
  }

  /**
   * Changes a task only while it is still in one of `from`; returns whether it did. Two
   * reviewers deciding at once both run this, and exactly one of them changes the row: on
   * PostgreSQL the second UPDATE waits for the first's row lock, then re-reads the status.
   */
  async transition(id: string, from: TaskStatus[], changes: Partial<TaskTable>, assigneeId?: string | null): Promise<boolean> {
    if (assigneeId === undefined) return (await this.db.update(TaskTable, { id, status: from }, changes)) === 1;
    // The query builder is needed for the assignee guard's OR.
    const query = this.db.manager
      .createQueryBuilder()
      .update(TaskTable)
      .set(changes as object)
      .where('id = :id', { id })
      .andWhere('status IN (:...from)', { from });
    if (assigneeId === null) query.andWhere('assignee_id IS NULL');
    else query.andWhere('(assignee_id IS NULL OR assignee_id = :assigneeId)', { assigneeId });
    const result = await query.execute();
    return (result.affected ?? 0) === 1;
  }

  async update(id: string, changes: Partial<TaskTable>): Promise<void> {
    await this.db.update(TaskTable, { id }, changes);
  }

  async list(filter: TaskFilter): Promise<[TaskTable[], number]> {
    // The query builder is needed for the join to instances (process filter) and the sort keys.
    const query = this.db.manager.createQueryBuilder(TaskTable, 't');
    // Spelled out for the usual "open work" so the partial indexes apply: a database only uses
    // one when it can see the query asks for no more than the index holds.
    if (isOpenWork(filter.statuses)) query.where("t.status IN ('open', 'claimed')");
    else query.where('t.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.queueIds) query.andWhere(filter.queueIds.length ? 't.queue_id IN (:...queueIds)' : '1 = 0', { queueIds: filter.queueIds });
    if (filter.processKey) {
      query.innerJoin(InstanceTable, 'i', 'i.id = t.instance_id').andWhere('i.process_key = :processKey', { processKey: filter.processKey });
    }
    if (filter.stageKey) query.andWhere('t.stage_key = :stageKey', { stageKey: filter.stageKey });
    if (filter.assigneeId === null) query.andWhere('t.assignee_id IS NULL');
    else if (filter.assigneeId) query.andWhere('t.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.overdueAt !== undefined) query.andWhere('t.due_at IS NOT NULL AND t.due_at < :now', { now: filter.overdueAt });
    if (filter.priority) query.andWhere('t.priority = :priority', { priority: filter.priority });

    if (filter.sort === 'priority') {
      query.orderBy('t.priority', filter.order === 'ASC' ? 'ASC' : 'DESC').addOrderBy('t.created_at', 'ASC');
    } else if (filter.sort === 'age') {
      query.orderBy('t.created_at', filter.order);
    } else {
      // Tasks without a due time sort after every dated one, whichever the database.
      query.orderBy('t.due_at', filter.order, 'NULLS LAST');
    }
    // The join to instances is many-to-one: it never repeats a task, so the rows can be counted plainly.
    return pageAndCount(query.addOrderBy('t.id', filter.sort === 'due' ? filter.order : 'ASC').limit(filter.limit).offset(filter.offset));
  }

  async countsByQueue(queueIds: string[] | undefined, now: number): Promise<Array<{ queueId: string; open: number; overdue: number }>> {
    // Aggregates per queue in one pass; the query builder is needed for the conditional sum.
    const query = this.db.manager
      .createQueryBuilder(TaskTable, 't')
      .select('t.queue_id', 'queueId')
      .addSelect('COUNT(*)', 'open')
      .addSelect('SUM(CASE WHEN t.due_at IS NOT NULL AND t.due_at < :now THEN 1 ELSE 0 END)', 'overdue')
      .where("t.status IN ('open', 'claimed')")
      .setParameter('now', now)
      .groupBy('t.queue_id');
    if (queueIds) query.andWhere(queueIds.length ? 't.queue_id IN (:...queueIds)' : '1 = 0', { queueIds });
    const rows = await query.getRawMany<{ queueId: string; open: string | number; overdue: string | number | null }>();
    return rows.map((r) => ({ queueId: r.queueId, open: Number(r.open), overdue: Number(r.overdue ?? 0) }));
  }

  findInstances(ids: string[]): Promise<InstanceTable[]> {
    return ids.length ? this.db.findBy(InstanceTable, { id: ids }) : Promise.resolve([]);
  }

  findQueues(ids: string[]): Promise<QueueTable[]> {
    return ids.length ? this.db.findBy(QueueTable, { id: ids }) : Promise.resolve([]);
  }

  allQueues(): Promise<QueueTable[]> {
    return this.db.manager.find(QueueTable, { order: { name: 'ASC' } });
  }

  /** Names of the people (users or API keys) who claimed or decided. */
  async names(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const users = await this.db.findBy(UserTable, { id: ids });
    const keys = await this.db.findBy(ApiKeyTable, { id: ids });
    return new Map([...users, ...keys].map((row) => [row.id, row.name]));
  }

  findUser(id: string): Promise<UserTable | null> {
    return this.db.findOneBy(UserTable, { id });
  }

  listComments(taskId: string): Promise<TaskCommentTable[]> {
    return this.db.manager.find(TaskCommentTable, { where: { taskId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  insertComment(comment: TaskCommentTable): Promise<void> {
    return this.db.insert(TaskCommentTable, comment);
  }

  countOpenForInstance(instanceId: string): Promise<number> {
    return this.db.count(TaskTable, { instanceId, status: ['open', 'claimed'] as TaskStatus[] });
  }

  async setInstanceStatus(instanceId: string, from: InstanceTable['status'], to: InstanceTable['status'], now: number): Promise<void> {
    await this.db.update(InstanceTable, { id: instanceId, status: from }, { status: to, updatedAt: now });
  }
}

const isOpenWork = (statuses: TaskStatus[]): boolean =>
  statuses.length === 2 && statuses.includes('open') && statuses.includes('claimed');
