import { Injectable } from '@nestjs/common';
import { FindOperator, IsNull } from 'typeorm';
import { Database } from '../database/database';
import {
  EntityRelationTable,
  EntityTable,
  InstanceTable,
  MessageKind,
  MessageTable,
  QueueMemberTable,
  QueueTable,
  StageVisitTable,
  TaskTable,
  UserTable,
} from '../database/tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class MessagesRepository {
  constructor(private readonly db: Database) {}

  findInstance(id: string): Promise<InstanceTable | null> {
    return this.db.manager.findOneBy(InstanceTable, { id });
  }

  findEntity(id: string): Promise<EntityTable | null> {
    return this.db.manager.findOneBy(EntityTable, { id });
  }

  /** The entity's outgoing relations with the records they point at, in one query. */
  async findRelated(entityId: string): Promise<Array<{ name: string; entity: EntityTable }>> {
    const rows = await this.db.manager
      .createQueryBuilder(EntityRelationTable, 'r')
      .innerJoinAndSelect('r.related', 'e')
      .where('r.entity_id = :entityId', { entityId })
      .orderBy('r.name', 'ASC')
      .getMany();
    return rows.map((row) => ({ name: row.name, entity: row.related! }));
  }

  findTask(id: string): Promise<TaskTable | null> {
    return this.db.manager.findOneBy(TaskTable, { id });
  }

  findOpenVisit(instanceId: string): Promise<StageVisitTable | null> {
    return this.db.manager.findOne(StageVisitTable, {
      where: { instanceId, exitedAt: IsNull() },
      order: { enteredAt: 'DESC' },
    });
  }

  findQueue(keyOrId: string): Promise<QueueTable | null> {
    const where = UUID.test(keyOrId) ? [{ id: keyOrId }, { key: keyOrId }] : { key: keyOrId };
    return this.db.manager.findOneBy(QueueTable, where);
  }

  /** Queue members are a join table owned by the queues domain; read directly to stay decoupled. */
  async activeMemberEmails(queueId: string): Promise<string[]> {
    const rows = await this.db.manager
      .createQueryBuilder(UserTable, 'u')
      .innerJoin(QueueMemberTable, 'm', 'm.user_id = u.id')
      .where('m.queue_id = :queueId', { queueId })
      .andWhere('u.active = :active', { active: true })
      .select('u.email', 'email')
      .orderBy('u.email', 'ASC')
      .getRawMany<{ email: string }>();
    return rows.map((row) => row.email);
  }

  async insert(row: MessageTable): Promise<void> {
    await this.db.insert(MessageTable, row);
  }

  findById(id: string): Promise<MessageTable | null> {
    return this.db.manager.findOneBy(MessageTable, { id });
  }

  /** `inScope`: a condition on the message's case (CaseScopeService), for callers who see only some cases. */
  list(
    filter: { instanceId?: string; inScope?: FindOperator<string>; kind?: MessageKind },
    limit: number,
    offset: number,
  ): Promise<[MessageTable[], number]> {
    const instanceId = filter.instanceId ?? filter.inScope;
    return this.db.manager.findAndCount(MessageTable, {
      where: { ...(instanceId ? { instanceId } : {}), ...(filter.kind ? { kind: filter.kind } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }
}
