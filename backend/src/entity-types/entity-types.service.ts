import { ConflictException, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { Page, PageQueryDto, pageOf } from '../common/paging';
import { Database } from '../database/database';
import { isUniqueViolation } from '../database/errors';
import { EntityTypeTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { CreateEntityTypeDto, EntityTypeResponse, toEntityTypeResponse } from './entity-types.dto';
import { EntityTypesRepository } from './entity-types.repository';

@Injectable()
export class EntityTypesService {
  constructor(
    private readonly db: Database,
    private readonly repository: EntityTypesRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /** For other domains; runs in the caller's transaction or read, so it is not wrapped here. */
  findByKey(key: string): Promise<EntityTypeTable | null> {
    return this.repository.findByKey(key);
  }

  async list(query: PageQueryDto): Promise<Page<EntityTypeResponse>> {
    const [rows, total] = await this.db.read(() => this.repository.list(query.offset ?? 0, query.limit ?? 50));
    return pageOf(rows.map(toEntityTypeResponse), total, query);
  }

  async create(actor: Actor, dto: CreateEntityTypeDto): Promise<EntityTypeResponse> {
    const row: EntityTypeTable = { key: dto.key, name: dto.name, builtin: false, createdAt: this.clock.now() };
    try {
      await this.db.transaction(async () => {
        if (await this.repository.findByKey(dto.key)) throw duplicate(dto.key);
        await this.repository.insert(row);
        await this.events.record(actor, 'entity_type.created', {}, { key: row.key, name: row.name });
      });
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(dto.key) : error;
    }
    return toEntityTypeResponse(row);
  }
}

const duplicate = (key: string): ConflictException => new ConflictException(`An entity type with key "${key}" already exists.`);
