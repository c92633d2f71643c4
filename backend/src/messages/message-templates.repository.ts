import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { MessageTemplateTable } from '../database/tables';

@Injectable()
export class MessageTemplatesRepository {
  constructor(private readonly db: Database) {}

  findLatest(key: string): Promise<MessageTemplateTable | null> {
    return this.db.manager.findOne(MessageTemplateTable, { where: { key }, order: { version: 'DESC' } });
  }

  findVersion(key: string, version: number): Promise<MessageTemplateTable | null> {
    return this.db.manager.findOneBy(MessageTemplateTable, { key, version });
  }

  listVersions(key: string, limit: number, offset: number): Promise<[MessageTemplateTable[], number]> {
    return this.db.manager.findAndCount(MessageTemplateTable, { where: { key }, order: { version: 'DESC' }, take: limit, skip: offset });
  }

  /** The latest version of every key: a correlated subquery, which the find API cannot express. */
  async listLatest(limit: number, offset: number): Promise<[MessageTemplateTable[], number]> {
    const rows = await this.db.manager
      .createQueryBuilder(MessageTemplateTable, 't')
      .where((qb) => {
        const latest = qb
          .subQuery()
          .select('MAX(v.version)')
          .from(MessageTemplateTable, 'v')
          .where('v.key = t.key')
          .getQuery();
        return `t.version = ${latest}`;
      })
      .orderBy('t.key', 'ASC')
      .take(limit)
      .skip(offset)
      .getMany();
    const counted = await this.db.manager
      .createQueryBuilder(MessageTemplateTable, 't')
      .select('COUNT(DISTINCT t.key)', 'count')
      .getRawOne<{ count: string | number }>();
    return [rows, Number(counted?.count ?? 0)];
  }

  async insert(row: MessageTemplateTable): Promise<void> {
    // A copy: on PostgreSQL TypeORM writes the columns that have defaults back into the object it
    // inserted, raw, so `documents` (JSON in a text column) would come back as a string.
    await this.db.insert(MessageTemplateTable, { ...row });
  }

  async deleteAll(key: string): Promise<number> {
    const result = await this.db.manager.delete(MessageTemplateTable, { key });
    return result.affected ?? 0;
  }
}
