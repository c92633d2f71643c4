import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import { iso } from '../common/time';
import { Database } from '../database/database';
import { EventsService } from '../events/events.service';
import { SchedulerRepository } from './scheduler.repository';

const BATCH = 100;

/** Records each SLA breach once: stage visits past their due time, and undecided tasks past theirs. */
@Injectable()
export class BreachSweep {
  constructor(
    private readonly db: Database,
    private readonly repository: SchedulerRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /** Returns how many breaches this process recorded. */
  async run(): Promise<number> {
    return (await this.breachStages()) + (await this.overdueTasks());
  }

  private async breachStages(): Promise<number> {
    return this.inBatches(async (now) => {
      const visits = await this.repository.claimBreachedVisits(now, BATCH);
      const instances = await this.repository.instancesById(visits.map((v) => v.instanceId));
      for (const visit of visits) {
        const instance = instances.get(visit.instanceId);
        await this.events.record(SYSTEM_ACTOR, 'stage.sla_breached', { instanceId: visit.instanceId, entityId: instance?.entityId }, {
          visitId: visit.id,
          processKey: instance?.processKey ?? null,
          stageKey: visit.stageKey,
          stageName: visit.stageName,
          ownerQueueId: visit.ownerQueueId,
          slaDueAt: iso(visit.slaDueAt),
        });
      }
      return visits.length;
    });
  }

  private async overdueTasks(): Promise<number> {
    return this.inBatches(async (now) => {
      const tasks = await this.repository.claimOverdueTasks(now, BATCH);
      const instances = await this.repository.instancesById(tasks.map((t) => t.instanceId));
      for (const task of tasks) {
        const instance = instances.get(task.instanceId);
        await this.events.record(SYSTEM_ACTOR, 'task.overdue', { instanceId: task.instanceId, entityId: instance?.entityId, taskId: task.id }, {
          processKey: instance?.processKey ?? null,
          stageKey: task.stageKey,
          queueId: task.queueId,
          assigneeId: task.assigneeId,
          title: task.title,
          priority: task.priority,
          dueAt: iso(task.dueAt),
        });
      }
      return tasks.length;
    });
  }

  /** Claims and records one batch per transaction until a batch comes back short. */
  private async inBatches(batch: (now: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const count = await this.db.transaction(() => batch(now));
      total += count;
      if (count < BATCH) return total;
    }
  }
}
