import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Actor, maySupervise } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { iso } from '../common/time';
import { Database } from '../database/database';
import type { ActivityStatus, ActivityTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { InstancesService } from '../instances/instances.service';
import { Notifier } from '../notifications/notifier.service';
import { ActivitiesRepository } from './activities.repository';
import { ActivityResponse, CreateActivityDto, toActivityResponse, UpdateActivityDto } from './activities.dto';
import { checkTimes, parseTimes } from './activity-times';

const KIND_NAMES = { 'follow-up': 'Follow-up', 'to-do': 'To-do', event: 'Event' } as const;

/**
 * Follow-ups, to-dos and events people put on cases for themselves or a colleague. Whoever may
 * see the case may add one; the person it is for, the person who added it and supervisors may
 * move, hand on, complete, reopen or cancel it. Every change is an event on the case's timeline.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly db: Database,
    private readonly repository: ActivitiesRepository,
    private readonly instances: InstancesService,
    private readonly scope: CaseScopeService,
    private readonly events: EventsService,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, instanceId: string, dto: CreateActivityDto): Promise<ActivityResponse> {
    return this.db.transaction(async () => {
      const instance = await this.instances.load(instanceId);
      await this.scope.assertVisible(actor, instanceId);
      const assigneeId = dto.assigneeId ?? this.selfOf(actor);
      await this.checkAssignee(assigneeId);
      const times = { dueAt: null, startAt: null, endAt: null, ...parseTimes(dto) };
      checkTimes(dto.kind, times);
      const now = this.clock.now();
      const row: ActivityTable = {
        id: newId(),
        instanceId,
        kind: dto.kind,
        title: dto.title.trim(),
        note: dto.note ?? '',
        ...times,
        status: 'open',
        assigneeId,
        createdBy: actor.type === 'user' ? actor.id : null,
        completedBy: null,
        completedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await this.repository.insert(row);
      await this.record(actor, 'activity.created', row, instance.entityId);
      await this.notifier.activityAssigned(actor, row);
      return this.respond(row);
    });
  }

  async list(actor: Actor, instanceId: string): Promise<ActivityResponse[]> {
    return this.db.read(async () => {
      await this.instances.load(instanceId);
      await this.scope.assertVisible(actor, instanceId);
      return this.responses(await this.repository.listForInstance(instanceId));
    });
  }

  /** Call inside a unit of work: the case page reads them with everything else. */
  async responses(rows: ActivityTable[]): Promise<ActivityResponse[]> {
    const names = await this.repository.names(rows.flatMap((row) => [row.assigneeId, row.createdBy, row.completedBy]));
    const now = this.clock.now();
    const rank = (row: ActivityTable): number => (row.status === 'open' ? 0 : 1);
    const at = (row: ActivityTable): number => row.dueAt ?? row.startAt ?? Number.MAX_SAFE_INTEGER;
    return [...rows].sort((a, b) => rank(a) - rank(b) || at(a) - at(b) || a.createdAt - b.createdAt).map((row) => toActivityResponse(row, names, now));
  }

  async update(actor: Actor, id: string, dto: UpdateActivityDto): Promise<ActivityResponse> {
    return this.db.transaction(async () => {
      const row = await this.loadForChange(actor, id, 'open', 'change');
      if (dto.assigneeId !== undefined) await this.checkAssignee(dto.assigneeId);
      const times = { dueAt: row.dueAt, startAt: row.startAt, endAt: row.endAt, ...parseTimes(dto) };
      checkTimes(row.kind, times);
      const changes: Partial<ActivityTable> = { ...times };
      if (dto.title !== undefined) changes.title = dto.title.trim();
      if (dto.note !== undefined) changes.note = dto.note;
      if (dto.assigneeId !== undefined) changes.assigneeId = dto.assigneeId;
      const changed = (Object.keys(changes) as Array<keyof ActivityTable>).filter((key) => changes[key] !== row[key]);
      if (changed.length === 0) return this.respond(row);
      const updated = await this.write(row, 'open', { ...changes, updatedAt: this.clock.now() });
      await this.record(actor, 'activity.updated', updated, null, { changed });
      if (updated.assigneeId !== row.assigneeId) await this.notifier.activityAssigned(actor, updated);
      return this.respond(updated);
    });
  }

  complete(actor: Actor, id: string): Promise<ActivityResponse> {
    return this.transition(actor, id, 'open', 'done', 'activity.completed', 'complete');
  }

  reopen(actor: Actor, id: string): Promise<ActivityResponse> {
    return this.transition(actor, id, 'done', 'open', 'activity.reopened', 'reopen');
  }

  cancel(actor: Actor, id: string): Promise<ActivityResponse> {
    return this.transition(actor, id, 'open', 'cancelled', 'activity.cancelled', 'cancel');
  }

  private async transition(actor: Actor, id: string, from: ActivityStatus, to: ActivityStatus, event: string, action: string): Promise<ActivityResponse> {
    return this.db.transaction(async () => {
      const row = await this.loadForChange(actor, id, from, action);
      const now = this.clock.now();
      const done = to === 'done';
      const updated = await this.write(row, from, {
        status: to,
        completedBy: done ? actor.id : null,
        completedAt: done ? now : null,
        updatedAt: now,
      });
      await this.record(actor, event, updated, null);
      return this.respond(updated);
    });
  }

  private async loadForChange(actor: Actor, id: string, status: ActivityStatus, action: string): Promise<ActivityTable> {
    const row = await this.repository.find(id);
    if (!row) throw new NotFoundException(`Activity ${id} does not exist.`);
    await this.scope.assertVisible(actor, row.instanceId);
    if (!maySupervise(actor) && actor.id !== row.assigneeId && actor.id !== row.createdBy) {
      throw new ForbiddenException(`Activity ${id} is someone else's: only the person it is for, the person who added it or a supervisor can ${action} it.`);
    }
    if (row.status !== status) throw new ConflictException(`Cannot ${action} activity ${id}: it is ${row.status}.`);
    return row;
  }

  private async write(row: ActivityTable, from: ActivityStatus, changes: Partial<ActivityTable>): Promise<ActivityTable> {
    if (!(await this.repository.update(row.id, from, changes))) {
      throw new ConflictException(`Activity ${row.id} changed while this was being saved; look at it again.`);
    }
    return { ...row, ...changes };
  }

  private async checkAssignee(userId: string): Promise<void> {
    const user = await this.repository.findUser(userId);
    if (!user || !user.active) throw new BadRequestException(`assigneeId: no active user has id ${userId}.`);
  }

  private selfOf(actor: Actor): string {
    if (actor.type === 'user' && actor.id) return actor.id;
    throw new BadRequestException('assigneeId: an API key is nobody; say whom the activity is for.');
  }

  private async record(actor: Actor, type: string, row: ActivityTable, entityId: string | null, extra: Record<string, unknown> = {}): Promise<void> {
    const entity = entityId ?? (await this.instances.load(row.instanceId)).entityId;
    const names = await this.repository.names([row.assigneeId]);
    await this.events.record(actor, type, { instanceId: row.instanceId, entityId: entity }, {
      activityId: row.id,
      kind: row.kind,
      kindName: KIND_NAMES[row.kind],
      title: row.title,
      assigneeId: row.assigneeId,
      assigneeName: names.get(row.assigneeId) ?? null,
      dueAt: iso(row.dueAt),
      startAt: iso(row.startAt),
      endAt: iso(row.endAt),
      ...extra,
    });
  }

  private async respond(row: ActivityTable): Promise<ActivityResponse> {
    return (await this.responses([row]))[0]!;
  }
}
