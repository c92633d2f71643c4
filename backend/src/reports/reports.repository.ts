import { Injectable } from '@nestjs/common';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Database } from '../database/database';
import {
  EntityTable,
  EscalationTable,
  InstanceTable,
  MessageKind,
  MessageTable,
  QueueTable,
  ReportCaseRollupTable,
  ReportDecisionRollupTable,
  ReportMessageRollupTable,
  ReportStageRollupTable,
  StageVisitTable,
  TaskTable,
} from '../database/tables';
import type { ReportFilters } from './reports.dto';
import { Days, filter, inDays, inSpans, Query, reportParts, sumParts, unionColumn, unionOf, whole } from './rollups/report-parts';

/** PostgreSQL returns COUNT and BIGINT as strings; SQLite as numbers. */
type Numeric = string | number;

/**
 * Aggregations are GROUP BY queries, hence the query builder throughout; each one joins the
 * instance for its process key and filters by the period on the column that dates the row.
 *
 * Settled facts are rolled up (rollups/): an admin's or manager's report reads the rollups' whole
 * days and the rows of what they do not hold, in one statement (rollups/report-parts.ts). Each
 * report gives both: `raw`, today's query over a slice of rows, and `rollup`, the same columns
 * from its rollup table. A reviewer's report counts only the cases they may see, from the rows alone.
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly db: Database) {}

  volume(filters: ReportFilters) {
    return sumParts<{ processKey: string; stageKey: string | null; status: string; count: Numeric }>(this.db, filters, ['processKey', 'stageKey', 'status'], ['count'], {
      raw: (slice, p) => filter(this.cases().addSelect('i.currentStageKey', 'stageKey').addSelect('i.status', 'status').addSelect('COUNT(*)', 'count')
        .groupBy('i.processKey').addGroupBy('i.currentStageKey').addGroupBy('i.status'), slice, 'i.createdAt', p),
      rollup: (days, p) => this.caseRollups(days, p).addSelect('r.currentStageKey', 'stageKey').addSelect('r.status', 'status').addSelect('SUM(r.cases)', 'count')
        .groupBy('r.processKey').addGroupBy('r.currentStageKey').addGroupBy('r.status'),
    });
  }

  caseload(filters: ReportFilters) {
    return sumParts<{ processKey: string; status: string; count: Numeric }>(this.db, filters, ['processKey', 'status'], ['count'], {
      raw: (slice, p) => filter(this.cases().addSelect('i.status', 'status').addSelect('COUNT(*)', 'count').groupBy('i.processKey').addGroupBy('i.status'), slice, 'i.createdAt', p),
      rollup: (days, p) => this.caseRollups(days, p).addSelect('r.status', 'status').addSelect('SUM(r.cases)', 'count').groupBy('r.processKey').addGroupBy('r.status'),
    });
  }

  /**
   * Closed visits by process and stage: one row a visit (its duration in `totalMs`) from the rows,
   * one row a day with the visits' count, total and duration histogram from the rollups.
   */
  closedVisits(filters: ReportFilters) {
    const parts = reportParts(filters, {
      raw: (slice, p) => filter(this.db.manager
        .createQueryBuilder(StageVisitTable, 'v')
        .innerJoin(InstanceTable, 'i', 'i.id = v.instance_id')
        .select('i.processKey', 'processKey')
        .addSelect('v.stageKey', 'stageKey')
        .addSelect('v.stageName', 'stageName')
        .addSelect('1', 'visits')
        .addSelect('v.exitedAt - v.enteredAt', 'totalMs')
        .addSelect('NULL', 'histogram')
        .where('v.exitedAt IS NOT NULL'), slice, 'v.enteredAt', p, 'v.rolledUpAt'),
      rollup: (days, p) => inSpans(this.db.manager
        .createQueryBuilder(ReportStageRollupTable, 'r')
        .select('r.processKey', 'processKey')
        .addSelect('r.stageKey', 'stageKey')
        .addSelect('r.stageName', 'stageName')
        .addSelect('r.visits', 'visits')
        .addSelect('r.totalMs', 'totalMs')
        .addSelect('r.histogram', 'histogram'), days, p),
    });
    const columns = ['processKey', 'stageKey', 'stageName', 'visits', 'totalMs', 'histogram'];
    return unionOf(this.db, parts, columns).select(columns.map((column) => unionColumn(this.db, column))).getRawMany<{
      processKey: string; stageKey: string; stageName: string; visits: Numeric; totalMs: Numeric; histogram: string | null;
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
      // Literal, not bound: only then may SQLite read the partial index ix_tasks_open_overdue.
      .where("t.status IN ('open', 'claimed')")
      .andWhere('t.dueAt < :now', { now })
      .orderBy('t.dueAt', 'ASC');
    return filter(qb, whole(filters), 't.createdAt', '').getRawMany<{
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
    return filter(qb, whole(filters), 'i.createdAt', '').getRawMany<{
      instanceId: string; processKey: string; stageKey: string | null; status: string;
      entityId: string; entityName: string; stalledAt: Numeric;
    }>();
  }

  decisions(filters: ReportFilters) {
    return sumParts<{ processKey: string; stageKey: string | null; decision: string; count: Numeric }>(this.db, filters, ['processKey', 'stageKey', 'decision'], ['count'], {
      raw: (slice, p) => filter(this.db.manager
        .createQueryBuilder(TaskTable, 't')
        .innerJoin(InstanceTable, 'i', 'i.id = t.instance_id')
        .select('i.processKey', 'processKey')
        .addSelect('t.stageKey', 'stageKey')
        .addSelect('t.decision', 'decision')
        .addSelect('COUNT(*)', 'count')
        // Literal, not bound: only then may SQLite use the partial indexes on decided tasks.
        .where("t.status = 'decided'")
        .groupBy('i.processKey')
        .addGroupBy('t.stageKey')
        .addGroupBy('t.decision'), slice, 't.createdAt', p, 't.rolledUpAt'),
      rollup: (days, p) => inDays(this.db.manager
        .createQueryBuilder(ReportDecisionRollupTable, 'r')
        .select('r.processKey', 'processKey')
        .addSelect('r.stageKey', 'stageKey')
        .addSelect('r.decision', 'decision')
        .addSelect('SUM(r.count)', 'count')
        .groupBy('r.processKey')
        .addGroupBy('r.stageKey')
        .addGroupBy('r.decision'), days, p),
    });
  }

  /** Cases per process. */
  caseCounts(filters: ReportFilters) {
    return sumParts<{ processKey: string; cases: Numeric }>(this.db, filters, ['processKey'], ['cases'], {
      raw: (slice, p) => filter(this.cases().addSelect('COUNT(*)', 'cases').groupBy('i.processKey'), slice, 'i.createdAt', p),
      rollup: (days, p) => this.caseRollups(days, p).addSelect('SUM(r.cases)', 'cases').groupBy('r.processKey'),
    });
  }

  /** Tasks of the cases, per process. */
  taskCounts(filters: ReportFilters) {
    return sumParts<{ processKey: string; tasks: Numeric }>(this.db, filters, ['processKey'], ['tasks'], {
      raw: (slice, p) => filter(this.db.manager
        .createQueryBuilder(TaskTable, 't')
        .innerJoin(InstanceTable, 'i', 'i.id = t.instance_id')
        .select('i.processKey', 'processKey')
        .addSelect('COUNT(*)', 'tasks')
        .groupBy('i.processKey'), slice, 'i.createdAt', p),
      rollup: (days, p) => this.caseRollups(days, p).addSelect('SUM(r.tasks)', 'tasks').groupBy('r.processKey'),
    });
  }

  /**
   * The escalations of the cases per process (on the case itself or on one of its tasks: every
   * escalation names its case), how many cases and tasks they touched. Read from the escalations,
   * a few per hundred cases, rather than by joining every case to them: a COUNT(DISTINCT) over a
   * year of cases cost seconds. The distinct counts add up across the parts: each case, with its
   * tasks and escalations, is in exactly one.
   */
  escalationCounts(filters: ReportFilters) {
    return sumParts<{ processKey: string; escalations: Numeric; escalatedCases: Numeric; escalatedTasks: Numeric }>(
      this.db, filters, ['processKey'], ['escalations', 'escalatedCases', 'escalatedTasks'], {
        raw: (slice, p) => filter(this.db.manager
          .createQueryBuilder(EscalationTable, 'e')
          .innerJoin(InstanceTable, 'i', 'i.id = e.instance_id')
          .select('i.processKey', 'processKey')
          .addSelect('COUNT(*)', 'escalations')
          .addSelect('COUNT(DISTINCT e.instance_id)', 'escalatedCases')
          .addSelect('COUNT(DISTINCT e.task_id)', 'escalatedTasks')
          .groupBy('i.processKey'), slice, 'i.createdAt', p),
        rollup: (days, p) => this.caseRollups(days, p)
          .addSelect('SUM(r.escalations)', 'escalations')
          .addSelect('SUM(r.escalatedCases)', 'escalatedCases')
          .addSelect('SUM(r.escalatedTasks)', 'escalatedTasks')
          .groupBy('r.processKey'),
      });
  }

  outcomes(filters: ReportFilters) {
    return sumParts<{ processKey: string; outcome: string | null; count: Numeric }>(this.db, filters, ['processKey', 'outcome'], ['count'], {
      raw: (slice, p) => filter(this.cases().addSelect('i.outcome', 'outcome').addSelect('COUNT(*)', 'count')
        .where('i.status = :completed', { completed: 'completed' }).groupBy('i.processKey').addGroupBy('i.outcome'), slice, 'i.createdAt', p),
      rollup: (days, p) => this.caseRollups(days, p).addSelect('r.outcome', 'outcome').addSelect('SUM(r.cases)', 'count')
        .andWhere('r.status = :completed', { completed: 'completed' }).groupBy('r.processKey').addGroupBy('r.outcome'),
    });
  }

  /**
   * Messages per process, kind and status. A message need not be about a case, hence the left
   * join: those have no process key, and a reviewer's scope (on the case) leaves them out. Sent
   * messages are rolled up on their own (their case may still be open), so the rows read are the
   * messages not rolled up rather than those of the cases not rolled up.
   */
  messages(filters: ReportFilters) {
    const ofKind = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string) =>
      (filters.kind ? qb.andWhere(`${column} = :kind`, { kind: filters.kind }) : qb);
    return sumParts<{ processKey: string | null; kind: MessageKind; status: string; count: Numeric }>(this.db, filters, ['processKey', 'kind', 'status'], ['count'], {
      raw: (slice, p) => filter(ofKind(this.db.manager
        .createQueryBuilder(MessageTable, 'm')
        .leftJoin(InstanceTable, 'i', 'i.id = m.instance_id')
        .select('i.processKey', 'processKey')
        .addSelect('m.kind', 'kind')
        .addSelect('m.status', 'status')
        .addSelect('COUNT(*)', 'count')
        .groupBy('i.processKey')
        .addGroupBy('m.kind')
        .addGroupBy('m.status'), 'm.kind'), slice, 'm.createdAt', p, 'm.rolledUpAt'),
      rollup: (days, p) => inDays(ofKind(this.db.manager
        .createQueryBuilder(ReportMessageRollupTable, 'r')
        .select('r.processKey', 'processKey')
        .addSelect('r.kind', 'kind')
        .addSelect('r.status', 'status')
        .addSelect('SUM(r.count)', 'count')
        .groupBy('r.processKey')
        .addGroupBy('r.kind')
        .addGroupBy('r.status'), 'r.kind'), days, p),
    });
  }

  private cases(): Query {
    return this.db.manager.createQueryBuilder(InstanceTable, 'i').select('i.processKey', 'processKey');
  }

  private caseRollups(days: Days, prefix: string): Query {
    return inDays(this.db.manager.createQueryBuilder(ReportCaseRollupTable, 'r').select('r.processKey', 'processKey'), days, prefix);
  }
}
