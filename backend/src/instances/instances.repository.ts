import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { pageAndCount } from '../database/page-and-count';
import {
  EntityTable,
  InstanceStatus,
  InstanceTable,
  QueueTable,
  StageVisitTable,
  TaskTable,
} from '../database/tables';
import type { ScopeCondition } from '../auth/case-scope';

export interface InstanceFilter {
  processKey?: string;
  stageKey?: string;
  status?: InstanceStatus;
  /** Any of these statuses (the open or the closed ones); combines with `status`. */
  statuses?: InstanceStatus[];
  entityId?: string;
  idempotencyKey?: string;
  overdueAt?: number;
  /** Only the cases the caller may see (case-scope.ts); absent: all. */
  scope?: ScopeCondition | null;
  limit: number;
  offset: number;
}

const OPEN_TASK: TaskTable['status'][] = ['open', 'claimed'];

@Injectable()
export class InstancesRepository {
  constructor(private readonly db: Database) {}

  find(id: string): Promise<InstanceTable | null> {
    return this.db.findOneBy(InstanceTable, { id });
  }

  findByIdempotencyKey(processKey: string, idempotencyKey: string): Promise<InstanceTable | null> {
    return this.db.findOneBy(InstanceTable, { processKey, idempotencyKey });
  }

  insert(instance: InstanceTable): Promise<void> {
    return this.db.insert(InstanceTable, instance);
  }

  async update(id: string, changes: Partial<InstanceTable>): Promise<void> {
    await this.db.update(InstanceTable, { id }, changes);
  }

  findEntity(id: string): Promise<EntityTable | null> {
    return this.db.findOneBy(EntityTable, { id });
  }

  findEntityByKey(type: string, externalId: string): Promise<EntityTable | null> {
    return this.db.findOneBy(EntityTable, { type, externalId });
  }

  findEntities(ids: string[]): Promise<EntityTable[]> {
    return ids.length ? this.db.findBy(EntityTable, { id: ids }) : Promise.resolve([]);
  }

  findOpenVisit(instanceId: string): Promise<StageVisitTable | null> {
    return this.db.findOneBy(StageVisitTable, { instanceId, exitedAt: null });
  }

  findOpenVisits(instanceIds: string[]): Promise<StageVisitTable[]> {
    if (!instanceIds.length) return Promise.resolve([]);
    return this.db.findBy(StageVisitTable, { instanceId: instanceIds, exitedAt: null });
  }

  listVisits(instanceId: string): Promise<StageVisitTable[]> {
    return this.db.manager.find(StageVisitTable, { where: { instanceId }, order: { enteredAt: 'ASC', id: 'ASC' } });
  }

  insertVisit(visit: StageVisitTable): Promise<void> {
    return this.db.insert(StageVisitTable, visit);
  }

  async closeVisit(id: string, exitedAt: number): Promise<void> {
    await this.db.update(StageVisitTable, { id }, { exitedAt });
  }

  findQueues(ids: string[]): Promise<QueueTable[]> {
    return ids.length ? this.db.findBy(QueueTable, { id: ids }) : Promise.resolve([]);
  }

  countOpenTasks(instanceId: string): Promise<number> {
    return this.db.count(TaskTable, { instanceId, status: OPEN_TASK });
  }

  async cancelOpenTasks(instanceId: string, now: number): Promise<number> {
    return this.db.update(TaskTable, { instanceId, status: OPEN_TASK }, { status: 'cancelled', updatedAt: now });
  }

  async list(filter: InstanceFilter): Promise<[InstanceTable[], number]> {
    // The query builder is needed for the join on the open stage visit (overdue filter).
    const query = this.db.manager.createQueryBuilder(InstanceTable, 'i');
    if (filter.processKey) query.andWhere('i.process_key = :processKey', { processKey: filter.processKey });
    if (filter.stageKey) query.andWhere('i.current_stage_key = :stageKey', { stageKey: filter.stageKey });
    if (filter.status) query.andWhere('i.status = :status', { status: filter.status });
    if (filter.statuses) query.andWhere('i.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.entityId) query.andWhere('i.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.idempotencyKey) query.andWhere('i.idempotency_key = :idempotencyKey', { idempotencyKey: filter.idempotencyKey });
    if (filter.scope) query.andWhere(filter.scope.sql('i.id'), filter.scope.params);
    if (filter.overdueAt !== undefined) {
      query
        .innerJoin(StageVisitTable, 'v', 'v.instance_id = i.id AND v.exited_at IS NULL')
        .andWhere('v.sla_due_at IS NOT NULL AND v.sla_due_at < :now AND v.sla_paused_at IS NULL', { now: filter.overdueAt })
        .andWhere("i.status IN ('active', 'waiting')");
    }
    // A case has at most one open stage visit, so the join never repeats a case: counted plainly.
    return pageAndCount(query.orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'DESC').limit(filter.limit).offset(filter.offset));
  }
}
