import { Injectable } from '@nestjs/common';
import { Not } from 'typeorm';
import { Database } from '../database/database';
import { SessionTable, UserTable } from '../database/tables';

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Database) {}

  findById(id: string): Promise<UserTable | null> {
    return this.db.manager.findOneBy(UserTable, { id });
  }

  findByEmail(email: string): Promise<UserTable | null> {
    return this.db.manager.findOneBy(UserTable, { email: email.toLowerCase() });
  }

  list(offset: number, limit: number): Promise<[UserTable[], number]> {
    return this.db.manager.findAndCount(UserTable, { order: { email: 'ASC' }, skip: offset, take: limit });
  }

  count(): Promise<number> {
    return this.db.manager.count(UserTable);
  }

  /**
   * Locked on PostgreSQL so two admins demoting each other at once cannot both see the
   * other as "still an admin" and leave nobody; SQLite already runs writes one at a time.
   */
  async activeAdminIdsOtherThan(id: string): Promise<string[]> {
    const rows = await this.db.manager.find(UserTable, {
      where: { role: 'admin', active: true, id: Not(id) },
      select: { id: true },
      ...(this.db.isPostgres ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    return rows.map((row) => row.id);
  }

  async insert(row: UserTable): Promise<void> {
    await this.db.insert(UserTable, row);
  }

  async update(id: string, changes: Partial<UserTable>): Promise<void> {
    await this.db.manager.update(UserTable, { id }, changes);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.manager.delete(SessionTable, { userId });
  }
}
