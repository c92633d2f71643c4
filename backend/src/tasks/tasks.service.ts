import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { OutboundPolicy } from '../outbox/outbound-policy';
import { Actor, isQueueBound } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, pageOf } from '../common/paging';
import { iso } from '../common/time';
import { Database } from '../database/database';
import type { TaskCommentTable, TaskTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { Notifier } from '../notifications/notifier.service';
import { InstancesRepository } from '../instances/instances.repository';
import { InstancesService } from '../instances/instances.service';
import type { EntitySummary, InstanceResponse } from '../instances/instances.dto';
import { ProcessesService } from '../processes/processes.service';
import { QueuesService } from '../queues/queues.service';
import { CreateTaskDto, ListTasksQuery, TaskContext, TaskResponse, toTaskResponse } from './tasks.dto';
import { TasksRepository } from './tasks.repository';
import { registeredBefore } from '../waits/request-key';
import { WaitsService } from '../waits/waits.service';

const CLOSED = new Set(['completed', 'cancelled', 'failed']);

export interface CommentResponse {
  id: string;
  author: { id: string; name: string | null } | null;
  body: string;
  createdAt: string;
}

export interface TaskDetailResponse extends TaskResponse {
  instance: InstanceResponse;
  entity: EntitySummary | null;
  comments: CommentResponse[];
}

export interface QueueCount {
  queue: { id: string; key: string; name: string };
  open: number;
  overdue: number;
}

@Injectable()
export class TasksService {
  constructor(
    private readonly db: Database,
    private readonly repository: TasksRepository,
    private readonly instances: InstancesService,
    private readonly stageVisits: InstancesRepository,
    private readonly processes: ProcessesService,
    private readonly queues: QueuesService,
    private readonly events: EventsService,
    private readonly waits: WaitsService,
    private readonly clock: Clock,
    private readonly outbound: OutboundPolicy,
    private readonly notifier: Notifier,
  ) {}

  async create(actor: Actor, dto: CreateTaskDto): Promise<TaskResponse> {
    this.outbound.assertResumeUrl('resumeUrl', dto.resumeUrl);
    return this.db.transaction(async () => {
      const earlier = dto.requestKey ? await this.repository.findByRequestKey(dto.requestKey) : null;
      if (earlier) return (await this.toResponses([registeredBefore(earlier, dto.instanceId, 'task')]))[0]!;
      const instance = await this.instances.load(dto.instanceId);
      if (CLOSED.has(instance.status)) {
        throw new ConflictException(`Instance ${instance.id} is ${instance.status}; no new tasks can be opened on it.`);
      }
      const queue = await this.queues.resolve(dto.queue);
      const process = await this.processes.getVersion(instance.processId);
      const decisions = dto.decisions ?? process.decisions;
      if (!decisions.length) {
        throw new BadRequestException(`decisions: process "${process.key}" defines no decisions, so the task must list its own.`);
      }
      if (new Set(decisions.map((d) => d.key)).size !== decisions.length) throw new BadRequestException('decisions: keys must be unique.');
      const now = this.clock.now();
      const task: TaskTable = {
        id: newId(),
        instanceId: instance.id,
        processKey: instance.processKey,
        processVersion: instance.processVersion,
        stageKey: dto.stageKey ?? instance.currentStageKey,
        queueId: queue.id,
        assigneeId: null,
        title: dto.title,
        instructions: dto.instructions ?? '',
        decisions,
        fields: dto.fields ?? [],
        dueAt: this.dueAt(dto, now) ?? (await this.stageDueAt(instance.id, dto.stageKey ?? instance.currentStageKey)),
        priority: dto.priority ?? 2,
        status: 'open',
        decision: null,
        comment: null,
        captured: null,
        decidedBy: null,
        decidedAt: null,
        resumeUrl: dto.resumeUrl ?? null,
        breachedAt: null,
        resumedAt: null,
        requestKey: dto.requestKey ?? null,
        createdAt: now,
        updatedAt: now,
      };
      if (task.resumeUrl) await this.waits.supersede(actor, task.resumeUrl);
      await this.repository.insert(task);
      await this.repository.setInstanceStatus(instance.id, 'active', 'waiting', now);
      await this.events.record(actor, 'task.created', { instanceId: instance.id, entityId: instance.entityId, taskId: task.id }, {
        processKey: instance.processKey,
        stageKey: task.stageKey,
        queue: queue.key,
        title: task.title,
        dueAt: task.dueAt,
        priority: task.priority,
      });
      await this.notifier.taskCreated(actor, task);
      return (await this.toResponses([task]))[0]!;
    });
  }

  /** A task with no due time of its own is due when its stage's SLA runs out. */
  private async stageDueAt(instanceId: string, stageKey: string | null): Promise<number | null> {
    const visit = await this.stageVisits.findOpenVisit(instanceId);
    return visit && visit.stageKey === stageKey ? visit.slaDueAt : null;
  }

  private dueAt(dto: CreateTaskDto, now: number): number | null {
    if (dto.dueAt && dto.dueInMinutes) throw new BadRequestException('dueAt: give dueAt or dueInMinutes, not both.');
    if (dto.dueInMinutes) return now + dto.dueInMinutes * 60_000;
    return dto.dueAt ? Date.parse(dto.dueAt) : null;
  }

  async list(actor: Actor, query: ListTasksQuery): Promise<Page<TaskResponse>> {
    return this.db.read(async () => {
      let queueIds = isQueueBound(actor) ? await this.queues.queueIdsOf(actor.id!) : undefined;
      if (query.queue) {
        const queue = await this.queues.resolve(query.queue);
        queueIds = queueIds ? queueIds.filter((id) => id === queue.id) : [queue.id];
      }
      const [rows, total] = await this.repository.list({
        queueIds,
        processKey: query.processKey,
        stageKey: query.stageKey,
        statuses: query.status?.length ? query.status : ['open', 'claimed'],
        assigneeId: this.assigneeFilter(actor, query.assignee),
        overdueAt: query.overdue ? this.clock.now() : undefined,
        priority: query.priority,
        sort: query.sort ?? 'due',
        order: (query.order ?? (query.sort === 'priority' ? 'desc' : 'asc')) === 'asc' ? 'ASC' : 'DESC',
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return pageOf(await this.toResponses(rows), total, query);
    });
  }

  private assigneeFilter(actor: Actor, assignee: string | undefined): string | null | undefined {
    if (assignee === 'unassigned') return null;
    if (assignee !== 'me') return assignee;
    if (actor.type !== 'user' || !actor.id) throw new BadRequestException('assignee: "me" needs a signed-in user.');
    return actor.id;
  }

  async counts(actor: Actor): Promise<QueueCount[]> {
    return this.db.read(async () => {
      const queueIds = isQueueBound(actor) ? await this.queues.queueIdsOf(actor.id!) : undefined;
      const counts = new Map((await this.repository.countsByQueue(queueIds, this.clock.now())).map((c) => [c.queueId, c]));
      const queues = (await this.repository.allQueues()).filter((q) => !queueIds || queueIds.includes(q.id));
      return queues.map((q) => ({
        queue: { id: q.id, key: q.key, name: q.name },
        open: counts.get(q.id)?.open ?? 0,
        overdue: counts.get(q.id)?.overdue ?? 0,
      }));
    });
  }

  async get(actor: Actor, id: string): Promise<TaskDetailResponse> {
    return this.db.read(async () => {
      const task = await this.loadVisible(actor, id);
      const [response] = await this.toResponses([task]);
      const instance = await this.instances.get(task.instanceId);
      const comments = await this.repository.listComments(id);
      const names = await this.repository.names(comments.map((c) => c.authorId).filter((a): a is string => !!a));
      return {
        ...response!,
        instance,
        entity: instance.entity,
        comments: comments.map((c) => toCommentResponse(c, names)),
      };
    });
  }

  /** Call inside a unit of work: the task, if the actor may see it (reviewers: only their queues). */
  async loadVisible(actor: Actor, id: string): Promise<TaskTable> {
    const task = await this.repository.find(id);
    if (!task) throw new NotFoundException(`Task ${id} does not exist.`);
    if (isQueueBound(actor) && !(await this.queues.queueIdsOf(actor.id!)).includes(task.queueId)) {
      throw new ForbiddenException('This task is in a queue you are not a member of.');
    }
    return task;
  }

  /** Call inside a unit of work. */
  async toResponses(tasks: TaskTable[]): Promise<TaskResponse[]> {
    const instances = await this.repository.findInstances([...new Set(tasks.map((t) => t.instanceId))]);
    const queues = await this.repository.findQueues([...new Set(tasks.map((t) => t.queueId))]);
    const people = tasks.flatMap((t) => [t.assigneeId, t.decidedBy]).filter((p): p is string => !!p);
    const context: TaskContext = {
      now: this.clock.now(),
      processKeys: new Map(instances.map((i) => [i.id, i.processKey])),
      queues: new Map(queues.map((q) => [q.id, q])),
      people: await this.repository.names([...new Set(people)]),
      stalled: new Map(instances.filter((i) => i.stalledAt !== null && !CLOSED.has(i.status)).map((i) => [i.id, i.stalledAt!])),
    };
    return tasks.map((t) => toTaskResponse(t, context));
  }
}

export const toCommentResponse = (comment: TaskCommentTable, names: Map<string, string>): CommentResponse => ({
  id: comment.id,
  author: comment.authorId ? { id: comment.authorId, name: names.get(comment.authorId) ?? null } : null,
  body: comment.body,
  createdAt: iso(comment.createdAt)!,
});
