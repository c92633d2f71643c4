import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { iso } from '../common/time';
import { Database } from '../database/database';
import { AbsenceTable, InstanceTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { Notifier } from '../notifications/notifier.service';
import { AbsenceCover } from './absence-cover';
import { AbsencesRepository } from './absences.repository';

/**
 * When an absence begins, the open tasks assigned to the person away go to whoever covers them
 * (the delegate, or the delegate's own cover if they are away too), each audited as
 * `task.delegated` and announced to the new assignee like any assignment. They stay with the
 * delegate after the absence ends: by then the delegate may be halfway through them.
 */
@Injectable()
export class AbsenceHandOver {
  constructor(
    private readonly db: Database,
    private readonly repository: AbsencesRepository,
    private readonly cover: AbsenceCover,
    private readonly events: EventsService,
    private readonly notifier: Notifier,
  ) {}

  /** Call inside a unit of work, after the claim on `absence`. Returns how many tasks moved. */
  async handOver(actor: Actor, absence: AbsenceTable, now: number): Promise<number> {
    const delegateId = (await this.cover.coverFor(absence.userId, now)) ?? absence.delegateId;
    let moved = 0;
    for (const task of await this.repository.openTasksOf(absence.userId)) {
      if (!(await this.repository.moveTask(task, delegateId, now))) continue;
      const instance = await this.db.manager.findOneBy(InstanceTable, { id: task.instanceId });
      await this.events.record(actor, 'task.delegated', { instanceId: task.instanceId, entityId: instance?.entityId ?? null, taskId: task.id }, {
        processKey: task.processKey,
        stageKey: task.stageKey,
        from: absence.userId,
        to: delegateId,
        reason: 'absence',
        until: iso(absence.untilAt),
      });
      await this.notifier.taskAssigned(actor, task, { ...task, assigneeId: delegateId, updatedAt: now });
      moved++;
    }
    return moved;
  }
}
