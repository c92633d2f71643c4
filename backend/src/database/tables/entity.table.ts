import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '../columns';

export const BUILTIN_ENTITY_TYPES = ['prospect', 'client', 'employee', 'student', 'booking', 'invoice'] as const;

@Entity('entity_types')
export class EntityTypeTable {
  @PrimaryColumn('varchar', { length: 50 }) key!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('boolean', { default: false }) builtin!: boolean;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}

/** What a case is about: a booking, an invoice, an employee, a student… */
@Entity('entities')
@Index('uq_entities_type_external_id', ['type', 'externalId'], { unique: true })
export class EntityTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 50 }) type!: string;
  @Column('varchar', { name: 'external_id', length: 200 }) externalId!: string;
  @Column('varchar', { length: 300 }) name!: string;
  @Column('varchar', { length: 320, nullable: true }) email!: string | null;
  @Column('varchar', { name: 'manager_email', length: 320, nullable: true }) managerEmail!: string | null;
  @JsonColumn() attributes!: Record<string, unknown>;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
}
