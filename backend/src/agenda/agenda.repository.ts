import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../database/database';
import { ActivityTable, EntityTable, InstanceTable, TaskTable, UserTable } from '../database/tables';

/** The case an agenda line belongs to. */
export interface AgendaCase {
  processKey: string;
  caseName: string | null;
}

/** Call every method inside a unit of work. */
@Injectable()
export class AgendaRepository {
  constructor(private readonly db: Database) {}

  findUser(id: string): Promise<UserTable | null> {
    return this.db.manager.findOneBy(UserTable, { id });
  }

  openTasksOf(userId: string): Promise<TaskTable[]> {
    return this.db.manager.findBy(TaskTable, { assigneeId: userId, status: In(['open', 'claimed']) });
  }

  openActivitiesOf(userId: string): Promise<ActivityTable[]> {
    return this.db.manager.findBy(ActivityTable, { assigneeId: userId, status: 'open' });
  }

  async cases(instanceIds: string[]): Promise<Map<string, AgendaCase>> {
    const unique = [...new Set(instanceIds)];
    if (unique.length === 0) return new Map();
    const instances = await this.db.manager.findBy(InstanceTable, { id: In(unique) });
    const entityIds = [...new Set(instances.map((instance) => instance.entityId))];
    const entities = new Map((await this.db.manager.findBy(EntityTable, { id: In(entityIds) })).map((entity) => [entity.id, entity.name]));
    return new Map(instances.map((instance) => [instance.id, { processKey: instance.processKey, caseName: entities.get(instance.entityId) ?? null }]));
  }
}
