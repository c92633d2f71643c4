import { ForbiddenException, Injectable } from '@nestjs/common';
import { FindOperator, Raw } from 'typeorm';
import { Database } from '../database/database';
import { InstanceTable, QueueMemberTable } from '../database/tables';
import { Actor, isQueueBound } from './actor';

/** null: every case. Otherwise the cases that have or had a task in these queues, or were the user's. */
export type CaseScope = null | { userId: string; queueIds: string[] };

export interface ScopeCondition {
  /** A condition on `column`, which holds an instance id. */
  sql: (column: string) => string;
  params: Record<string, unknown>;
}

/**
 * Row-level visibility of cases, the one place every endpoint returning case data asks (see the
 * matrix in SECURITY.md). A reviewer sees a case that has, or had, a task in one of their queues or
 * a stage one of their queues owns, a task or stage assigned to or decided by them, or an activity
 * on it that is theirs; everyone else with the read permission sees every case.
 */
@Injectable()
export class CaseScopeService {
  constructor(private readonly db: Database) {}

  /** Call inside a unit of work. */
  async of(actor: Actor): Promise<CaseScope> {
    if (!isQueueBound(actor) || !actor.id) return null;
    const rows = await this.db.manager.find(QueueMemberTable, { where: { userId: actor.id }, select: { queueId: true } });
    return { userId: actor.id, queueIds: rows.map((row) => row.queueId) };
  }

  /** A condition for query builders (`andWhere(c.sql('i.id'), c.params)`); null when nothing is hidden. */
  condition(scope: CaseScope): ScopeCondition | null {
    if (!scope) return null;
    const queued = scope.queueIds.length > 0;
    const taskByQueue = queued ? 'cf_t.queue_id IN (:...cfScopeQueues) OR ' : '';
    const stageByQueue = queued ? 'cf_v.owner_queue_id IN (:...cfScopeQueues) OR ' : '';
    // A task moved on keeps no trace of its old queue, but the stage it was raised in does.
    const visible =
      `SELECT cf_t.instance_id FROM tasks cf_t WHERE ${taskByQueue}cf_t.assignee_id = :cfScopeUser OR cf_t.decided_by = :cfScopeUser ` +
      `UNION SELECT cf_v.instance_id FROM stage_visits cf_v WHERE ${stageByQueue}cf_v.assignee_id = :cfScopeUser ` +
      // A follow-up or event put on someone opens its case to them.
      `UNION SELECT cf_a.instance_id FROM activities cf_a WHERE cf_a.assignee_id = :cfScopeUser`;
    return {
      sql: (column) => `${column} IN (${visible})`,
      params: { cfScopeUser: scope.userId, ...(scope.queueIds.length > 0 ? { cfScopeQueues: scope.queueIds } : {}) },
    };
  }

  /** The same condition for `find` options on an instance id column; undefined when nothing is hidden. */
  findOperator(scope: CaseScope): FindOperator<string> | undefined {
    const condition = this.condition(scope);
    return condition ? Raw((column) => condition.sql(column), condition.params) : undefined;
  }

  /** Call inside a unit of work: refuses a case outside the actor's scope (a null instance: one with no case). */
  async assertVisible(actor: Actor, instanceId: string | null): Promise<void> {
    const scope = await this.of(actor);
    if (!scope) return;
    const condition = this.condition(scope)!;
    const visible =
      instanceId !== null &&
      (await this.db.manager
        .createQueryBuilder()
        .select('cf_i.id', 'id')
        .from(InstanceTable, 'cf_i')
        .where('cf_i.id = :cfInstance', { cfInstance: instanceId })
        .andWhere(condition.sql('cf_i.id'), condition.params)
        .getRawOne()) !== undefined;
    if (!visible) throw new ForbiddenException('This case has no task in your queues and was never assigned to you.');
  }
}
