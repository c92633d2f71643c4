import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../columns';
import type { ActorType } from './event.table';
import { InstanceTable } from './instance.table';

export const DOCUMENT_SOURCES = ['intake', 'reviewer', 'node', 'api'] as const;
export type DocumentSource = (typeof DOCUMENT_SOURCES)[number];

export const DOCUMENT_STORAGES = ['folder', 'database'] as const;
export type DocumentStorage = (typeof DOCUMENT_STORAGES)[number];

/**
 * A file on a case (a referral letter, a signed form). The row describes it; the bytes live in the
 * store named by `storage` under `storageKey`, so a change of the configured store leaves older
 * files readable. With the database store the bytes are in `document_contents`, which is not an
 * entity: its column is a BLOB on SQLite and a BYTEA on PostgreSQL, and no TypeORM column type
 * names both (see documents/database-store.ts and the CaseDocuments migrations).
 */
@Entity('case_documents')
@Index('ix_case_documents_instance', ['instanceId', 'createdAt'])
export class CaseDocumentTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'instance_id', length: 36 }) instanceId!: string;
  @ManyToOne(() => InstanceTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instance_id' })
  instance?: InstanceTable;
  @Column('varchar', { length: 300 }) name!: string;
  @Column('varchar', { name: 'content_type', length: 100 }) contentType!: string;
  @Column('integer') size!: number;
  @Column('varchar', { length: 64 }) sha256!: string;
  /** A label for finding it again: intake, referral-letter, supporting (the default). */
  @Column('varchar', { length: 50, default: 'supporting' }) kind!: string;
  /** The intake path the file answers (data.referralLetter), when it answers one. */
  @Column('varchar', { length: 200, nullable: true }) field!: string | null;
  @Column('varchar', { length: 20 }) source!: DocumentSource;
  @Column('varchar', { name: 'task_id', length: 36, nullable: true }) taskId!: string | null;
  @Column('varchar', { name: 'added_by_type', length: 20 }) addedByType!: ActorType;
  @Column('varchar', { name: 'added_by_id', length: 36, nullable: true }) addedById!: string | null;
  @Column('varchar', { name: 'added_by_name', length: 200, nullable: true }) addedByName!: string | null;
  @Column('varchar', { length: 20 }) storage!: DocumentStorage;
  @Column('varchar', { name: 'storage_key', length: 200 }) storageKey!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}
