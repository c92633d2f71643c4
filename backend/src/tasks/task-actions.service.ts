import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { AbsenceCover } from '../absences/absence-cover';
import { Actor, maySupervise } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { iso } from '../common/time';
import { Database } from '../database/database';
import type { TaskStatus, TaskTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { Notifier } from '../notifications/notifier.service';
import { OutboxService } from '../outbox/outbox.service';
import { QueuesService } from '../queues/queues.service';
import { captureFields } from './task-fields';
import { CommentTaskDto, DecideTaskDto, ReassignTaskDto, TaskResponse } from './tasks.dto';
import { TasksRepository } from './tasks.repository';
import { CommentResponse, TasksService, toCommentResponse } from './tasks.service';

const OPEN: TaskStatus[] = ['open', 'claimed'];

/** What reviewers (and n8n, through an API key) do to a task. */
@Injectable()
export class TaskActionsService {
  constructor(
    private readonly db: Database,
    private readonly repository: TasksRepository,
    private readonly tasks: TasksService,
    private readonly queues: QueuesService,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
    private readonly notifier: Notifier,
    private readonly cover: AbsenceCover,
    private readonly clock: Clock,
  ) {}

  async claim(actor: Actor, id: string): Promise<TaskResponse> {
    const userId = this.requireUser(actor, 'claim');
    return this.db.transaction(async () => {
      const task = await this.tasks.loadVisible(actor, id);
      if (task.status === 'claimed' && task.assigneeId === userId) return this.respond(task);
      const now = this.clock.now();
      if (!(await this.repository.transition(id, ['open'], { status: 'claimed', assigneeId: userId, updatedAt: now }))) {
        throw await this.conflict(id, 'claim');
      }
      await this.record(actor, 'task.claimed', task, {});
      return this.respond({ ...task, status: 'claimed', assigneeId: userId, updatedAt: now });
    });
  }

  async unclaim(actor: Actor, id: string): Promise<TaskResponse> {
    return this.db.transaction(async () => {
      const task = await this.tasks.loadVisible(actor, id);
      const now = this.clock.now();
      const guard = this.actsOnlyForSelf(actor) ? actor.id : undefined;
      if (!(await this.repository.transition(id, ['claimed'], { status: 'open', assigneeId: null, updatedAt: now }, guard))) {
        throw await this.conflict(id, 'unclaim');
      }
      await this.recordTakeOver(actor, task, 'unclaim');
      await this.record(actor, 'task.unclaimed', task, { from: task.assigneeId });
      return this.respond({ ...task, status: 'open', assigneeId: null, updatedAt: now });
    });
  }

  /** `via` marks a decision made outside the inbox (a link in a notification email) in its audit event. */
  async decide(actor: Actor, id: string, dto: DecideTaskDto, via?: 'email'): Promise<TaskResponse> {
    return this.db.transaction(async () => {
      const task = await this.tasks.loadVisible(actor, id);
      if (!OPEN.includes(task.status)) throw await this.conflict(id, 'decide');
      const decision = task.decisions.find((d) => d.key === dto.decision);
      if (!decision) {
        throw new BadRequestException(`decision: "${dto.decision}" is not allowed here; choose one of ${task.decisions.map((d) => d.key).join(', ')}.`);
      }
      const comment = dto.comment?.trim() || null;
      if (decision.commentRequired && !comment) throw new BadRequestException(`comment: "${decision.label}" needs a comment.`);
      const captured = captureFields(task.fields, dto.fields);
      const now = this.clock.now();
      const changes = { status: 'decided' as const, decision: decision.key, comment, captured, decidedBy: actor.id, decidedAt: now, updatedAt: now };
      const guard = this.actsOnlyForSelf(actor) ? actor.id : undefined;
      if (!(await this.repository.transition(id, OPEN, changes, guard))) throw await this.conflict(id, 'decide');
      await this.recordTakeOver(actor, task, 'decide');

      const decided: TaskTable = { ...task, ...changes };
      await this.record(actor, 'task.decided', task, { decision: decision.key, label: decision.label, comment, fields: captured, ...(via ? { via } : {}) });
      if (task.resumeUrl) {
        await this.outbox.enqueue({
          kind: 'n8n_resume',
          target: task.resumeUrl,
          payload: {
            kind: 'decision',
            taskId: id,
            instanceId: task.instanceId,
            decision: decision.key,
            comment,
            fields: captured,
            decidedBy: { id: actor.id, name: actor.name, type: actor.type },
            decidedAt: iso(now),
          },
          idempotencyKey: `task:${id}:decided`,
          instanceId: task.instanceId,
        });
      }
      if ((await this.repository.countOpenForInstance(task.instanceId)) === 0) {
        await this.repository.setInstanceStatus(task.instanceId, 'waiting', 'active', now);
      }
      return this.respond(decided);
    });
  }

  async reassign(actor: Actor, id: string, dto: ReassignTaskDto): Promise<TaskResponse> {
    if (!dto.queue && !dto.assigneeId) throw new BadRequestException('queue: give a queue, an assigneeId, or both.');
    return this.db.transaction(async () => {
      const task = await this.tasks.loadVisible(actor, id);
      if (!OPEN.includes(task.status)) throw await this.conflict(id, 'reassign');
      if (this.actsOnlyForSelf(actor) && task.status === 'claimed' && task.assigneeId !== actor.id) {
        throw new ForbiddenException(
          `Task ${id} ${await this.claimedBy(task)}; taking over a colleague's task is a supervisor's action (the "tasks:supervise" permission).`,
        );
      }
      const queue = dto.queue ? await this.queues.resolve(dto.queue) : null;
      const queueId = queue?.id ?? task.queueId;
      if (dto.assigneeId) await this.checkAssignee(dto.assigneeId, queueId);
      const now = this.clock.now();
      // Someone away does not get new work: whoever covers them does, and the event says for whom.
      const cover = dto.assigneeId ? await this.cover.coverFor(dto.assigneeId, now) : null;
      const assigneeId = cover ?? dto.assigneeId ?? (queue && queue.id !== task.queueId ? null : task.assigneeId);
      const changes = { queueId, assigneeId, status: (assigneeId ? 'claimed' : 'open') as TaskStatus, updatedAt: now };
      // Guarded too: a colleague may claim the task between the check above and this write.
      const guard = this.actsOnlyForSelf(actor) ? actor.id : undefined;
      if (!(await this.repository.transition(id, OPEN, changes, guard))) throw await this.conflict(id, 'reassign');
      await this.recordTakeOver(actor, task, 'reassign');
      await this.record(actor, 'task.reassigned', task, {
        fromQueue: task.queueId,
        toQueue: queueId,
        fromAssignee: task.assigneeId,
        toAssignee: assigneeId,
        ...(cover ? { coveredFor: dto.assigneeId } : {}),
      });
      await this.notifier.taskAssigned(actor, task, { ...task, ...changes });
      return this.respond({ ...task, ...changes });
    });
  }

  async comment(actor: Actor, id: string, dto: CommentTaskDto): Promise<CommentResponse> {
    return this.db.transaction(async () => {
      const task = await this.tasks.loadVisible(actor, id);
      const comment = { id: newId(), taskId: id, authorId: actor.id, body: dto.body, createdAt: this.clock.now() };
      await this.repository.insertComment(comment);
      await this.record(actor, 'task.commented', task, { commentId: comment.id, body: dto.body });
      return toCommentResponse(comment, new Map(actor.id ? [[actor.id, actor.name]] : []));
    });
  }

  private async checkAssignee(userId: string, queueId: string): Promise<void> {
    const user = await this.repository.findUser(userId);
    if (!user || !user.active) throw new BadRequestException(`assigneeId: no active user has id ${userId}.`);
    if (user.role === 'reviewer' && !(await this.queues.queueIdsOf(userId)).includes(queueId)) {
      throw new BadRequestException(`assigneeId: ${user.name} is not a member of the task's queue.`);
    }
  }

  private requireUser(actor: Actor, action: string): string {
    if (actor.type !== 'user' || !actor.id) throw new ForbiddenException(`Only a signed-in user can ${action} a task.`);
    return actor.id;
  }

  /** People act only on tasks nobody else has claimed; supervisors (admins, automation keys) may step in. */
  private actsOnlyForSelf(actor: Actor): boolean {
    return !maySupervise(actor);
  }

  /** Stepping into a task someone else had claimed is audited on its own, beside the action's event. */
  private async recordTakeOver(actor: Actor, task: TaskTable, action: string): Promise<void> {
    if (task.status !== 'claimed' || !task.assigneeId || task.assigneeId === actor.id) return;
    await this.record(actor, 'task.taken_over', task, { action, from: task.assigneeId });
  }

  private async claimedBy(task: TaskTable): Promise<string> {
    const names = task.assigneeId ? await this.repository.names([task.assigneeId]) : new Map<string, string>();
    return `is claimed by ${(task.assigneeId && names.get(task.assigneeId)) ?? 'someone else'}`;
  }

  /** Explains, from the task's current state, why a transition did not happen. */
  private async conflict(id: string, action: string): Promise<ConflictException | NotFoundException> {
    const task = await this.repository.find(id);
    if (!task) return new NotFoundException(`Task ${id} does not exist.`);
    const names = await this.repository.names([task.assigneeId, task.decidedBy].filter((x): x is string => !!x));
    const who = (userId: string | null) => (userId ? (names.get(userId) ?? 'someone else') : 'someone');
    const state =
      task.status === 'decided'
        ? `was already decided ("${task.decision}") by ${who(task.decidedBy)} at ${iso(task.decidedAt)}`
        : task.status === 'claimed'
          ? `is claimed by ${who(task.assigneeId)}`
          : `is ${task.status}`;
    return new ConflictException(`Cannot ${action} task ${id}: it ${state}.`);
  }

  private async record(actor: Actor, type: string, task: TaskTable, data: Record<string, unknown>): Promise<void> {
    const instance = await this.repository.findInstances([task.instanceId]);
    await this.events.record(actor, type, { instanceId: task.instanceId, entityId: instance[0]?.entityId ?? null, taskId: task.id }, {
      processKey: instance[0]?.processKey ?? null,
      stageKey: task.stageKey,
      ...data,
    });
  }

  private async respond(task: TaskTable): Promise<TaskResponse> {
    return (await this.tasks.toResponses([task]))[0]!;
  }
}
