import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { CalendarsService } from '../calendars/calendars.service';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, PageQueryDto, pageOf } from '../common/paging';
import { Database } from '../database/database';
import { isUniqueViolation } from '../database/errors';
import { QueueTable, UserTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import {
  CreateQueueDto,
  ListQueuesQueryDto,
  QueueMemberResponse,
  QueueRef,
  QueueResponse,
  toQueueMemberResponse,
  toQueueRef,
  toQueueResponse,
  UpdateQueueDto,
} from './queues.dto';
import { QueuesRepository } from './queues.repository';

@Injectable()
export class QueuesService {
  constructor(
    private readonly db: Database,
    private readonly repository: QueuesRepository,
    private readonly calendars: CalendarsService,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  // resolve, queueIdsOf, membersOf and queuesOfUsers are for other domains: they run in the
  // caller's transaction or read, so they are deliberately not wrapped in db.read here.

  async resolve(idOrKey: string): Promise<QueueTable> {
    const queue = await this.repository.findByIdOrKey(idOrKey);
    if (!queue) throw new NotFoundException(`Queue "${idOrKey}" does not exist.`);
    return queue;
  }

  queueIdsOf(userId: string): Promise<string[]> {
    return this.repository.queueIdsOf(userId);
  }

  /** Active members only: they are the people who can be notified or assigned work. */
  async membersOf(queueId: string): Promise<UserTable[]> {
    const [users] = await this.repository.members(queueId, { activeOnly: true });
    return users;
  }

  async queuesOfUsers(userIds: string[]): Promise<Map<string, QueueRef[]>> {
    const byUser = new Map<string, QueueRef[]>(userIds.map((id) => [id, []]));
    for (const { userId, queue } of await this.repository.queuesOfUsers(userIds)) byUser.get(userId)?.push(toQueueRef(queue));
    return byUser;
  }

  async list(actor: Actor, query: ListQueuesQueryDto): Promise<Page<QueueResponse>> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    return this.db.read(async () => {
      // API keys belong to no queue, so "mine" is empty for them rather than an error.
      const onlyIds = query.mine ? (actor.type === 'user' && actor.id ? await this.queueIdsOf(actor.id) : []) : undefined;
      const [rows, total] = await this.repository.list(offset, limit, onlyIds);
      const counts = await this.repository.memberCounts(rows.map((row) => row.id));
      return pageOf(rows.map((row) => toQueueResponse(row, counts.get(row.id) ?? 0)), total, query);
    });
  }

  async get(idOrKey: string): Promise<QueueResponse> {
    return this.db.read(async () => this.withCount(await this.resolve(idOrKey)));
  }

  async create(actor: Actor, dto: CreateQueueDto): Promise<QueueResponse> {
    const now = this.clock.now();
    const row: QueueTable = {
      id: newId(),
      key: dto.key,
      name: dto.name,
      description: dto.description ?? '',
      calendarKey: dto.calendarKey ?? null,
      supervisorQueueKey: dto.supervisorQueueKey ?? null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.db.transaction(async () => {
        if (await this.repository.findByKey(dto.key)) throw duplicate(dto.key);
        await this.checkLinks(row);
        await this.repository.insert(row);
        await this.events.record(actor, 'queue.created', {}, { queueId: row.id, key: row.key, name: row.name });
      });
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(dto.key) : error;
    }
    return toQueueResponse(row, 0);
  }

  async update(actor: Actor, idOrKey: string, dto: UpdateQueueDto): Promise<QueueResponse> {
    return this.db.transaction(async () => {
      const queue = await this.resolve(idOrKey);
      const changes: Partial<QueueTable> = {};
      if (dto.name !== undefined) changes.name = dto.name;
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.calendarKey !== undefined) changes.calendarKey = dto.calendarKey;
      if (dto.supervisorQueueKey !== undefined) changes.supervisorQueueKey = dto.supervisorQueueKey;
      if (Object.keys(changes).length === 0) return this.withCount(queue);
      const updated: QueueTable = { ...queue, ...changes, updatedAt: this.clock.now() };
      await this.checkLinks(updated);
      await this.repository.update(queue.id, { ...changes, updatedAt: updated.updatedAt });
      await this.events.record(actor, 'queue.updated', {}, { queueId: queue.id, key: queue.key, changes });
      return this.withCount(updated);
    });
  }

  async delete(actor: Actor, idOrKey: string): Promise<void> {
    await this.db.transaction(async () => {
      const queue = await this.resolve(idOrKey);
      const active = await this.repository.countActiveTasks(queue.id);
      if (active > 0) {
        throw new ConflictException(`Queue "${queue.key}" still has ${active} open or claimed task(s); move or decide them first.`);
      }
      // Decided tasks keep pointing at their queue for the audit trail and reports.
      if ((await this.repository.countTasks(queue.id)) > 0) {
        throw new ConflictException(`Queue "${queue.key}" has task history, which reports and timelines refer to; it cannot be deleted.`);
      }
      const supervised = await this.repository.findSupervisedBy(queue.key);
      if (supervised.length > 0) {
        const keys = supervised.map((q) => `"${q.key}"`).join(', ');
        throw new ConflictException(`Queue "${queue.key}" is the supervisor queue of ${keys}; change that first.`);
      }
      await this.repository.delete(queue.id);
      await this.events.record(actor, 'queue.deleted', {}, { queueId: queue.id, key: queue.key });
    });
  }

  async listMembers(idOrKey: string, query: PageQueryDto): Promise<Page<QueueMemberResponse>> {
    return this.db.read(async () => {
      const queue = await this.resolve(idOrKey);
      const [users, total] = await this.repository.members(queue.id, {
        activeOnly: false,
        offset: query.offset ?? 0,
        limit: query.limit ?? 50,
      });
      return pageOf(users.map(toQueueMemberResponse), total, query);
    });
  }

  /** Idempotent: adding a member twice leaves one membership and one event. */
  async addMember(actor: Actor, idOrKey: string, userId: string): Promise<void> {
    await this.db.transaction(async () => {
      const { queue, user } = await this.loadMembership(idOrKey, userId);
      if (await this.repository.isMember(queue.id, user.id)) return;
      await this.repository.addMember({ queueId: queue.id, userId: user.id, createdAt: this.clock.now() });
      await this.events.record(actor, 'queue.member_added', {}, { queueId: queue.id, key: queue.key, userId: user.id });
    });
  }

  async removeMember(actor: Actor, idOrKey: string, userId: string): Promise<void> {
    await this.db.transaction(async () => {
      const { queue, user } = await this.loadMembership(idOrKey, userId);
      if (!(await this.repository.isMember(queue.id, user.id))) return;
      await this.repository.removeMember(queue.id, user.id);
      await this.events.record(actor, 'queue.member_removed', {}, { queueId: queue.id, key: queue.key, userId: user.id });
    });
  }

  private async loadMembership(idOrKey: string, userId: string): Promise<{ queue: QueueTable; user: UserTable }> {
    const queue = await this.resolve(idOrKey);
    const user = await this.repository.findUser(userId);
    if (!user) throw new NotFoundException(`User "${userId}" does not exist.`);
    return { queue, user };
  }

  private async checkLinks(queue: QueueTable): Promise<void> {
    if (queue.calendarKey !== null && !(await this.calendars.findByKey(queue.calendarKey))) {
      throw badLink('calendarKey', `calendar "${queue.calendarKey}" does not exist`);
    }
    if (queue.supervisorQueueKey === null) return;
    if (queue.supervisorQueueKey === queue.key) throw badLink('supervisorQueueKey', 'a queue cannot be its own supervisor');
    if (!(await this.repository.findByKey(queue.supervisorQueueKey))) {
      throw badLink('supervisorQueueKey', `queue "${queue.supervisorQueueKey}" does not exist`);
    }
  }

  private async withCount(queue: QueueTable): Promise<QueueResponse> {
    const counts = await this.repository.memberCounts([queue.id]);
    return toQueueResponse(queue, counts.get(queue.id) ?? 0);
  }
}

const duplicate = (key: string): ConflictException => new ConflictException(`A queue with key "${key}" already exists.`);

const badLink = (field: string, message: string): BadRequestException =>
  new BadRequestException({ error: 'Bad Request', message: `${field}: ${message}`, details: [{ field, messages: [message] }] });
