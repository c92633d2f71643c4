import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../columns';
import { EntityTable } from './entity.table';

/**
 * A named link from one record to another (a booking's `courseDate`, an invoice's `payer`). One
 * record per name: setting it again replaces the link. Read the other way, a course date lists
 * every booking whose `courseDate` points at it.
 */
@Entity('entity_relations')
@Index('uq_entity_relations_name', ['entityId', 'name'], { unique: true })
@Index('ix_entity_relations_related', ['relatedId', 'name'])
export class EntityRelationTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'entity_id', length: 36 }) entityId!: string;
  @ManyToOne(() => EntityTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'entity_id' })
  entity?: EntityTable;
  @Column('varchar', { length: 100 }) name!: string;
  @Column('varchar', { name: 'related_id', length: 36 }) relatedId!: string;
  @ManyToOne(() => EntityTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'related_id' })
  related?: EntityTable;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}
