import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { ApiKeyTable, SessionTable, UserTable } from '../database/tables';

@Injectable()
export class AuthRepository {
  constructor(private readonly db: Database) {}

  findUserByEmail(email: string): Promise<UserTable | null> {
    return this.db.manager.findOneBy(UserTable, { email: email.toLowerCase() });
  }

  findUser(id: string): Promise<UserTable | null> {
    return this.db.manager.findOneBy(UserTable, { id });
  }

  async insertSession(session: SessionTable): Promise<void> {
    await this.db.manager.insert(SessionTable, session);
  }

  findSession(tokenHash: string): Promise<SessionTable | null> {
    return this.db.manager.findOneBy(SessionTable, { tokenHash });
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.manager.delete(SessionTable, { tokenHash });
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.manager.delete(SessionTable, { userId });
  }

  async updatePassword(userId: string, passwordHash: string, at: number): Promise<void> {
    await this.db.manager.update(UserTable, { id: userId }, { passwordHash, updatedAt: at });
  }

  findApiKeyByPrefix(prefix: string): Promise<ApiKeyTable | null> {
    return this.db.manager.findOneBy(ApiKeyTable, { prefix });
  }

  async touchApiKey(id: string, at: number): Promise<void> {
    await this.db.manager.update(ApiKeyTable, { id }, { lastUsedAt: at });
  }
}
