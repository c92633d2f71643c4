import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../database/database';
import { ProcessTable, TaskReminderTable, TaskTable } from '../database/tables';

/** An open task that may have a reminder coming, with the process version its stage is read from. */
export interface ReminderCandidate {
  taskId: string;
  processId: string;
  stageKey: string;
  dueAt: number;
  createdAt: number;
}

/** The reminder sweep's reads and its claim. Call inside a unit of work. */
@Injectable()
export class RemindersRepository {
  constructor(private readonly db: Database) {}

  /** Published versions with a stage that declares reminders: few, and usually none, so most sweeps stop here. */
  async processesWithReminders(): Promise<string[]> {
    const rows = await this.db.manager.find(ProcessTable, { where: { status: 'published' }, select: { id: true, stages: true } });
    return rows.filter((row) => row.stages.some((stage) => (stage.reminders?.length ?? 0) > 0)).map((row) => row.id);
  }

  /** Undecided tasks of those versions that are not due yet. */
  async candidates(processIds: string[], now: number): Promise<ReminderCandidate[]> {
    if (processIds.length === 0) return [];
    const rows = await this.db.manager
      .createQueryBuilder(TaskTable, 't')
      .innerJoin('t.instance', 'i')
      .select(['t.id AS task_id', 'i.process_id AS process_id', 't.stage_key AS stage_key', 't.due_at AS due_at', 't.created_at AS created_at'])
      .where("t.status IN ('open', 'claimed')")
      .andWhere('t.due_at > :now', { now })
      .andWhere('t.stage_key IS NOT NULL')
      .andWhere('i.process_id IN (:...processIds)', { processIds })
      .getRawMany<{ task_id: string; process_id: string; stage_key: string; due_at: string | number; created_at: string | number }>();
    return rows.map((row) => ({
      taskId: row.task_id,
      processId: row.process_id,
      stageKey: row.stage_key,
      dueAt: Number(row.due_at),
      createdAt: Number(row.created_at),
    }));
  }

  /** `taskId:beforeMinutes` of the reminders already sent. */
  async sent(taskIds: string[]): Promise<Set<string>> {
    if (taskIds.length === 0) return new Set();
    const rows = await this.db.manager.findBy(TaskReminderTable, { taskId: In(taskIds) });
    return new Set(rows.map((row) => `${row.taskId}:${row.beforeMinutes}`));
  }

  findOpenTask(id: string): Promise<TaskTable | null> {
    return this.db.manager.findOneBy(TaskTable, { id, status: In(['open', 'claimed']) });
  }

  /**
   * Writes that a reminder went out; false when another replica already did. The row's primary key
   * is the claim: INSERT … ON CONFLICT DO NOTHING leaves a PostgreSQL transaction usable, where a
   * unique violation would abort it. Raw SQL because TypeORM's insert cannot say RETURNING on SQLite.
   */
  async claim(taskId: string, beforeMinutes: number, now: number): Promise<boolean> {
    const sql = 'INSERT INTO task_reminders (task_id, before_minutes, sent_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING task_id';
    const rows = (await this.db.manager.query(this.db.isPostgres ? sql : sql.replace(/\$\d/g, '?'), [taskId, beforeMinutes, now])) as unknown[];
    return rows.length > 0;
  }
}
