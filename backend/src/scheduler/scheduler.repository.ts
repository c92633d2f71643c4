import { Injectable } from '@nestjs/common';
import { FindOptionsWhere, In } from 'typeorm';
import { Database } from '../database/database';
import { CalendarTable, InstanceTable, ProcessTable, StageVisitTable, TaskTable, TimerTable } from '../database/tables';
import { skipLocked, updateReturning } from './sql';

/**
 * The scheduler's claims. Each one is a single `UPDATE … WHERE <still due> … RETURNING id`:
 * whichever replica's statement changes a row owns it, so every timer fires and every breach is
 * recorded exactly once. Raw SQL because the query builder cannot express UPDATE … WHERE id IN
 * (SELECT … FOR UPDATE SKIP LOCKED) RETURNING.
 */
@Injectable()
export class SchedulerRepository {
  constructor(private readonly db: Database) {}

  async claimDueTimers(now: number, limit: number): Promise<TimerTable[]> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE timers SET status = 'fired', fired_at = $1
        WHERE status = 'pending' AND id IN (
          SELECT id FROM timers WHERE status = 'pending' AND fire_at <= $1
           ORDER BY fire_at LIMIT $2 ${skipLocked(this.db, 'timers')})
        RETURNING id`,
      [now, limit],
    );
    return this.byIds(TimerTable, rows);
  }

  async nextTimerFireAt(): Promise<number | null> {
    const row = await this.db.manager
      .createQueryBuilder(TimerTable, 't')
      .select('MIN(t.fire_at)', 'next')
      .where("t.status = 'pending'")
      .getRawOne<{ next: string | number | null }>();
    return row?.next === null || row?.next === undefined ? null : Number(row.next);
  }

  /** Open, running stage visits of open instances past their due time: breached from their due time on. */
  async claimBreachedVisits(now: number, limit: number): Promise<StageVisitTable[]> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE stage_visits SET breached = true, breached_at = sla_due_at
        WHERE breached = false AND id IN (
          SELECT v.id FROM stage_visits v JOIN instances i ON i.id = v.instance_id
           WHERE v.breached = false AND v.exited_at IS NULL AND v.sla_paused_at IS NULL
             AND v.sla_due_at <= $1 AND i.status IN ('active', 'waiting')
           ORDER BY v.sla_due_at LIMIT $2 ${skipLocked(this.db, 'v')})
        RETURNING id`,
      [now, limit],
    );
    return this.byIds(StageVisitTable, rows);
  }

  /** Undecided tasks past their due time, except while their stage's SLA clock is paused. */
  async claimOverdueTasks(now: number, limit: number): Promise<TaskTable[]> {
    const rows = await updateReturning<{ id: string }>(
      this.db,
      `UPDATE tasks SET breached_at = due_at
        WHERE breached_at IS NULL AND id IN (
          SELECT t.id FROM tasks t
           WHERE t.status IN ('open', 'claimed') AND t.breached_at IS NULL AND t.due_at <= $1
             AND NOT EXISTS (SELECT 1 FROM stage_visits v
                              WHERE v.instance_id = t.instance_id AND v.stage_key = t.stage_key
                                AND v.exited_at IS NULL AND v.sla_paused_at IS NOT NULL)
           ORDER BY t.due_at LIMIT $2 ${skipLocked(this.db, 't')})
        RETURNING id`,
      [now, limit],
    );
    return this.byIds(TaskTable, rows);
  }

  async instancesById(ids: string[]): Promise<Map<string, InstanceTable>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.db.manager.findBy(InstanceTable, { id: In(unique) }) : [];
    return new Map(rows.map((row) => [row.id, row]));
  }

  processesById(ids: string[]): Promise<ProcessTable[]> {
    return ids.length ? this.db.manager.findBy(ProcessTable, { id: In(ids) }) : Promise.resolve([]);
  }

  allCalendars(): Promise<CalendarTable[]> {
    return this.db.manager.find(CalendarTable);
  }

  private async byIds<T extends { id: string }>(table: new () => T, rows: Array<{ id: string }>): Promise<T[]> {
    if (!rows.length) return [];
    return this.db.manager.findBy(table, { id: In(rows.map((row) => row.id)) } as FindOptionsWhere<T>);
  }
}
