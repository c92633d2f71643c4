import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { Notifier } from '../notifications/notifier.service';
import { reminderAt } from '../notifications/reminder-time';
import { ReminderCandidate, RemindersRepository } from './reminders.repository';
import { StageClocks } from './stage-clocks';

/**
 * Sends the reminders a stage declares (`reminders: [{ beforeMinutes }]`) before its tasks are
 * due, counted on the stage's business calendar. Each goes out once per task: the claim row and
 * the emails are written in one transaction. A reminder whose moment came before the task existed
 * is skipped: the new-task notice already told people.
 */
@Injectable()
export class ReminderSweep {
  private readonly logger = new Logger('Reminders');
  /** Reminder times per task and offset, kept while the due time and calendar stay the same. */
  private times = new Map<string, { key: string; at: number }>();

  constructor(
    private readonly db: Database,
    private readonly repository: RemindersRepository,
    private readonly clocks: StageClocks,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  /** Returns how many reminders this process sent. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const { candidates, sent } = await this.db.read(async () => {
      const found = await this.repository.candidates(await this.repository.processesWithReminders(), now);
      return { candidates: found, sent: await this.repository.sent(found.map((c) => c.taskId)) };
    });
    const context = await this.clocks.load(candidates.map((c) => c.processId));
    const kept = new Map<string, { key: string; at: number }>();
    let fired = 0;
    for (const task of candidates) {
      const found = context.stage(task.processId, task.stageKey);
      if (!found) continue;
      const { calendar, signature } = context.calendar(found.process, task.stageKey);
      for (const { beforeMinutes } of found.stage.reminders ?? []) {
        if (sent.has(`${task.taskId}:${beforeMinutes}`)) continue;
        try {
          const at = this.timeOf(task, beforeMinutes, signature, () => reminderAt(calendar, task.dueAt, beforeMinutes), kept);
          if (at > now || at < task.createdAt) continue;
          if (await this.send(task.taskId, beforeMinutes, now)) fired++;
        } catch (error) {
          this.logger.error(`reminder ${beforeMinutes} min before task ${task.taskId} not sent: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    this.times = kept;
    return fired;
  }

  private timeOf(task: ReminderCandidate, beforeMinutes: number, signature: string, compute: () => number, kept: Map<string, { key: string; at: number }>): number {
    const id = `${task.taskId}:${beforeMinutes}`;
    const key = `${signature}|${task.dueAt}`;
    const cached = this.times.get(id);
    const at = cached?.key === key ? cached.at : compute();
    kept.set(id, { key, at });
    return at;
  }

  private send(taskId: string, beforeMinutes: number, now: number): Promise<boolean> {
    return this.db.transaction(async () => {
      const task = await this.repository.findOpenTask(taskId);
      if (!task || !(await this.repository.claim(taskId, beforeMinutes, now))) return false;
      await this.notifier.taskReminder(task);
      return true;
    });
  }
}
