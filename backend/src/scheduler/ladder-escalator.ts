import { BadRequestException, Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor';
import type { EscalationStep, TaskTable } from '../database/tables';
import { EscalateInput, EscalationsService } from '../escalations/escalations.service';
import { describeStep } from './thresholds';
import type { OpenVisit } from './visits.repository';
import { VisitsRepository } from './visits.repository';

const URGENT = 4;

/**
 * Turns a ladder step into escalations through the same service as POST /escalations, so a
 * ladder escalates exactly like a person would. Call inside the transaction that claimed the step.
 */
@Injectable()
export class LadderEscalator {
  constructor(
    private readonly escalations: EscalationsService,
    private readonly visits: VisitsRepository,
  ) {}

  async escalate(visit: OpenVisit, index: number, step: EscalationStep): Promise<void> {
    const reason = describeStep(index, step, visit.stageName);
    const tasks = await this.visits.openTasksOfStage(visit.instanceId, visit.stageKey);
    const base = { instanceId: visit.instanceId, reason, ladderStep: index };
    if (step.action === 'notify') {
      if (!step.template) throw new BadRequestException('a notify step needs a message template');
      // One notice per step: it goes to the queue (or person) holding the stage's oldest open task.
      await this.escalations.escalateInTransaction(SYSTEM_ACTOR, { ...base, taskId: tasks[0]?.id, notifyTemplate: step.template });
      return;
    }
    for (const task of tasks.length > 0 ? tasks : [null]) {
      await this.escalations.escalateInTransaction(SYSTEM_ACTOR, { ...base, ...(await this.move(step, task, visit)) });
    }
  }

  /**
   * Where an escalate step sends the work: its own target, else the supervisor queue of the queue
   * holding the work; with neither, the task is raised one priority level.
   */
  private async move(step: EscalationStep, task: TaskTable | null, visit: OpenVisit): Promise<Partial<EscalateInput>> {
    const toQueue = step.toQueue ?? (step.toUser ? undefined : await this.supervisorQueue(task?.queueId ?? visit.ownerQueueId));
    let priority = step.priority;
    // Escalation never lowers a priority; a step asking for less than the task has leaves it as is.
    if (task && priority !== undefined) priority = Math.max(priority, task.priority);
    if (task && priority === undefined && !toQueue && !step.toUser) priority = Math.min(task.priority + 1, URGENT);
    return { taskId: task?.id, toQueue, toUser: step.toUser, priority, notifyTemplate: step.template };
  }

  private async supervisorQueue(queueId: string | null): Promise<string | undefined> {
    if (!queueId) return undefined;
    return (await this.visits.findQueue(queueId))?.supervisorQueueKey ?? undefined;
  }
}
