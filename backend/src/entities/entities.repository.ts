import { Injectable } from '@nestjs/common';
import { Brackets, FindOneOptions, FindOperator, In, IsNull, Not } from 'typeorm';
import { Database } from '../database/database';
import { EntityTable, EntityTypeTable, InstanceTable } from '../database/tables';

type EntityPatch = Partial<Pick<EntityTable, 'type' | 'name' | 'email' | 'managerEmail' | 'attributes' | 'updatedAt'>>;

export interface EntityListFilter {
  type?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** How many instances an entity's page shows; the rest are reachable through GET /instances?entityId. */
export const ENTITY_INSTANCES_SHOWN = 100;

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

@Injectable()
export class EntitiesRepository {
  private readonly knownTypes = new Set<string>();

  constructor(private readonly db: Database) {}

  findById(id: string, forUpdate = false): Promise<EntityTable | null> {
    if (!this.db.isPostgres) return this.db.findOneBy(EntityTable, { id });
    return this.db.manager.findOne(EntityTable, { where: { id }, ...this.lock(forUpdate) });
  }

  findByKey(type: string, externalId: string, forUpdate = false): Promise<EntityTable | null> {
    if (!this.db.isPostgres) return this.db.findOneBy(EntityTable, { type, externalId });
    return this.db.manager.findOne(EntityTable, { where: { type, externalId }, ...this.lock(forUpdate) });
  }

  /**
   * ON CONFLICT DO NOTHING rather than catching the unique violation: on PostgreSQL a failed
   * statement aborts the whole transaction, and this runs inside callers' transactions (an
   * instance launch) that must survive losing the race. Returns whether this row was written.
   */
  insertIfAbsent(row: EntityTable): Promise<boolean> {
    return this.db.insertIfAbsent(EntityTable, row);
  }

  /** TypeORM's deep-partial type cannot express a JSON column typed as a record; the patch is a plain column subset. */
  async update(id: string, patch: EntityPatch): Promise<void> {
    await this.db.update<EntityTable>(EntityTable, { id }, patch);
  }

  /** Entity types are never deleted, so a type seen once stays known; unknown ones are asked again. */
  async entityTypeExists(key: string): Promise<boolean> {
    if (this.knownTypes.has(key)) return true;
    const exists = (await this.db.count(EntityTypeTable, { key })) > 0;
    if (exists) this.knownTypes.add(key);
    return exists;
  }

  /** Query builder for the OR across columns and the portable case-insensitive LIKE. */
  list(filter: EntityListFilter): Promise<[EntityTable[], number]> {
    const query = this.db.manager.createQueryBuilder(EntityTable, 'e');
    if (filter.type) query.andWhere('e.type = :type', { type: filter.type });
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      query.andWhere(
        new Brackets((any) => {
          for (const column of ['e.name', 'e.externalId', 'e.email']) {
            any.orWhere(`LOWER(${column}) LIKE LOWER(:pattern) ESCAPE '\\'`, { pattern });
          }
        }),
      );
    }
    return query.orderBy('e.updatedAt', 'DESC').addOrderBy('e.id', 'ASC').offset(filter.offset).limit(filter.limit).getManyAndCount();
  }

  /** Which of these records have an open case sitting past its stage's stall threshold. */
  async stalledAmong(entityIds: string[]): Promise<Set<string>> {
    if (entityIds.length === 0) return new Set();
    const rows = await this.db.manager.find(InstanceTable, {
      select: { entityId: true },
      where: { entityId: In(entityIds), status: In(['active', 'waiting']), stalledAt: Not(IsNull()) },
    });
    return new Set(rows.map((row) => row.entityId));
  }

  /** `inScope`: only the cases the caller may see (CaseScopeService). */
  instancesOf(entityId: string, inScope?: FindOperator<string>): Promise<InstanceTable[]> {
    return this.db.manager.find(InstanceTable, {
      select: { id: true, processKey: true, status: true, currentStageKey: true, createdAt: true },
      where: inScope ? { entityId, id: inScope } : { entityId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: ENTITY_INSTANCES_SHOWN,
    });
  }

  /** Row locks exist only on PostgreSQL; on SQLite writes are already serialised in-process. */
  private lock(forUpdate: boolean): Pick<FindOneOptions<EntityTable>, 'lock'> {
    return forUpdate && this.db.isPostgres ? { lock: { mode: 'pessimistic_write' } } : {};
  }
}
