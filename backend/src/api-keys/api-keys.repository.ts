import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { ApiKeyTable } from '../database/tables';

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly db: Database) {}

  list(offset: number, limit: number): Promise<[ApiKeyTable[], number]> {
    return this.db.manager.findAndCount(ApiKeyTable, { order: { createdAt: 'DESC', id: 'ASC' }, skip: offset, take: limit });
  }

  findById(id: string): Promise<ApiKeyTable | null> {
    return this.db.manager.findOneBy(ApiKeyTable, { id });
  }

  async insert(row: ApiKeyTable): Promise<void> {
    await this.db.insert(ApiKeyTable, row);
  }

  async revoke(id: string, at: number): Promise<void> {
    await this.db.manager.update(ApiKeyTable, { id }, { revokedAt: at });
  }
}
