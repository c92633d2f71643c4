import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { Database } from '../database/database';
import { StageVisitTable, TaskTable } from '../database/tables';

/** The SLA clock's writes: each conditional on the state it was read in, so a racing pause or resume loses cleanly. */
@Injectable()
export class SlaRepository {
  constructor(private readonly db: Database) {}

  async pause(visitId: string, at: number): Promise<boolean> {
    const result = await this.db.manager.update(
      StageVisitTable,
      { id: visitId, slaPausedAt: IsNull(), exitedAt: IsNull() },
      { slaPausedAt: at },
    );
    return (result.affected ?? 0) === 1;
  }

  async resume(visitId: string, pausedAt: number, slaPausedMs: number, slaDueAt: number | null): Promise<boolean> {
    const result = await this.db.manager.update(
      StageVisitTable,
      { id: visitId, slaPausedAt: pausedAt, exitedAt: IsNull() },
      { slaPausedAt: null, slaPausedMs, slaDueAt },
    );
    return (result.affected ?? 0) === 1;
  }

  openTasksWithDue(instanceId: string, stageKey: string): Promise<TaskTable[]> {
    return this.db.manager.findBy(TaskTable, { instanceId, stageKey, status: In(['open', 'claimed']), dueAt: Not(IsNull()) });
  }

  async setTaskDue(taskId: string, dueAt: number, now: number): Promise<void> {
    await this.db.manager.update(TaskTable, { id: taskId }, { dueAt, updatedAt: now });
  }
}
