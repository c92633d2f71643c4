import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { Database } from '../../database/database';
import {
  EscalationTable,
  InstanceTable,
  MessageTable,
  ReportCaseRollupTable,
  ReportDecisionRollupTable,
  ReportMessageRollupTable,
  ReportStageRollupTable,
  StageVisitTable,
  TaskTable,
} from '../../database/tables';
import { skipLocked, updateReturning } from '../../scheduler/sql';
import { decodeHistogram, encodeHistogram } from './duration-histogram';
import type { CaseRollup, ClosedCaseFacts, DecisionFacts, DecisionRollup, MessageFacts, MessageRollup, StageRollup, VisitFacts } from './facts';

/** Rows per INSERT, under SQLite's limit on bound parameters. */
const INSERT_CHUNK = 500;

/**
 * The rows that are settled, each rolled up once, and what marks them not rolled up yet: a closed
 * case, an ended visit, a decided task and a sent message never change again. Fixed text, spliced
 * into the claims below.
 */
export const SETTLED = {
  cases: { table: 'instances', where: "status IN ('completed', 'cancelled')", order: 'created_at' },
  visits: { table: 'stage_visits', where: 'exited_at IS NOT NULL', order: 'entered_at' },
  decisions: { table: 'tasks', where: "status = 'decided'", order: 'created_at' },
  messages: { table: 'messages', where: "status = 'sent'", order: 'created_at' },
} as const;
export type Settled = keyof typeof SETTLED;

/** The rollup sweep's reads and writes; call inside the one transaction that rolls a batch up. */
@Injectable()
export class RollupsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Marks up to `limit` settled rows of a kind not rolled up yet as rolled up, oldest first (a
   * batch then falls on few days, so few rollup rows), and returns their ids. One UPDATE …
   * RETURNING whose candidates another replica has locked are skipped: each row is claimed once
   * (see scheduler.repository.ts).
   */
  async claim(kind: Settled, now: number, limit: number): Promise<string[]> {
    const { table, where, order } = SETTLED[kind];
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE ${table} SET rolled_up_at = $1
        WHERE rolled_up_at IS NULL AND id IN (
          SELECT id FROM ${table} WHERE rolled_up_at IS NULL AND ${where}
           ORDER BY ${order} LIMIT $2 ${skipLocked(this.db, table)})
        RETURNING id`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  async casesOf(ids: string[]): Promise<ClosedCaseFacts> {
    const manager = this.db.manager;
    const instanceId = In(ids);
    return {
      cases: await manager.find(InstanceTable, {
        select: { id: true, processKey: true, currentStageKey: true, status: true, outcome: true, createdAt: true },
        where: { id: instanceId },
      }),
      tasks: await manager.find(TaskTable, { select: { instanceId: true }, where: { instanceId } }),
      escalations: await manager.find(EscalationTable, { select: { instanceId: true, taskId: true }, where: { instanceId } }),
    };
  }

  /** Joined to their case for its process, hence the query builder. */
  async visitsOf(ids: string[]): Promise<VisitFacts> {
    const rows = await this.db.manager
      .createQueryBuilder(StageVisitTable, 'v')
      .innerJoin(InstanceTable, 'i', 'i.id = v.instance_id')
      .select(['i.process_key AS "processKey"', 'v.stage_key AS "stageKey"', 'v.stage_name AS "stageName"', 'v.entered_at AS "enteredAt"', 'v.exited_at AS "exitedAt"'])
      .where('v.id IN (:...ids)', { ids })
      .getRawMany<{ processKey: string; stageKey: string; stageName: string; enteredAt: string | number; exitedAt: string | number }>();
    return rows.map((row) => ({ ...row, enteredAt: Number(row.enteredAt), exitedAt: Number(row.exitedAt) }));
  }

  async decisionsOf(ids: string[]): Promise<DecisionFacts> {
    const rows = await this.db.manager
      .createQueryBuilder(TaskTable, 't')
      .innerJoin(InstanceTable, 'i', 'i.id = t.instance_id')
      .select(['i.process_key AS "processKey"', 't.stage_key AS "stageKey"', 't.decision AS "decision"', 't.created_at AS "createdAt"'])
      .where('t.id IN (:...ids)', { ids })
      .getRawMany<{ processKey: string; stageKey: string | null; decision: string | null; createdAt: string | number }>();
    return rows.map((row) => ({ ...row, createdAt: Number(row.createdAt) }));
  }

  /** The left join keeps the messages about no case. */
  async messagesOf(ids: string[]): Promise<MessageFacts> {
    const rows = await this.db.manager
      .createQueryBuilder(MessageTable, 'm')
      .leftJoin(InstanceTable, 'i', 'i.id = m.instance_id')
      .select(['i.process_key AS "processKey"', 'm.kind AS "kind"', 'm.status AS "status"', 'm.created_at AS "createdAt"'])
      .where('m.id IN (:...ids)', { ids })
      .getRawMany<{ processKey: string | null; kind: string; status: string; createdAt: string | number }>();
    return rows.map((row) => ({ ...row, createdAt: Number(row.createdAt) }));
  }

  addCases(rollups: CaseRollup[]): Promise<void> {
    return this.addTo(ReportCaseRollupTable, rollups, (r) => [r.currentStageKey, r.status, r.outcome], (into, from) => ({
      cases: into.cases + from.cases,
      tasks: into.tasks + from.tasks,
      escalations: into.escalations + from.escalations,
      escalatedCases: into.escalatedCases + from.escalatedCases,
      escalatedTasks: into.escalatedTasks + from.escalatedTasks,
    }));
  }

  addVisits(rollups: StageRollup[]): Promise<void> {
    const stored = rollups.map((r) => ({ ...r, histogram: encodeHistogram(r.histogram) }));
    return this.addTo(ReportStageRollupTable, stored, (r) => [r.span, r.stageKey, r.stageName], (into, from) => ({
      visits: into.visits + from.visits,
      totalMs: Number(into.totalMs) + Number(from.totalMs),
      histogram: encodeHistogram(decodeHistogram(from.histogram, decodeHistogram(into.histogram))),
    }));
  }

  addDecisions(rollups: DecisionRollup[]): Promise<void> {
    return this.addTo(ReportDecisionRollupTable, rollups, (r) => [r.stageKey, r.decision], (into, from) => ({ count: into.count + from.count }));
  }

  addMessages(rollups: MessageRollup[]): Promise<void> {
    return this.addTo(ReportMessageRollupTable, rollups, (r) => [r.kind, r.status], (into, from) => ({ count: into.count + from.count }));
  }

  /**
   * Adds each row to the stored row of its key (day, process and `key`), or stores it. The stored
   * rows of the batch's days are read locked (PostgreSQL), so a replica adding to the same row
   * waits for this one; a key two replicas add at once is stored twice, which the reports sum.
   */
  private async addTo<T extends ObjectLiteral & { id: string; day: number; processKey: string | null }>(
    table: EntityTarget<T>,
    additions: Array<Omit<T, 'id'>>,
    key: (row: Omit<T, 'id'>) => unknown[],
    sum: (into: T, from: Omit<T, 'id'>) => Partial<T>,
  ): Promise<void> {
    if (additions.length === 0) return;
    const keyOf = (row: Omit<T, 'id'>) => JSON.stringify([row.day, row.processKey, ...key(row)]);
    const days = [...new Set(additions.map((row) => row.day))];
    const stored = await this.db.manager.find(table, {
      where: { day: In(days) } as FindOptionsWhere<T>,
      // Locked in one order by every replica, so two of them adding to the same days wait rather than deadlock.
      order: { id: 'ASC' } as never,
      ...(this.db.isPostgres ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const byKey = new Map(stored.map((row) => [keyOf(row), row]));
    const fresh: T[] = [];
    for (const addition of additions) {
      const row = byKey.get(keyOf(addition));
      if (row) await this.db.manager.update(table, { id: row.id } as FindOptionsWhere<T>, sum(row, addition) as never);
      else fresh.push({ ...addition, id: randomUUID() } as T);
    }
    for (let start = 0; start < fresh.length; start += INSERT_CHUNK) await this.db.manager.insert(table, fresh.slice(start, start + INSERT_CHUNK) as never);
  }
}
