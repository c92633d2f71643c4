import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { newApiKey, sha256 } from '../auth/secrets';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, PageQueryDto, pageOf } from '../common/paging';
import { Database } from '../database/database';
import { ApiKeyTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse, toApiKeyResponse } from './api-keys.dto';
import { ApiKeysRepository } from './api-keys.repository';

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: Database,
    private readonly repository: ApiKeysRepository,
    private readonly auth: AuthService,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async list(query: PageQueryDto): Promise<Page<ApiKeyResponse>> {
    const [rows, total] = await this.db.read(() => this.repository.list(query.offset ?? 0, query.limit ?? 50));
    return pageOf(rows.map(toApiKeyResponse), total, query);
  }

  /** Only the hash is stored: the returned key is the one and only time anyone sees it. */
  async create(actor: Actor, dto: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    const key = newApiKey();
    const row: ApiKeyTable = {
      id: newId(),
      name: dto.name,
      prefix: key.prefix,
      keyHash: sha256(key.full),
      scopes: [...new Set(dto.scopes)],
      createdBy: actor.type === 'user' ? actor.id : null,
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.db.transaction(async () => {
      await this.repository.insert(row);
      await this.events.record(actor, 'api_key.created', {}, { apiKeyId: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes });
    });
    return { ...toApiKeyResponse(row), key: key.full };
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    const revoked = await this.db.transaction(async () => {
      const row = await this.repository.findById(id);
      if (!row) throw new NotFoundException(`API key "${id}" does not exist.`);
      if (row.revokedAt !== null) throw new ConflictException(`API key "${row.name}" (${row.prefix}) is already revoked.`);
      await this.repository.revoke(row.id, this.clock.now());
      await this.events.record(actor, 'api_key.revoked', {}, { apiKeyId: row.id, name: row.name, prefix: row.prefix });
      return row;
    });
    // Only after the commit: forgetting earlier would let a request in between cache the key again.
    this.auth.forgetApiKey(revoked.prefix);
  }
}
