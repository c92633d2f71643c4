import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../database/database';
import { ActivityTable, UserTable } from '../database/tables';

/** Call every method inside a unit of work. */
@Injectable()
export class ActivitiesRepository {
  constructor(private readonly db: Database) {}

  find(id: string): Promise<ActivityTable | null> {
    return this.db.manager.findOneBy(ActivityTable, { id });
  }

  async insert(row: ActivityTable): Promise<void> {
    await this.db.insert(ActivityTable, row);
  }

  /** Guarded by the status the change was decided on: two people completing at once, one wins. */
  async update(id: string, status: ActivityTable['status'], changes: Partial<ActivityTable>): Promise<boolean> {
    return (await this.db.update(ActivityTable, { id, status }, changes)) === 1;
  }

  listForInstance(instanceId: string): Promise<ActivityTable[]> {
    return this.db.manager.find(ActivityTable, { where: { instanceId }, order: { createdAt: 'ASC' } });
  }

  async names(ids: Array<string | null>): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (unique.length === 0) return new Map();
    const users = await this.db.manager.findBy(UserTable, { id: In(unique) });
    return new Map(users.map((user) => [user.id, user.name]));
  }

  findUser(id: string): Promise<UserTable | null> {
    return this.db.manager.findOneBy(UserTable, { id });
  }
}
