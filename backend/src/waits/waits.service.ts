import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { OutboxTable, TaskTable, TimerTable } from '../database/tables';
import { EventsService } from '../events/events.service';

/**
 * An n8n execution has one resume URL for all its waits, and waits on one thing at a time.
 * So when it registers a new wait (a task or a timer), whatever it waited on before with the
 * same URL is over — n8n timed it out or moved on — and a late decision or timer for it must
 * not resume the new wait. Call inside the transaction that registers the new wait.
 */
@Injectable()
export class WaitsService {
  constructor(
    private readonly db: Database,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async supersede(actor: Actor, resumeUrl: string): Promise<void> {
    const now = this.clock.now();
    // Each lookup is an index search (ix_*_resume_url*): an execution's new wait must not scan
    // every task ever made. The open statuses are literal SQL so the partial task index applies
    // (with bound values the planner cannot prove the index's condition and scans the table).
    const tasks = await this.db.manager
      .createQueryBuilder(TaskTable, 't')
      .where('t.resumeUrl = :resumeUrl', { resumeUrl })
      .andWhere("t.status IN ('open', 'claimed')")
      .getMany();
    for (const task of tasks) {
      await this.db.manager.update(TaskTable, { id: task.id, status: In(['open', 'claimed']) }, { status: 'cancelled', updatedAt: now });
      await this.events.record(actor, 'task.superseded', { instanceId: task.instanceId, taskId: task.id }, { reason: 'the execution waits for something else now' });
    }
    const timers = await this.db.manager
      .createQueryBuilder(TimerTable, 't')
      .where('t.resumeUrl = :resumeUrl', { resumeUrl })
      .andWhere("t.status = 'pending'")
      .getMany();
    for (const timer of timers) {
      await this.db.manager.update(TimerTable, { id: timer.id, status: 'pending' }, { status: 'cancelled' });
      await this.events.record(actor, 'timer.superseded', { instanceId: timer.instanceId }, { timerId: timer.id });
    }
    await this.db.manager
      .createQueryBuilder()
      .update(OutboxTable)
      .set({ status: 'dead', lastError: 'superseded: the execution was already waiting for something else', lockedUntil: null })
      .where('target = :resumeUrl', { resumeUrl })
      .andWhere("kind = 'n8n_resume'")
      .andWhere("status = 'pending'")
      .execute();
  }
}
