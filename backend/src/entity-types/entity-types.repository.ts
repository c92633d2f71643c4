import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { EntityTypeTable } from '../database/tables';

@Injectable()
export class EntityTypesRepository {
  constructor(private readonly db: Database) {}

  list(offset: number, limit: number): Promise<[EntityTypeTable[], number]> {
    return this.db.manager.findAndCount(EntityTypeTable, { order: { key: 'ASC' }, skip: offset, take: limit });
  }

  findByKey(key: string): Promise<EntityTypeTable | null> {
    return this.db.manager.findOneBy(EntityTypeTable, { key });
  }

  async insert(row: EntityTypeTable): Promise<void> {
    await this.db.insert(EntityTypeTable, row);
  }
}
