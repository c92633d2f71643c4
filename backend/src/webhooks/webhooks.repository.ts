import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { EntityTable, EntityTypeTable, InstanceTable, WebhookSubscriptionTable } from '../database/tables';

@Injectable()
export class WebhooksRepository {
  constructor(private readonly db: Database) {}

  async insert(row: WebhookSubscriptionTable): Promise<void> {
    await this.db.insert(WebhookSubscriptionTable, row);
  }

  findById(id: string): Promise<WebhookSubscriptionTable | null> {
    return this.db.manager.findOneBy(WebhookSubscriptionTable, { id });
  }

  list(limit: number, offset: number): Promise<[WebhookSubscriptionTable[], number]> {
    return this.db.manager.findAndCount(WebhookSubscriptionTable, { order: { createdAt: 'ASC', id: 'ASC' }, take: limit, skip: offset });
  }

  listAll(): Promise<WebhookSubscriptionTable[]> {
    return this.db.manager.find(WebhookSubscriptionTable);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.manager.delete(WebhookSubscriptionTable, { id });
    return (result.affected ?? 0) > 0;
  }

  async processKeyOf(instanceId: string): Promise<string | null> {
    const row = await this.db.manager.findOne(InstanceTable, { where: { id: instanceId }, select: { id: true, processKey: true } });
    return row?.processKey ?? null;
  }

  findEntity(id: string): Promise<EntityTable | null> {
    return this.db.manager.findOneBy(EntityTable, { id });
  }

  async entityTypeExists(key: string): Promise<boolean> {
    return (await this.db.manager.countBy(EntityTypeTable, { key })) > 0;
  }
}
