import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/secrets';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, PageQueryDto, pageOf } from '../common/paging';
import { Database } from '../database/database';
import { isUniqueViolation } from '../database/errors';
import { UserTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { QueuesService } from '../queues/queues.service';
import { CreateUserDto, toUserResponse, UpdateUserDto, UserResponse } from './users.dto';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: Database,
    private readonly repository: UsersRepository,
    private readonly queues: QueuesService,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async list(query: PageQueryDto): Promise<Page<UserResponse>> {
    return this.db.read(async () => {
      const [users, total] = await this.repository.list(query.offset ?? 0, query.limit ?? 50);
      const queues = await this.queues.queuesOfUsers(users.map((u) => u.id));
      return pageOf(users.map((u) => toUserResponse(u, queues.get(u.id) ?? [])), total, query);
    });
  }

  async get(id: string): Promise<UserResponse> {
    return this.db.read(async () => this.toResponse(await this.load(id)));
  }

  hasUsers(): Promise<boolean> {
    return this.db.read(async () => (await this.repository.count()) > 0);
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserResponse> {
    const user = await this.newUser(dto);
    try {
      await this.db.transaction(async () => {
        if (await this.repository.findByEmail(user.email)) throw emailTaken(user.email);
        await this.insert(actor, user);
      });
    } catch (error) {
      throw isUniqueViolation(error) ? emailTaken(user.email) : error;
    }
    return toUserResponse(user, []);
  }

  /** Creates the admin only while there is no user at all; null once someone already exists. */
  async createFirstAdmin(actor: Actor, dto: CreateUserDto): Promise<UserResponse | null> {
    const user = await this.newUser({ ...dto, role: 'admin' });
    try {
      const created = await this.db.transaction(async () => {
        if ((await this.repository.count()) > 0) return false;
        await this.insert(actor, user);
        return true;
      });
      return created ? toUserResponse(user, []) : null;
    } catch (error) {
      // Another replica starting at the same moment created it first.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    // Hashing is slow on purpose; do it before the transaction, not while holding it.
    const passwordHash = dto.password === undefined ? undefined : await hashPassword(dto.password);
    return this.db.transaction(async () => {
      const user = await this.load(id);
      const changes: Partial<UserTable> = {};
      if (dto.name !== undefined && dto.name !== user.name) changes.name = dto.name;
      if (dto.role !== undefined && dto.role !== user.role) changes.role = dto.role;
      if (dto.active !== undefined && dto.active !== user.active) changes.active = dto.active;
      if (passwordHash !== undefined) changes.passwordHash = passwordHash;
      if (Object.keys(changes).length === 0) return this.toResponse(user);
      const updated: UserTable = { ...user, ...changes, updatedAt: this.clock.now() };
      await this.keepAnAdmin(user, updated);
      await this.repository.update(user.id, { ...changes, updatedAt: updated.updatedAt });
      // A new password or a deactivation must also shut out whoever is already signed in.
      if (changes.active === false || changes.passwordHash !== undefined) await this.repository.deleteSessionsOf(user.id);
      const { passwordHash: changedPassword, ...visible } = changes;
      await this.events.record(actor, 'user.updated', {}, {
        userId: user.id,
        email: user.email,
        changes: visible,
        ...(changedPassword ? { passwordChanged: true } : {}),
      });
      return this.toResponse(updated);
    });
  }

  private async keepAnAdmin(before: UserTable, after: UserTable): Promise<void> {
    const wasAdmin = before.role === 'admin' && before.active;
    const isAdmin = after.role === 'admin' && after.active;
    if (!wasAdmin || isAdmin) return;
    if ((await this.repository.activeAdminIdsOtherThan(before.id)).length === 0) {
      throw new ConflictException(
        `${before.email} is the last active admin; make another user an admin before demoting or deactivating this one.`,
      );
    }
  }

  private async newUser(dto: CreateUserDto): Promise<UserTable> {
    const now = this.clock.now();
    return {
      id: newId(),
      email: dto.email.trim().toLowerCase(),
      name: dto.name,
      passwordHash: await hashPassword(dto.password),
      role: dto.role,
      active: true,
      createdAt: now,
      updatedAt: now,
    };
  }

  private async insert(actor: Actor, user: UserTable): Promise<void> {
    await this.repository.insert(user);
    await this.events.record(actor, 'user.created', {}, { userId: user.id, email: user.email, role: user.role });
  }

  private async load(id: string): Promise<UserTable> {
    const user = await this.repository.findById(id);
    if (!user) throw new NotFoundException(`User "${id}" does not exist.`);
    return user;
  }

  private async toResponse(user: UserTable): Promise<UserResponse> {
    const queues = await this.queues.queuesOfUsers([user.id]);
    return toUserResponse(user, queues.get(user.id) ?? []);
  }
}

const emailTaken = (email: string): ConflictException => new ConflictException(`A user with email ${email} already exists.`);
