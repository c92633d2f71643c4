import { Injectable } from '@nestjs/common';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Database } from '../database/database';
import { EntityTable, EscalationTable, InstanceTable, MessageKind, MessageTable, QueueTable, StageVisitTable, TaskTable } from '../database/tables';
import type { ReportFilters } from './reports.dto';

/** PostgreSQL returns COUNT and BIGINT as strings; SQLite as numbers. */
type Numeric = string | number;

/**
 * Aggregations are GROUP BY queries, hence the query builder throughout; each one joins the
 * instance for its process key and filters by the period on the column that dates the row.
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: Database) {}

  volume(filters: ReportFilters) {
    const qb = this.db.manager
      .createQueryBuilder(InstanceTable, 'i')
      .select('i.processKey', 'processKey')
      .addSelect('i.currentStageKey', 'stageKey')
      .addSelect('i.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('i.processKey')
      .addGroupBy('i.currentStageKey')
      .addGroupBy('i.status')
      .orderBy('i.processKey')
      .addOrderBy('i.currentStageKey')
      .addOrderBy('i.status');
    return filter(qb, filters, 'i.createdAt').getRawMany<{ processKey: string; stageKey: string | null; status: string; count: Numeric }>();
  }

  caseload(filters: ReportFilters) {
    const qb = this.db.manager
      .createQueryBuilder(InstanceTable, 'i')
      .select('i.processKey', 'processKey')
      .addSelect('i.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('i.processKey')
      .addGroupBy('i.status')
      .orderBy('i.processKey');
    return filter(qb, filters, 'i.createdAt').getRawMany<{ processKey: string; status: string; count: Numeric }>();
  }

  closedVisits(filters: ReportFilters) {
    const qb = this.db.manager
      .createQueryBuilder(StageVisitTable, 'v')
      .innerJoin(InstanceTable, 'i', 'i.id = v.instance_id')
      .select('i.processKey', 'processKey')
      .addSelect('v.stageKey', 'stageKey')
      .addSelect('v.stageName', 'stageName')
      .addSelect('v.enteredAt', 'enteredAt')
      .addSelect('v.exitedAt', 'exitedAt')
      .where('v.exitedAt IS NOT NULL');
    return filter(qb, filters, 'v.enteredAt').getRawMany<{
      processKey: string; stageKey: string; stageName: string; enteredAt: Numeric; exitedAt: Numeric;
    }>();
  }

  overdueTasks(filters: ReportFilters, now: number) {
    const qb = this.db.manager
      .createQueryBuilder(TaskTable, 't')
      .innerJoin(InstanceTable, 'i', 'i.id = t.instance_id')
      .innerJoin(QueueTable, 'q', 'q.id = t.queue_id')
      .select(['t.id AS "taskId"', 't.title AS "title"', 't.instance_id AS "instanceId"', 'i.process_key AS "processKey"'])
      .addSelect(['t.stage_key AS "stageKey"', 'q.id AS "queueId"', 'q.key AS "queueKey"', 'q.name AS "queueName"'])
      .addSelect(['t.assignee_id AS "assigneeId"', 't.priority AS "priority"', 't.status AS "status"', 't.due_at AS "dueAt"'])
      .where('t.status IN (:...open)', { open: ['open', 'claimed'] })
      .andWhere('t.dueAt < :now', { now })
      .orderBy('t.dueAt', 'ASC');
    return filter(qb, filters, 't.createdAt').getRawMany<{
      taskId: string; title: string; instanceId: string; processKey: string; stageKey: string | null;
      queueId: string; queueKey: string; queueName: string; assigneeId: string | null; priority: Numeric; status: string; dueAt: Numeric;
    }>();
  }

  stalledInstances(filters: ReportFilters) {
    const qb = this.db.manager
      .createQueryBuilder(InstanceTable, 'i')
      .innerJoin(EntityTable, 'e', 'e.id = i.entity_id')
      .select(['i.id AS "instanceId"', 'i.process_key AS "processKey"', 'i.current_stage_key AS "stageKey"', 'i.status AS "status"'])
      .addSelect(['e.id AS "entityId"', 'e.name AS "entityName"', 'i.stalled_at AS "stalledAt"'])
      .where('i.stalledAt IS NOT NULL')
      .andWhere('i.status IN (:...live)', { live: ['active', 'waiting'] })
      .orderBy('i.stalledAt', 'ASC');
    return filter(qb, filters, 'i.createdAt').getRawMany<{
      instanceId: string; processKey: string; stageKey: string | null; status: string;
      entityId: string; entityName: string; stalledAt: Numeric;
    }>();
  }

  decisions(filters: ReportFilters) {
    const qb = this.db.manager
      .createQueryBuilder(TaskTable, 't')
      .innerJoin(InstanceTable, 'i', 'i.id = t.instance_id')
      .select('i.processKey', 'processKey')
      .addSelect('t.stageKey', 'stageKey')
      .addSelect('t.decision', 'decision')
      .addSelect('COUNT(*)', 'count')
      .where('t.status = :decided', { decided: 'decided' })
      .groupBy('i.processKey')
      .addGroupBy('t.stageKey')
      .addGroupBy('t.decision')
      .orderBy('i.processKey')
      .addOrderBy('t.stageKey')
      .addOrderBy('t.decision');
    return filter(qb, filters, 't.createdAt').getRawMany<{
      processKey: string; stageKey: string | null; decision: string; count: Numeric;
    }>();
  }

  /** Cases per process. */
  caseCounts(filters: ReportFilters) {
    const qb = this.db.manager
      .createQueryBuilder(InstanceTable, 'i')
      .select('i.processKey', 'processKey')
      .addSelect('COUNT(*)', 'cases')
      .groupBy('i.processKey');
    return filter(qb, filters, 'i.createdAt').getRawMany<{ processKey: string; cases: Numeric }>();
  }

  /** Tasks of the cases, per process. */
  taskCounts(filters: ReportFilters) {
    const qb = this.db.manager
      .createQueryBuilder(TaskTable, 't')
      .innerJoin(InstanceTable, 'i', 'i.id = t.instance_id')
      .select('i.processKey', 'processKey')
      .addSelect('COUNT(*)', 'tasks')
      .groupBy('i.processKey');
    return filter(qb, filters, 'i.createdAt').getRawMany<{ processKey: string; tasks: Numeric }>();
  }

  /**
   * The escalations of the cases per process (on the case itself or on one of its tasks: every
   * escalation names its case), how many cases and tasks they touched. Read from the escalations,
   * a few per hundred cases, rather than by joining every case to them: a COUNT(DISTINCT) over a
   * year of cases cost seconds.
   */
  escalationCounts(filters: ReportFilters) {
    const qb = this.db.manager
      .createQueryBuilder(EscalationTable, 'e')
      .innerJoin(InstanceTable, 'i', 'i.id = e.instance_id')
      .select('i.processKey', 'processKey')
      .addSelect('COUNT(*)', 'escalations')
      .addSelect('COUNT(DISTINCT e.instance_id)', 'escalatedCases')
      .addSelect('COUNT(DISTINCT e.task_id)', 'escalatedTasks')
      .groupBy('i.processKey');
    return filter(qb, filters, 'i.createdAt').getRawMany<{ processKey: string; escalations: Numeric; escalatedCases: Numeric; escalatedTasks: Numeric }>();
  }

  outcomes(filters: ReportFilters) {
    const qb = this.db.manager
      .createQueryBuilder(InstanceTable, 'i')
      .select('i.processKey', 'processKey')
      .addSelect('i.outcome', 'outcome')
      .addSelect('COUNT(*)', 'count')
      .where('i.status = :completed', { completed: 'completed' })
      .groupBy('i.processKey')
      .addGroupBy('i.outcome')
      .orderBy('i.processKey')
      .addOrderBy('i.outcome');
    return filter(qb, filters, 'i.createdAt').getRawMany<{ processKey: string; outcome: string | null; count: Numeric }>();
  }

  /**
   * Messages per process, kind and status. A message need not be about a case, hence the left
   * join: those have no process key, and a reviewer's scope (on the case) leaves them out.
   */
  messages(filters: ReportFilters) {
    const qb = this.db.manager
      .createQueryBuilder(MessageTable, 'm')
      .leftJoin(InstanceTable, 'i', 'i.id = m.instance_id')
      .select('i.processKey', 'processKey')
      .addSelect('m.kind', 'kind')
      .addSelect('m.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .groupBy('i.processKey')
      .addGroupBy('m.kind')
      .addGroupBy('m.status');
    if (filters.kind) qb.andWhere('m.kind = :kind', { kind: filters.kind });
    return filter(qb, filters, 'm.createdAt').getRawMany<{ processKey: string | null; kind: MessageKind; status: string; count: Numeric }>();
  }
}

function filter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, filters: ReportFilters, createdAt: string): SelectQueryBuilder<T> {
  if (filters.processKey) qb.andWhere('i.processKey = :processKey', { processKey: filters.processKey });
  if (filters.from !== null) qb.andWhere(`${createdAt} >= :from`, { from: filters.from });
  if (filters.to !== null) qb.andWhere(`${createdAt} < :to`, { to: filters.to });
  if (filters.scope) qb.andWhere(filters.scope.sql('i.id'), filters.scope.params);
  return qb;
}
