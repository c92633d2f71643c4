import { Injectable } from '@nestjs/common';
import { Database } from '../database/database';
import { EntityRelationTable, EntityTable } from '../database/tables';

export interface RelatedRow {
  name: string;
  entity: EntityTable;
}

@Injectable()
export class EntityRelationsRepository {
  constructor(private readonly db: Database) {}

  find(entityId: string, name: string): Promise<EntityRelationTable | null> {
    return this.db.findOneBy(EntityRelationTable, { entityId, name });
  }

  async insert(row: EntityRelationTable): Promise<void> {
    await this.db.insert(EntityRelationTable, row);
  }

  async retarget(id: string, relatedId: string): Promise<void> {
    await this.db.update(EntityRelationTable, { id }, { relatedId });
  }

  async remove(id: string): Promise<void> {
    await this.db.manager.delete(EntityRelationTable, { id });
  }

  /** The records this one links to, by relation name. */
  async outgoing(entityId: string): Promise<RelatedRow[]> {
    const rows = await this.db.manager.find(EntityRelationTable, { where: { entityId }, relations: { related: true }, order: { name: 'ASC' } });
    return rows.map((row) => ({ name: row.name, entity: row.related! }));
  }

  /** The records linking to this one (a course date's bookings), oldest link first. */
  async incoming(relatedId: string, filter: { name?: string; type?: string }): Promise<RelatedRow[]> {
    const query = this.db.manager
      .createQueryBuilder(EntityRelationTable, 'r')
      .innerJoinAndSelect('r.entity', 'e')
      .where('r.related_id = :relatedId', { relatedId });
    if (filter.name) query.andWhere('r.name = :name', { name: filter.name });
    if (filter.type) query.andWhere('e.type = :type', { type: filter.type });
    const rows = await query.orderBy('r.created_at', 'ASC').addOrderBy('r.id', 'ASC').getMany();
    return rows.map((row) => ({ name: row.name, entity: row.entity! }));
  }
}
