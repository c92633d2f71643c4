import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AbsenceCover } from '../absences/absence-cover';
import { Actor, isQueueBound, maySupervise } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, pageOf } from '../common/paging';
import { Database } from '../database/database';
import { EscalationTable, InstanceTable, MessageTable, TaskTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { CLOSED_STATUSES } from '../instances/list-filters';
import { MessagesService } from '../messages/messages.service';
import { Notifier } from '../notifications/notifier.service';
import { RecipientSpec } from '../messages/recipients';
import { EscalationTarget, escalatedTask, fieldError, resolveTarget } from './escalation-target';
import {
  CreateEscalationDto,
  EscalationResponse,
  ListEscalationsQueryDto,
  toEscalationResponse,
} from './escalations.dto';
import { EscalationsRepository } from './escalations.repository';

export interface EscalateInput extends CreateEscalationDto {
  /** Index of the ladder step that fired; absent for a manual escalation. */
  ladderStep?: number | null;
}

export interface EscalationResult {
  escalation: EscalationTable;
  task: TaskTable | null;
  message: MessageTable | null;
}

const ACTIVE_TASK = new Set(['open', 'claimed']);

@Injectable()
export class EscalationsService {
  constructor(
    private readonly db: Database,
    private readonly repository: EscalationsRepository,
    private readonly messages: MessagesService,
    private readonly events: EventsService,
    private readonly clock: Clock,
    private readonly scope: CaseScopeService,
    private readonly notifier: Notifier,
    private readonly cover: AbsenceCover,
  ) {}

  async escalate(actor: Actor, dto: CreateEscalationDto): Promise<EscalationResponse> {
    const result = await this.db.transaction(() => this.escalateInTransaction(actor, dto));
    return { ...(await this.respond([result.escalation]))[0]!, messageId: result.message?.id ?? null };
  }

  /**
   * Moves a task (or flags an instance) to another queue or person, raises its priority, records
   * the escalation and its event, and optionally notifies the target. Joins the caller's
   * transaction, so the scheduler's ladders escalate exactly like a person does.
   */
  async escalateInTransaction(actor: Actor, input: EscalateInput): Promise<EscalationResult> {
    if (!input.taskId && !input.instanceId) throw fieldError('taskId', 'give taskId or instanceId');
    const { instance, task } = await this.loadSubject(input);
    // A closed case is settled, and the reports' rollups count its escalations as final.
    if (CLOSED_STATUSES.includes(instance.status)) throw new ConflictException(`Instance ${instance.id} is ${instance.status}; it cannot be escalated.`);
    const visit = await this.repository.findOpenVisit(instance.id);
    const fromQueueId = task?.queueId ?? visit?.ownerQueueId ?? null;
    await this.checkAccess(actor, fromQueueId);
    if (task && !ACTIVE_TASK.has(task.status)) throw new ConflictException(`The task is ${task.status}; it cannot be escalated.`);
    if (!task && !input.toQueue && !input.toUser) {
      throw new ConflictException('The instance has no open task to escalate; give toQueue (or toUser) to escalate the instance itself.');
    }
    const moves = Boolean(input.toQueue || input.toUser || input.priority !== undefined);
    if (moves && task?.status === 'claimed' && task.assigneeId !== actor.id && actor.type === 'user' && !maySupervise(actor)) {
      throw new ForbiddenException("This task is claimed by a colleague; moving it is a supervisor's action (the \"tasks:supervise\" permission).");
    }
    if (!moves && !input.notifyTemplate) {
      throw fieldError('toQueue', 'say what the escalation does: toQueue, toUser, priority or notifyTemplate');
    }
    const now = this.clock.now();
    const target = await this.covered(await resolveTarget(this.repository, input, fromQueueId), now);

    let updated: TaskTable | null = task;
    if (task && moves) {
      const changes = escalatedTask(task, target, input.priority, now);
      if (!(await this.repository.updateTask(task.id, task.status, changes))) {
        throw new ConflictException('The task changed while it was being escalated; look at it again.');
      }
      updated = { ...task, ...changes };
    }
    const escalation: EscalationTable = {
      id: newId(),
      instanceId: instance.id,
      taskId: task?.id ?? null,
      ladderStep: input.ladderStep ?? null,
      action: moves ? 'escalate' : 'notify',
      reason: input.reason,
      fromQueueId,
      toQueueId: target.queue?.id ?? null,
      fromUserId: task?.assigneeId ?? null,
      toUserId: target.user?.id ?? null,
      priority: input.priority ?? null,
      actor: actor.name.slice(0, 100),
      createdAt: now,
    };
    await this.repository.insert(escalation);
    const event = {
      escalationId: escalation.id,
      action: escalation.action,
      from: { queueId: fromQueueId, userId: escalation.fromUserId, priority: task?.priority ?? null },
      to: {
        queueId: updated?.queueId ?? escalation.toQueueId,
        userId: escalation.toUserId,
        priority: updated?.priority ?? escalation.priority,
      },
      reason: input.reason,
      ladderStep: escalation.ladderStep,
      ...(target.coveredFor ? { coveredFor: target.coveredFor.id } : {}),
    };
    const refs = { instanceId: instance.id, entityId: instance.entityId, taskId: task?.id ?? null };
    await this.events.record(actor, task ? 'task.escalated' : 'instance.escalated', refs, event);
    if (updated) await this.notifier.taskAssigned(actor, task, updated);
    const message = input.notifyTemplate ? await this.notify(actor, input, instance, updated, target, escalation) : null;
    return { escalation, task: updated, message };
  }

  /** Work escalated to someone away goes to whoever covers them; the event names both. */
  private async covered(target: EscalationTarget, now: number): Promise<EscalationTarget> {
    const delegateId = target.user ? await this.cover.coverFor(target.user.id, now) : null;
    const delegate = delegateId ? await this.repository.findUser(delegateId) : null;
    return delegate ? { ...target, user: delegate, coveredFor: target.user } : target;
  }

  async list(actor: Actor, query: ListEscalationsQueryDto): Promise<Page<EscalationResponse>> {
    const [rows, total] = await this.db.read(async () => {
      const inScope = this.scope.findOperator(await this.scope.of(actor));
      if (inScope && query.instanceId) await this.scope.assertVisible(actor, query.instanceId);
      return this.repository.list({ instanceId: query.instanceId, taskId: query.taskId, inScope }, query.limit ?? 50, query.offset ?? 0);
    });
    return pageOf(await this.respond(rows), total, query);
  }

  private async loadSubject(input: EscalateInput): Promise<{ instance: InstanceTable; task: TaskTable | null }> {
    let task = input.taskId ? await this.repository.findTask(input.taskId) : null;
    if (input.taskId && !task) throw new NotFoundException(`There is no task ${input.taskId}.`);
    if (task && input.instanceId && task.instanceId !== input.instanceId) {
      throw fieldError('instanceId', 'the task belongs to another instance');
    }
    const instanceId = task?.instanceId ?? input.instanceId!;
    const instance = await this.repository.findInstance(instanceId);
    if (!instance) throw new NotFoundException(`There is no instance ${instanceId}.`);
    task ??= await this.repository.findOpenTaskOf(instance.id);
    return { instance, task };
  }

  private async checkAccess(actor: Actor, queueId: string | null): Promise<void> {
    if (!isQueueBound(actor)) return;
    const mine = await this.repository.queueIdsOf(actor.id!);
    if (!queueId || !mine.has(queueId)) throw new ForbiddenException('Reviewers may escalate only the work of their own queues.');
  }

  private async notify(
    actor: Actor,
    input: EscalateInput,
    instance: InstanceTable,
    task: TaskTable | null,
    target: EscalationTarget,
    escalation: EscalationTable,
  ): Promise<MessageTable> {
    const to: RecipientSpec = target.user
      ? { addresses: [target.user.email] }
      : { queue: target.queue?.id ?? task?.queueId ?? undefined };
    const queues = await this.repository.queuesById(escalation.fromQueueId ? [escalation.fromQueueId] : []);
    const fromQueue = escalation.fromQueueId ? queues.get(escalation.fromQueueId) : null;
    const notice = {
      reason: escalation.reason,
      action: escalation.action,
      priority: task?.priority ?? escalation.priority,
      fromQueue: fromQueue ? { key: fromQueue.key, name: fromQueue.name } : null,
      toQueue: target.queue ? { key: target.queue.key, name: target.queue.name } : null,
      toUser: target.user ? { name: target.user.name, email: target.user.email } : null,
    };
    try {
      return await this.messages.sendInTransaction(actor, {
        instanceId: instance.id,
        taskId: task?.id ?? null,
        templateKey: input.notifyTemplate,
        to,
        data: { escalation: notice },
      });
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      throw fieldError('notifyTemplate', `the notice cannot be sent: ${error.message}`);
    }
  }

  private async respond(rows: EscalationTable[]): Promise<EscalationResponse[]> {
    const queueIds = rows.flatMap((r) => [r.fromQueueId, r.toQueueId]).filter((id): id is string => Boolean(id));
    const userIds = rows.flatMap((r) => [r.fromUserId, r.toUserId]).filter((id): id is string => Boolean(id));
    const names = await this.db.read(async () => ({
      queues: await this.repository.queuesById([...new Set(queueIds)]),
      users: await this.repository.usersById([...new Set(userIds)]),
    }));
    return rows.map((row) => toEscalationResponse(row, names));
  }
}
